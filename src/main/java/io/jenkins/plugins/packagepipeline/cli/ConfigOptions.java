package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.build.BuildConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The build configuration file and the data directory, shared by {@code build} and the repository commands: one
 * {@code --config} file serves them all, and {@code --data-directory} overrides its {@code data-directory}.
 */
final class ConfigOptions {
    @Option(names = "--config", description = "The build configuration file (YAML: data-directory, catalog, database,"
            + " builder, dist, timeouts, workers...); the options given here override it.")
    Path configFile;

    @Option(names = "--data-directory", description = "The data directory (overrides the --config file's"
            + " data-directory; the repository commands default to package-pipeline-data).")
    Path dataDir;

    private BuildConfig loaded;

    /** The configuration file with {@code --data-directory} applied, read once; null without {@code --config}. */
    BuildConfig buildConfig() {
        if (configFile != null && loaded == null) {
            BuildConfig file = BuildConfig.load(configFile, System.getenv());
            loaded = dataDir == null ? file : file.withSettings(file.settings().withDataDir(dataDir));
        }
        return loaded;
    }
}
