package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoPublisherTest {
    @TempDir
    Path dir;
    TestBuilds builds;
    RepoPublisher publisher;

    @BeforeEach
    void setUp() {
        builds = new TestBuilds(dir.resolve("data"));
        publisher = new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store);
    }

    @AfterEach
    void tearDown() {
        builds.close();
    }

    private Path repos() {
        return builds.dataDir.resolve("repos");
    }

    private Dnf dnfOn(String pointer) {
        return new Dnf(dir.resolve("root-" + pointer + "-" + System.nanoTime()),
                repos().resolve(pointer).toUri().toString(), null);
    }

    private static Object inode(Path file) throws Exception {
        return Files.getAttribute(file, "unix:ino");
    }

    @Test
    void snapshotHoldsEveryPackagesLatestRpmsAsHardLinksAndDnfSeesThem() throws Exception {
        BuildRecord a = builds.success("alpha", "1.0");
        BuildRecord b = builds.success("beta", "1.0");
        publisher.publish(a, null);
        PublishResult result = publisher.publish(b, null);

        assertTrue(result.currentMoved() && result.consistentMoved(), result.summary());
        assertEquals(2, result.packages());
        Path snapshot = repos().resolve(result.snapshotDir());
        assertEquals(snapshot, repos().resolve("current").toRealPath());
        assertEquals(snapshot, repos().resolve("consistent").toRealPath());
        Path alphaRpm = builds.dataDir.resolve(a.artifacts().get(0));
        Path linked = snapshot.resolve(alphaRpm.getFileName());
        assertEquals(inode(alphaRpm), inode(linked), "the other package's RPM is a hard link, not a copy");
        assertFalse(Files.exists(snapshot.resolve(Path.of(a.artifacts().get(1)).getFileName())),
                "SRPMs stay out unless configured");
        assertTrue(Files.exists(builds.dataDir.resolve(b.artifacts().get(1))), "the build's own SRPM is kept");
        assertTrue(Files.isRegularFile(snapshot.resolve(SnapshotManifest.FILE_NAME)));
        String repoFile = Files.readString(snapshot.resolve("package-pipeline.repo"));
        assertTrue(repoFile.contains("baseurl=" + repos().toUri() + result.snapshotDir() + "/"), repoFile);

        assertEquals(List.of("alpha-1.0-" + a.nvr().substring("alpha-1.0-".length()),
                "beta-1.0-" + b.nvr().substring("beta-1.0-".length())), dnfOn("current").available());
    }

    @Test
    void aFailedBuildMovesCurrentOnTheNextSuccessButNotConsistent() throws Exception {
        publisher.publish(builds.success("alpha", "1.0"), null);
        PublishResult consistentOne = publisher.publish(builds.success("beta", "1.0"), null);
        PublishResult failed = publisher.publish(builds.failure("beta", "2.0"), null);
        assertEquals(null, failed.snapshotDir());
        PublishResult next = publisher.publish(builds.success("alpha", "2.0"), null);

        assertTrue(next.currentMoved(), next.summary());
        assertFalse(next.consistent());
        assertFalse(next.consistentMoved());
        assertEquals(repos().resolve(next.snapshotDir()), repos().resolve("current").toRealPath());
        assertEquals(repos().resolve(consistentOne.snapshotDir()), repos().resolve("consistent").toRealPath());
        List<String> current = dnfOn("current").available();
        assertTrue(current.stream().anyMatch(n -> n.startsWith("alpha-2.0-")), current.toString());
        assertTrue(current.stream().anyMatch(n -> n.startsWith("beta-1.0-")), "beta's last good build stays in");
        List<String> consistent = dnfOn("consistent").available();
        assertTrue(consistent.stream().anyMatch(n -> n.startsWith("alpha-1.0-")), consistent.toString());
    }

    @Test
    void publishingAgainReusesACompleteSnapshotAndRedoesAnIncompleteOne() throws Exception {
        BuildRecord a = builds.success("alpha", "1.0");
        BuildRecord b = builds.success("beta", "1.0");
        publisher.publish(a, null);
        assertTrue(publisher.publish(a, null).reused());

        // A publisher killed half-way through b: stale links and half-made repodata, no manifest.
        Path snapshot = builds.dataDir.resolve(b.repoDir());
        Files.createDirectories(snapshot.resolve(".repodata"));
        Path stale = Files.writeString(dir.resolve("stale-9-9.noarch.rpm"), "junk");
        Files.createLink(snapshot.resolve("stale-9-9.noarch.rpm"), stale);
        PublishResult redone = publisher.publish(b, null);
        assertFalse(redone.reused());
        assertFalse(Files.exists(snapshot.resolve("stale-9-9.noarch.rpm")));
        assertTrue(Files.exists(builds.dataDir.resolve(b.artifacts().get(1))), "its own SRPM stays");
        assertEquals(2, dnfOn("current").available().size());
    }

    @Test
    void olderBuildPublishedLateDoesNotMovePointersBack() throws Exception {
        BuildRecord old = builds.success("alpha", "1.0");
        BuildRecord newer = builds.success("alpha", "2.0");
        publisher.publish(newer, null);
        PublishResult late = publisher.publish(old, null);
        assertFalse(late.currentMoved(), late.summary());
        assertEquals(builds.dataDir.resolve(newer.repoDir()), repos().resolve("current").toRealPath());
    }

    @Test
    void concurrentPublishersAreSerializedAndBothSnapshotsAreComplete() throws Exception {
        List<BuildRecord> records = new ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            records.add(builds.success(name, "1.0"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PublishResult>> futures = new ArrayList<>();
            for (BuildRecord r : records) {
                RepoPublisher other = new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store);
                futures.add(pool.submit(() -> other.publish(r, null)));
            }
            for (Future<PublishResult> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (BuildRecord r : records) {
            assertTrue(Files.isRegularFile(builds.dataDir.resolve(r.repoDir()).resolve("repodata/repomd.xml")));
        }
        assertEquals(4, dnfOn("current").available().size());
    }

    @Test
    void sourcesAndComponentsWhenConfigured() throws Exception {
        RepoPublisher perComponent = new RepoPublisher(RepoConfig.defaults(builds.dataDir).withSources(true)
                .withComponents(true), builds.store);
        BuildRecord a = builds.success("alpha", "1.0", "", "base");
        BuildRecord b = builds.success("beta", "1.0", "", "extras");
        perComponent.publish(List.of(a, b), null);
        Path current = repos().resolve("current");
        String aggregate = Files.readString(current.resolve("package-pipeline.repo"));
        assertTrue(aggregate.contains("[package-pipeline-base]") && aggregate.contains("[package-pipeline-extras]"),
                aggregate);
        assertTrue(aggregate.contains("/components/extras/"), aggregate);
        Dnf extras = new Dnf(dir.resolve("root-extras"), current.resolve("components/extras").toUri().toString(), null);
        List<String> offered = extras.available();
        assertTrue(offered.stream().anyMatch(n -> n.startsWith("beta-1.0-")), offered.toString());
        assertTrue(offered.stream().noneMatch(n -> n.startsWith("alpha")), offered.toString());
        assertTrue(Files.exists(current.resolve("components/extras")
                .resolve(Path.of(b.artifacts().get(1)).getFileName())), "SRPM included when configured");
    }

    @Test
    void aPublisherWaitingTooLongForTheLockSaysWhoHoldsIt() throws Exception {
        RepoConfig impatient = RepoConfig.defaults(builds.dataDir);
        impatient = new RepoConfig(impatient.dataDir(), impatient.publicUrl(), impatient.repoName(), false, false,
                java.time.Duration.ofMillis(300));
        BuildRecord a = builds.success("alpha", "1.0");
        RepoPublisher waiting = new RepoPublisher(impatient, builds.store);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (PublishLock held = PublishLock.acquire(repos(), java.time.Duration.ofSeconds(5))) {
            Future<PublishResult> attempt = other.submit(() -> waiting.publish(a, null));
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    attempt::get);
            assertTrue(e.getCause() instanceof PackagePipelineException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains(".publish.lock"), e.getCause().getMessage());
        } finally {
            other.shutdown();
        }
        assertTrue(waiting.publish(a, null).currentMoved(), "once the lock is free, publishing works");
    }

    @Test
    void aMissingRpmFailsWithItsNameAndLeavesTheServedRepoAlone() throws Exception {
        BuildRecord a = builds.success("alpha", "1.0");
        publisher.publish(a, null);
        Path before = repos().resolve("current").toRealPath();
        BuildRecord b = builds.success("beta", "1.0");
        Files.delete(builds.dataDir.resolve(b.artifacts().get(0)));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> publisher.publish(b, null));
        assertTrue(e.getMessage().contains(Path.of(b.artifacts().get(0)).getFileName().toString()), e.getMessage());
        assertEquals(before, repos().resolve("current").toRealPath());
    }
}
