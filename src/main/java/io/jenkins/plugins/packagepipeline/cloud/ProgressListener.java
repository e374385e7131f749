package io.jenkins.plugins.packagepipeline.cloud;

/**
 * Receives one human-readable progress line at a time ("server pp-ab12 BUILD (12 s)", warnings, cleanup steps).
 * The Jenkins glue forwards them to the build log, the command line to standard error. Never receives secrets.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = line -> { };

    void progress(String line);
}
