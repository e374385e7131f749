package io.jenkins.plugins.packagepipeline.build;

/** Receives the engine's progress lines (for a console: the command line's output, a Jenkins build log). */
@FunctionalInterface
public interface BuildListener {
    BuildListener NONE = line -> { };

    /** Called from the engine's threads, one line at a time. */
    void progress(String line);
}
