package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.mirror.MirrorTarget;
import io.jenkins.plugins.packagepipeline.repo.mirror.RsyncMirror;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
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
