package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.mirror.MirrorTarget;
import io.jenkins.plugins.packagepipeline.repo.mirror.RsyncMirror;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsyncMirrorTest {
    @TempDir
    Path dir;
    TestBuilds builds;
    RepoConfig config;
    LoopbackSshd sshd;

    @BeforeEach
    void setUp() throws Exception {
        builds = new TestBuilds(dir.resolve("data"));
        config = RepoConfig.defaults(builds.dataDir);
        sshd = new LoopbackSshd(dir.resolve("sshd"));
    }

    @AfterEach
    void tearDown() throws Exception {
        sshd.close();
        builds.close();
    }

    private MirrorTarget target(Path remote, int port) {
        return new MirrorTarget(System.getProperty("user.name"), "127.0.0.1", port, remote.toString(),
                sshd.clientKey, sshd.knownHosts);
    }

    @Test
    void mirrorsSnapshotsThenPointersAndLaterPurges() throws Exception {
        Path secondary = Files.createDirectories(dir.resolve("secondary/repos"));
        RepoPublisher publisher = new RepoPublisher(config, builds.store);
        BuildRecord alpha1 = builds.success("alpha", "1.0");
        publisher.publish(List.of(alpha1, builds.success("beta", "1.0")), null);
        RsyncMirror mirror = new RsyncMirror(config, target(secondary, sshd.port));

        RsyncMirror.MirrorResult first = mirror.push();
        assertEquals(2, first.pointers().size(), first.summary());
        Path local = builds.dataDir.resolve("repos");
        for (String pointer : List.of("current", "consistent")) {
            assertTrue(Files.isSymbolicLink(secondary.resolve(pointer)));
            assertEquals(Files.readSymbolicLink(local.resolve(pointer)), Files.readSymbolicLink(secondary.resolve(pointer)));
            assertTrue(Files.isRegularFile(secondary.resolve(pointer).resolve(SnapshotManifest.FILE_NAME)));
        }
        Dnf dnf = new Dnf(dir.resolve("root1"), secondary.resolve("current").toUri().toString(), null);
        assertEquals(2, dnf.available().size());
        assertTrue(Files.isRegularFile(secondary.resolve("status_report.html")));
        Path alphaRpm = secondary.resolve(alpha1.repoDir().substring("repos/".length()))
                .resolve(Path.of(alpha1.artifacts().get(0)).getFileName());
        Path alphaLink = secondary.resolve("current").resolve(alphaRpm.getFileName());
        assertEquals(Files.getAttribute(alphaRpm, "unix:ino"), Files.getAttribute(alphaLink.toRealPath(), "unix:ino"),
                "hard links stay hard links on the secondary");

        publisher.publish(builds.success("alpha", "2.0"), null);
        new RepoPurger(config, builds.store).purge(Instant.now(), false);
        mirror.push();
        assertEquals(Files.readSymbolicLink(local.resolve("current")), Files.readSymbolicLink(secondary.resolve("current")));
        assertFalse(Files.exists(alphaRpm), "what the purge removed is removed on the secondary");
        assertEquals(2, new Dnf(dir.resolve("root2"), secondary.resolve("current").toUri().toString(), null)
                .available().size());
        try (var leftovers = Files.list(secondary)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().contains("mirror-new")));
        }
    }

    /**
     * A recheck replaces a build's directory in place. Mirroring it must not change that directory under the
     * secondary's pointers: the secondary's copy of the rechecked build's directory is made immutable (chattr +i), so
     * that step 1 fails half-way, with the new metadata sent and the new RPM refused; the secondary's pointers must
     * still serve a repository dnf installs from. Once the directory is writable again, the next push completes.
     */
    @Test
    void aRecheckedSnapshotIsNeverChangedUnderTheSecondarysPointers() throws Exception {
        Path secondary = Files.createDirectories(dir.resolve("secondary3/repos"));
        RepoPublisher publisher = new RepoPublisher(config, builds.store);
        BuildRecord alpha = builds.success("alpha", "1.0");
        BuildRecord beta = builds.success("beta", "1.0"); // the newest: the pointers serve its directory
        publisher.publish(List.of(alpha, beta), null);
        RsyncMirror mirror = new RsyncMirror(config, target(secondary, sshd.port));
        mirror.push();
        Path local = builds.dataDir.resolve("repos");
        Path betaDir = builds.dataDir.resolve(beta.repoDir());
        Path secondaryBeta = secondary.resolve(local.relativize(betaDir));
        assertEquals(secondaryBeta.toRealPath(), secondary.resolve("current").toRealPath());

        // a recheck of beta, as the build engine makes it: preserve, replace, record, publish
        SupersededSnapshots.preserveServed(local, betaDir);
        FileTrees.delete(betaDir);
        Thread.sleep(1100); // a new RPM build time, so new RPM bytes under the same name
        publisher.publish(builds.success("beta", "1.0"), null);
        assertEquals(betaDir.toRealPath(), local.resolve("current").toRealPath());

        ProcessResult immutable = ProcessRunner.command("chattr", "+i", secondaryBeta.toString())
                .timeout(Duration.ofSeconds(30)).run();
        assumeTrue(immutable.succeeded(), "chattr +i needs CAP_LINUX_IMMUTABLE: " + immutable.tailText());
        try {
            assertThrows(PackagePipelineException.class, mirror::push, "step 1 cannot write into the directory");
            assertTrue(Files.exists(secondaryBeta.resolve("repodata")), "the half-done step 1 reached repodata");
            Dnf dnf = new Dnf(dir.resolve("root-half"), secondary.resolve("current").toUri().toString(), null);
            ProcessResult install = dnf.run("install", "beta");
            assertTrue(install.succeeded(), install.failureMessage("dnf install from the secondary after a failed push"));
        } finally {
            ProcessRunner.command("chattr", "-i", secondaryBeta.toString()).timeout(Duration.ofSeconds(30)).run()
                    .requireSuccess("chattr -i");
        }
        mirror.push();
        assertEquals(secondaryBeta.toRealPath(), secondary.resolve("current").toRealPath());
        try (var copies = Files.list(secondary.resolve(SupersededSnapshots.DIR))) {
            assertTrue(copies.noneMatch(p -> p.getFileName().toString().contains(".mirror-")),
                    "the secondary's own copies are gone once its pointers moved on");
        }
        ProcessResult install = new Dnf(dir.resolve("root-done"), secondary.resolve("current").toUri().toString(), null)
                .run("install", "beta");
        assertTrue(install.succeeded(), install.failureMessage("dnf install from the secondary"));
    }

    @Test
    void anUnreachableSecondaryFailsWithItsNameAndChangesNothingThere() throws Exception {
        Path secondary = Files.createDirectories(dir.resolve("secondary2"));
        new RepoPublisher(config, builds.store).publish(builds.success("alpha", "1.0"), null);
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MirrorTarget unreachable = target(secondary, closedPort);
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> new RsyncMirror(config, unreachable).push());
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains(String.valueOf(closedPort)),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), "the cause, from ssh: " + e.getMessage());
        assertFalse(Files.exists(secondary.resolve("current")));
    }

    @Test
    void mirrorSpecsAreParsedAndBadOnesNamed() {
        MirrorTarget t = MirrorTarget.parse("repo@mirror.example:/srv/repos/", 2222, null, null);
        assertEquals("repo", t.user());
        assertEquals("/srv/repos", t.remotePath());
        assertThrows(PackagePipelineException.class, () -> MirrorTarget.parse("mirror.example", 22, null, null));
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> MirrorTarget.parse("h:/srv/$(reboot)", 22, null, null));
        assertTrue(e.getMessage().contains("/srv/$(reboot)"), e.getMessage());
    }
}
