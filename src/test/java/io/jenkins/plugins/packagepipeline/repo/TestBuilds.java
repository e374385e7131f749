package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A data directory with a real SQLite build database and real build output directories holding RPMs built by
 * rpmbuild, laid out as the build engine lays them out ({@code repos/<h[0:2]>/<h[2:4]>/<source>_<distgit[0:8]>/}).
 */
final class TestBuilds implements AutoCloseable {
    final Path dataDir;
    final BuildStore store;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    TestBuilds(Path dataDir) {
        this.dataDir = dataDir;
        this.store = JdbcBuildStore.sqlite(dataDir.resolve("build.db"));
    }

    /** Builds and records a successful build of {@code name} at {@code version}. */
    BuildRecord success(String name, String version) throws IOException, InterruptedException {
        return success(name, version, "", null);
    }

    BuildRecord success(String name, String version, String extraPreamble, String component)
            throws IOException, InterruptedException {
        String source = hash(name + "-source-" + version);
        String distgit = hash(name + "-distgit-" + version);
        String repoDir = BuildRecord.outputDir(source, distgit);
        Path out = dataDir.resolve(repoDir);
        String release = "1." + source.substring(0, 7);
        List<Path> rpms = TestRpms.build(dataDir.resolve("work"), out, name, version, release, extraPreamble);
        Files.writeString(out.resolve("rpmbuild.log"), "build log of " + name + "\n");
        List<String> artifacts = rpms.stream().map(p -> dataDir.relativize(p).toString()).toList();
        return store.record(new BuildRecord(0, name, name, source, distgit, "main", "rpm-main", component,
                BuildStatus.SUCCESS, tick(), tick(), name + "-" + version + "-" + release, artifacts, repoDir, null, 0,
                false));
    }

    /** Records a failed build of {@code name} (logs only, no RPMs). */
    BuildRecord failure(String name, String version) throws IOException {
        String source = hash(name + "-source-" + version);
        String distgit = hash(name + "-distgit-" + version);
        String repoDir = BuildRecord.outputDir(source, distgit);
        Path out = Files.createDirectories(dataDir.resolve(repoDir));
        Files.writeString(out.resolve("rpmbuild.log"), "error: bad spec\n");
        return store.record(new BuildRecord(0, name, name, source, distgit, "main", "rpm-main", null,
                BuildStatus.FAILED, tick(), tick(), null, List.of(), repoDir, "rpmbuild failed: error: bad spec", 0,
                false));
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    static String hash(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
