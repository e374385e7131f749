package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoNames;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.DatabaseUrl;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options the repository commands ({@code publish}, {@code purge}, {@code import}, {@code status}) share: where
 * the data and the build database are, how the repository is published, and where the signing key comes from
 * (environment variables or a key file, never a command-line value, so that it shows in no process list or shell
 * history).
 */
final class RepoOptions {
    static final String KEY_ENV = "PACKAGE_PIPELINE_SIGNING_KEY";
    static final String PASSPHRASE_ENV = "PACKAGE_PIPELINE_SIGNING_PASSPHRASE";

    static final Path DEFAULT_DATADIR = Path.of("package-pipeline-data");

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--database-url", description = "JDBC URL of the build database (default: SQLite file"
            + " build.db in the data directory). Password from $" + DatabaseUrl.PASSWORD_ENV + ", never in the URL.")
    String databaseUrl;

    @Option(names = "--database-user", description = "Build database user, for PostgreSQL.")
    String databaseUser;

    @Option(names = "--public-url", description = "URL where <data-directory>/repos is served; .repo files point there"
            + " (default: its file:// URL).")
    URI publicUrl;

    @Option(names = "--repo-name", description = "Repository id, .repo and key file name (default: the name recorded"
            + " at the data directory's first publish, else " + RepoConfig.DEFAULT_REPO_NAME + "); a name other than"
            + " the recorded one is refused.")
    String repoName;

    @Option(names = "--sources", description = "Include SRPMs in the repositories.")
    boolean sources;

    @Option(names = "--components", description = "One sub-repository per component, plus an aggregate .repo file.")
    boolean components;

    @Option(names = "--tool-timeout", description = "Time limit of one createrepo_c/rpmsign/gpg/rsync run, e.g. 90s,"
            + " 10m (default: ${DEFAULT-VALUE}).")
    String toolTimeout = "10m";

    @Option(names = "--sign", description = "Sign RPMs and repomd.xml with the armored secret key in $" + KEY_ENV
            + " (or --signing-key-file), passphrase in $" + PASSPHRASE_ENV + ".")
    boolean sign;

    @Option(names = "--signing-key-file", description = "File holding the armored secret signing key (implies"
            + " --sign).")
    Path signingKeyFile;

    /** {@code --data-directory}, else the {@code --config} file's, else {@code package-pipeline-data}. */
    Path dataDir() {
        BuildConfig buildConfig = configOptions.buildConfig();
        if (buildConfig != null) {
            return buildConfig.settings().dataDir();
        }
        return configOptions.dataDir != null ? configOptions.dataDir : DEFAULT_DATADIR;
    }

    /**
     * How the data directory's repositories are published; their name is the one recorded in {@code store} unless
     * {@code --repo-name} gives it for the first time (a different one is refused: {@link RepoNames}).
     */
    RepoConfig config(BuildStore store) throws IOException {
        RepoConfig config = RepoConfig.defaults(dataDir()).withRepoName(RepoNames.choose(dataDir(), store, repoName))
                .withSources(sources)
                .withComponents(components)
                .withToolTimeout(Durations.parsePositive(toolTimeout, "--tool-timeout"));
        return publicUrl == null ? config : config.withPublicUrl(publicUrl);
    }

    /** Opens the build database; a {@code --database-url} holding a password (in the process list) is refused. */
    BuildStore openStore() {
        DatabaseUrl.refusePassword(databaseUrl, "--database-url", "put the password in $" + DatabaseUrl.PASSWORD_ENV);
        BuildConfig buildConfig = configOptions.buildConfig();
        if (databaseUrl == null && buildConfig != null && buildConfig.databaseUrl() != null) {
            return buildConfig.openStore();
        }
        if (databaseUrl == null) {
            Path file = dataDir().resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE);
            if (!Files.isRegularFile(file)) {
                throw new PackagePipelineException("No build database at " + file.toAbsolutePath() + ": build first,"
                        + " or pass --data-directory / --database-url.");
            }
            return JdbcBuildStore.sqlite(file);
        }
        return JdbcBuildStore.open(databaseUrl, databaseUser, System.getenv(DatabaseUrl.PASSWORD_ENV));
    }

    /** The signing key when signing was asked for, else null. */
    SigningKey signingKey() throws IOException {
        if (!sign && signingKeyFile == null) {
            return null;
        }
        byte[] key;
        if (signingKeyFile != null) {
            if (!Files.isRegularFile(signingKeyFile)) {
                throw new PackagePipelineException("Signing key file " + signingKeyFile + " does not exist.");
            }
            key = Files.readAllBytes(signingKeyFile);
        } else {
            String fromEnv = System.getenv(KEY_ENV);
            if (fromEnv == null || fromEnv.isBlank()) {
                throw new PackagePipelineException("--sign needs the armored secret key in $" + KEY_ENV
                        + " or a --signing-key-file.");
            }
            key = fromEnv.getBytes(StandardCharsets.US_ASCII);
        }
        String passphrase = System.getenv(PASSPHRASE_ENV);
        try {
            return new SigningKey(key, passphrase == null ? new char[0] : passphrase.toCharArray());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
