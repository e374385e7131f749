package io.jenkins.plugins.packagepipeline.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the build engine builds: where, with which builder, how many at once, how long a build may take.
 * {@link #defaults(Path)} gives the embedded defaults; the {@code with...} methods change one setting.
 *
 * @param dataDir holds {@code repos/} (build outputs), {@code git/} (the repository cache), {@code work/} (scratch
 *     space of running builds) and, by default, the SQLite build database
 * @param release the catalog release to build, null for the catalog's first
 * @param builder {@code rpmbuild} (default) or {@code mock}
 * @param dist the {@code %{dist}} tag, e.g. {@code .el9} (rpmbuild on a non-RPM distribution defines none)
 * @param nodeps whether rpmbuild skips BuildRequires checks ({@code --nodeps}; needed where the rpm database is
 *     empty, as on Debian)
 * @param mockConfig the mock chroot configuration ({@code -r}) when the builder is mock
 * @param buildTimeout how long one build may run before it is killed and recorded RETRY
 * @param gitTimeout how long one git network operation may stall
 * @param workers how many builds run at once
 * @param gitThreads how many repositories are refreshed at once
 * @param maxRetries how many times a pair may end in RETRY before it is recorded FAILED
 * @param allowForceRechecks whether a forced recheck may rebuild a pair recorded SUCCESS (DLRN's
 *     {@code allow_force_rechecks}; off by default: a rebuild replaces packages that snapshots already served)
 */
public record BuildSettings(Path dataDir, String release, String builder, String dist, boolean nodeps,
        String mockConfig, Duration buildTimeout, Duration gitTimeout, int workers, int gitThreads, int maxRetries,
        boolean allowForceRechecks) {

    public static final String RPMBUILD = "rpmbuild";
    public static final String MOCK = "mock";

    public BuildSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(buildTimeout, "buildTimeout");
        Objects.requireNonNull(gitTimeout, "gitTimeout");
        dataDir = dataDir.toAbsolutePath().normalize();
        workers = Math.max(1, workers);
        gitThreads = Math.max(1, gitThreads);
        maxRetries = Math.max(0, maxRetries);
    }

    /**
     * rpmbuild with {@code --nodeps}, dist {@code .el9}, 30 min per build, 2 workers, 8 git threads, 3 retries, no
     * forced rechecks.
     */
    public static BuildSettings defaults(Path dataDir) {
        return new BuildSettings(dataDir, null, RPMBUILD, ".el9", true, "default", Duration.ofMinutes(30),
                Duration.ofMinutes(2), 2, 8, 3, false);
    }

    public Path reposDir() {
        return dataDir.resolve("repos");
    }

    public Path gitCacheDir() {
        return dataDir.resolve("git");
    }

    public Path workDir() {
        return dataDir.resolve("work");
    }

    public BuildSettings withDataDir(Path value) {
        return new BuildSettings(value, release, builder, dist, nodeps, mockConfig, buildTimeout, gitTimeout, workers,
                gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withRelease(String value) {
        return new BuildSettings(dataDir, value, builder, dist, nodeps, mockConfig, buildTimeout, gitTimeout, workers,
                gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withBuilder(String value) {
        return new BuildSettings(dataDir, release, value, dist, nodeps, mockConfig, buildTimeout, gitTimeout, workers,
                gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withDist(String value) {
        return new BuildSettings(dataDir, release, builder, value, nodeps, mockConfig, buildTimeout, gitTimeout,
                workers, gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withBuildTimeout(Duration value) {
        return new BuildSettings(dataDir, release, builder, dist, nodeps, mockConfig, value, gitTimeout, workers,
                gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withWorkers(int value) {
        return new BuildSettings(dataDir, release, builder, dist, nodeps, mockConfig, buildTimeout, gitTimeout, value,
                gitThreads, maxRetries, allowForceRechecks);
    }

    public BuildSettings withMaxRetries(int value) {
        return new BuildSettings(dataDir, release, builder, dist, nodeps, mockConfig, buildTimeout, gitTimeout,
                workers, gitThreads, value, allowForceRechecks);
    }

    public BuildSettings withAllowForceRechecks(boolean value) {
        return new BuildSettings(dataDir, release, builder, dist, nodeps, mockConfig, buildTimeout, gitTimeout,
                workers, gitThreads, maxRetries, value);
    }
}
