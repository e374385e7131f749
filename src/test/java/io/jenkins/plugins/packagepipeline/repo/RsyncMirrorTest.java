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
import io.jenkins.plugins.packagepipeline.repo.mirror.SshAgent;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * The key in a private ssh-agent instead of a file: the agent's directory holds its socket and the key's public
     * half only, the push logs in with the agent's key, and after close the agent process and its directory are
     * gone, so the same target can no longer log in.
     */
    @Test
    void mirrorsThroughAPrivateAgentThatHoldsTheKeyAndIsGoneAfter() throws Exception {
        Path secondary = Files.createDirectories(dir.resolve("secondary4/repos"));
        new RepoPublisher(config, builds.store).publish(builds.success("alpha", "1.0"), null);
        String key = Files.readString(sshd.clientKey);
        Path agents = Files.createDirectories(dir.resolve("agents"));
        MirrorTarget viaAgent;
        long pid;
        try (SshAgent agent = SshAgent.start(agents, RsyncMirror.longestPush(config))) {
            pid = agent.pid();
            agent.add(key, "test key");
            viaAgent = MirrorTarget.parse(System.getProperty("user.name") + "@127.0.0.1:" + secondary, sshd.port,
                    null, sshd.knownHosts).withAgent(agent);
            assertEquals(agent.socket(), viaAgent.agentSocket());
            assertTrue(Processes.running(pid), "the agent runs");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    agent.socket().getParent())));
            assertEquals(List.of("agent.sock", "identity.pub"), names(agent.socket().getParent()));
            assertEquals(Files.readString(Path.of(sshd.clientKey + ".pub")).split(" ")[1],
                    Files.readString(viaAgent.identityFile()).split(" ")[1], "the public half of the key added");
            assertNoKeyLineUnder(agents, key);

            new RsyncMirror(config, viaAgent).push();

            assertTrue(Files.isRegularFile(secondary.resolve("current/repodata/repomd.xml")), "mirrored");
        }
        assertFalse(Processes.running(pid), "the agent is gone");
        assertEquals(List.of(), names(agents), "its directory and socket are gone");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> new RsyncMirror(config, viaAgent).push());
        assertTrue(e.getMessage().contains("Permission denied"), "no key without the agent: " + e.getMessage());
    }

    @Test
    void anAgentIsGoneAfterAFailedPush() throws Exception {
        new RepoPublisher(config, builds.store).publish(builds.success("alpha", "1.0"), null);
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path agents = Files.createDirectories(dir.resolve("agents"));
        long pid;
        try (SshAgent agent = SshAgent.start(agents, Duration.ofMinutes(5))) {
            pid = agent.pid();
            agent.add(Files.readString(sshd.clientKey), "test key");
            MirrorTarget unreachable = MirrorTarget.parse("127.0.0.1:" + dir.resolve("secondary5"), closedPort, null,
                    sshd.knownHosts).withAgent(agent);
            assertThrows(PackagePipelineException.class, () -> new RsyncMirror(config, unreachable).push());
        }
        assertFalse(Processes.running(pid), "the agent is gone");
        assertEquals(List.of(), names(agents));
    }

    /**
     * A key with a passphrase fails at once with a message naming the key, never waiting for someone to type it,
     * and never showing the key.
     */
    @Test
    void aKeyWithAPassphraseIsRefusedAtOnceNamingIt() throws Exception {
        Path locked = dir.resolve("locked_ed25519");
        ProcessRunner.command("ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f", locked.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("ssh-keygen");
        String key = Files.readString(locked);
        Path agents = Files.createDirectories(dir.resolve("agents"));
        try (SshAgent agent = SshAgent.start(agents, Duration.ofMinutes(5))) {
            long started = System.nanoTime();
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> agent.add(key, "of repo target 'trunk' (credentials 'trunk-mirror-key')"));
            assertEquals("The SSH key of repo target 'trunk' (credentials 'trunk-mirror-key') is protected by a"
                    + " passphrase, which the mirror cannot type: store a key without passphrase there (remove it"
                    + " from a copy with ssh-keygen -p -N '' -f COPY).", e.getMessage());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "no wait for a passphrase");
            PackagePipelineException notAKey = assertThrows(PackagePipelineException.class,
                    () -> agent.add("not a key", "of repo target 'trunk'"));
            assertTrue(notAKey.getMessage().startsWith("The SSH key of repo target 'trunk' is not a private key"),
                    notAKey.getMessage());
            assertNoKeyLineUnder(agents, key);
        }
        assertEquals(List.of(), names(agents));
    }

    /**
     * A JVM killed without closing the agent (kill -9) ends the process the agent runs under, as its pipe from the
     * JVM closes: killing that process, the agent goes by itself within seconds, its socket with it.
     */
    @Test
    void anAgentWhoseParentDiesGoesByItself() throws Exception {
        Path agents = Files.createDirectories(dir.resolve("agents"));
        try (SshAgent agent = SshAgent.start(agents, Duration.ofMinutes(5))) {
            agent.add(Files.readString(sshd.clientKey), "test key");
            ProcessHandle process = ProcessHandle.of(agent.pid()).orElseThrow();
            ProcessHandle parent = process.parent().orElseThrow();
            assertTrue(parent.info().command().orElse("").endsWith("cat"), parent.info().toString());

            parent.destroyForcibly();

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Processes.running(process.pid()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(Processes.running(process.pid()), "the agent went by itself");
            assertFalse(Files.exists(agent.socket()), "the agent removed its socket");
        }
        assertEquals(List.of(), names(agents));
    }

    private static List<String> names(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** No file under {@code directory} holds a line of the private key's body. */
    private static void assertNoKeyLineUnder(Path directory, String key) throws Exception {
        try (var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                for (String line : key.split("\n")) {
                    if (!line.isBlank() && !line.startsWith("-----")) {
                        assertFalse(content.contains(line), file + " holds a line of the private key");
                    }
                }
            }
        }
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
