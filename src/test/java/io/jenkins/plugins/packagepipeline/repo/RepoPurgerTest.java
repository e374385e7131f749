package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoPurgerTest {
    @TempDir
    Path dir;
    TestBuilds builds;
    RepoConfig config;
    BuildRecord alpha1;
    BuildRecord beta1;
    BuildRecord beta2failed;
    BuildRecord alpha2;
    BuildRecord gamma1;
    BuildRecord gamma2;

    @BeforeEach
    void setUp() throws Exception {
        builds = new TestBuilds(dir.resolve("data"));
        config = RepoConfig.defaults(builds.dataDir);
        alpha1 = builds.success("alpha", "1.0");
        beta1 = builds.success("beta", "1.0");
        gamma1 = builds.success("gamma", "1.0");
        gamma2 = builds.success("gamma", "2.0");
        beta2failed = builds.failure("beta", "2.0");
        alpha2 = builds.success("alpha", "2.0");
        new RepoPublisher(config, builds.store).publish(List.of(alpha1, beta1, gamma1, gamma2, beta2failed, alpha2),
                null);
    }

    @AfterEach
    void tearDown() {
        builds.close();
    }

    /** The disk space the build directories' files take: each file once, however many hard links it has. */
    private long bytesInBuildDirectories() throws Exception {
        Path repos = builds.dataDir.resolve("repos");
        java.util.Map<Object, Long> files = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(repos)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                if (repos.relativize(f).getNameCount() >= 4) { // repos/<h>/<h>/<build>/...: not the reports
                    var attributes = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                    files.put(attributes.fileKey(), attributes.size());
                }
            }
        }
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    private Path dirOf(BuildRecord b) {
        return builds.dataDir.resolve(b.repoDir());
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        RepoPurger.PurgeResult result = new RepoPurger(config, builds.store).purge(Instant.now(), true);
        assertTrue(result.dryRun());
        assertEquals(List.of("alpha", "beta", "gamma"),
                result.purged().stream().map(BuildRecord::packageName).sorted().toList(), result.summary());
        assertTrue(result.bytesFreed() > 0);
        assertTrue(Files.exists(dirOf(alpha1).resolve(Path.of(alpha1.artifacts().get(0)).getFileName())));
        assertFalse(builds.store.find("alpha", alpha1.sourceCommit(), alpha1.distgitCommit()).orElseThrow().purged());
    }

    @Test
    void purgeKeepsNewestSuccessesAndPointerTargetsAndTheRecords() throws Exception {
        Path consistentBefore = builds.dataDir.resolve("repos/consistent").toRealPath();
        assertEquals(dirOf(gamma2), consistentBefore, "gamma 2.0 was the last snapshot before beta failed");
        long usedBefore = bytesInBuildDirectories();
        long announced = new RepoPurger(config, builds.store).purge(Instant.now(), true).bytesFreed();
        RepoPurger.PurgeResult result = new RepoPurger(config, builds.store).purge(Instant.now(), false);
        assertEquals(usedBefore - bytesInBuildDirectories(), result.bytesFreed(),
                "the space freed, not the RPMs' hard links other snapshots keep");
        assertEquals(announced, result.bytesFreed(), "the dry run announced it");

        // alpha 1.0 and gamma 1.0 are superseded and unpointed; beta's failed 2.0 has only logs.
        assertEquals(java.util.Set.of(alpha1.sourceCommit(), beta2failed.sourceCommit(), gamma1.sourceCommit()),
                result.purged().stream().map(BuildRecord::sourceCommit).collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, result.kept(), "alpha 2.0, beta 1.0, gamma 2.0 kept: " + result.summary());
        assertFalse(Files.exists(dirOf(alpha1).resolve("repodata")));
        assertFalse(Files.exists(dirOf(alpha1).resolve(Path.of(alpha1.artifacts().get(0)).getFileName())));
        assertTrue(Files.exists(dirOf(alpha1).resolve("rpmbuild.log")), "logs stay");
        assertTrue(builds.store.find("alpha", alpha1.sourceCommit(), alpha1.distgitCommit()).orElseThrow().purged());
        assertFalse(builds.store.find("beta", beta1.sourceCommit(), beta1.distgitCommit()).orElseThrow().purged());

        for (String pointer : List.of("current", "consistent")) {
            Dnf dnf = new Dnf(dir.resolve("root-" + pointer), builds.dataDir.resolve("repos").resolve(pointer)
                    .toUri().toString(), null);
            assertEquals(3, dnf.available().size(), pointer + " still complete");
        }
        String status = Files.readString(builds.dataDir.resolve("repos/report.html"));
        assertTrue(status.contains("(purged)"), "the report shows purged builds");
        // the next publish after a purge still works: its previous snapshot is current, which was kept
        BuildRecord beta3 = builds.success("beta", "3.0");
        PublishResult next = new RepoPublisher(config, builds.store).publish(beta3, null);
        assertTrue(next.consistentMoved(), next.summary());
        // publishing everything again skips the purged builds instead of failing on their missing RPMs
        List<PublishResult> again = new RepoPublisher(config, builds.store).publish(builds.store.recent(100), null);
        assertTrue(again.stream().anyMatch(r -> r.summary().contains("(purged)")), again.toString());
    }

    @Test
    void recentBuildsAreNotPurged() throws Exception {
        RepoPurger.PurgeResult result = new RepoPurger(config, builds.store).purge(Instant.parse("2025-01-01T00:00:00Z"),
                false);
        assertEquals(0, result.purged().size());
    }
}
