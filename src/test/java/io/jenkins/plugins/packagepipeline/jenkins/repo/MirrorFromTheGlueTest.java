package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.LoopbackSshd;
import io.jenkins.plugins.packagepipeline.repo.Processes;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publishRepo}'s mirroring as the agent runs it: the SSH key and known_hosts come as text from the repo
 * target's credentials and settings ({@link PublishRequest.Mirror}); the key is held by a private ssh-agent, never a
 * file, known_hosts is an owner-only file, both only while rsync runs, and they reach a real OpenSSH server on
 * 127.0.0.1 (the fixture of the repo engine's mirror tests), with real rsync. After a mirror, whether it succeeded
 * or not, no ssh-agent of it runs and nothing of it is left in the temporary directory. Only the hop from the
 * controller to the agent ({@code FilePath.act}) needs a live Jenkins and is not run here.
 */
class MirrorFromTheGlueTest {

    @TempDir
    Path dir;
    Path dataDir;
    Path tempDir;
    Path secondary;
    LoopbackSshd sshd;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = Files.createDirectories(dir.resolve("data"));
        tempDir = Files.createDirectories(dir.resolve("tmp"));
        secondary = Files.createDirectories(dir.resolve("secondary/repos"));
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            new TargetBuilds(dataDir, store).success("hello", "1.0", "3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a",
                    Instant.parse("2026-11-01T10:05:00Z"));
        }
        sshd = new LoopbackSshd(dir.resolve("sshd"));
    }

    @AfterEach
    void tearDown() throws Exception {
        sshd.close();
    }

    private PublishRequest request(String privateKey, String knownHosts) {
        return new PublishRequest("trunk", dataDir.toString(), null, null).withMirror(new PublishRequest.Mirror(
                System.getProperty("user.name") + "@127.0.0.1:" + secondary, sshd.port, privateKey, knownHosts));
    }

    @Test
    void theKeyFromTheCredentialsIsHeldByAPrivateAgentWhileRsyncRunsAndAllIsGoneAfter() throws Exception {
        String key = Files.readString(sshd.clientKey);
        RepoTarget target = new RepoTarget("trunk", dataDir.toString());
        target.setMirrorTarget(System.getProperty("user.name") + "@127.0.0.1:" + secondary);
        target.setMirrorSshPort(sshd.port);
        target.setMirrorKeyCredentialsId("trunk-mirror-key");
        target.setMirrorKnownHosts(Files.readString(sshd.knownHosts));
        FakeCredentials credentials = new FakeCredentials()
                .add(FakeCredentials.secretFile("trunk-mirror-key", "id_ed25519", key));
        // What publishRepo sends the agent: the target's settings with the secrets of its credentials.
        PublishRequest request = PublishWork.request(target, true, PublishSelection.latest(), credentials.lookup());
        assertEquals(List.of("trunk-mirror-key"), credentials.used);
        List<String> progress = new ArrayList<>();
        List<String> seenWhileMirroring = new ArrayList<>();
        List<ProcessHandle> agentsWhileMirroring = new ArrayList<>();

        PublishOutcome outcome = RepoPublishing.publish(request, line -> {
            progress.add(line);
            if (line.startsWith("mirroring to")) {
                seenWhileMirroring.addAll(privateFiles(key));
                agentsWhileMirroring.addAll(agents());
                assertNoKeyIn(String.join("\n", commandLines()), key);
            }
        }, tempDir);

        assertEquals(null, outcome.getMirrorFailure());
        assertEquals(List.of("package-pipeline-* rwx------", "  known_hosts rw-------", "ssh-agent-* rwx------",
                "  agent.sock socket", "  identity.pub rw------- (the public key)"), seenWhileMirroring);
        assertEquals(1, agentsWhileMirroring.size(), "one private ssh-agent while mirroring");
        assertNothingLeft();
        assertTrue(Files.isRegularFile(secondary.resolve("current/repodata/repomd.xml")), "mirrored");
        assertEquals(Files.readSymbolicLink(dataDir.resolve("repos/current")),
                Files.readSymbolicLink(secondary.resolve("current")));
        assertNoKeyIn(String.join("\n", progress), key);
    }

    @Test
    void aKeyTheSecondaryRefusesFailsThePublishNamingNoSecretAndLeavesNoFile() throws Exception {
        Path stranger = dir.resolve("stranger_ed25519");
        ProcessRunner.command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("ssh-keygen");
        String key = Files.readString(stranger);
        List<String> progress = new ArrayList<>();

        PublishOutcome outcome = RepoPublishing.publish(request(key, Files.readString(sshd.knownHosts)),
                progress::add, tempDir);

        // the publish stands and is what the build records; the step then fails with the mirror's one line
        assertEquals(List.of("hello"), outcome.getRows().stream().map(PackageRow::getPackageName).toList());
        assertTrue(outcome.getRows().get(0).isPublished());
        PackagePipelineException e = PublishWork.failure(outcome, null);
        assertEquals(outcome.getMirrorFailure(), e.getMessage());
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertNothingLeft();
        assertNoKeyIn(e.getMessage() + "\n" + String.join("\n", progress), key);
        assertTrue(Files.isRegularFile(dataDir.resolve("repos/current/repodata/repomd.xml")),
                "the publish itself stays served");
        assertFalse(Files.exists(secondary.resolve("current")));
        PackagePipelineException both = PublishWork.failure(outcome,
                new PackagePipelineException("DLRN import stopped at hello 3f7a9c1e5b (0 of 1 imported before it)."));
        assertTrue(both.getMessage().startsWith(e.getMessage() + " The DLRN import failed too: DLRN import stopped"),
                both.getMessage());
        assertEquals(null, PublishWork.failure(RepoPublishing.publish(new PublishRequest("trunk",
                dataDir.toString(), null, null), line -> { }, tempDir), null), "no mirror, no failure");
    }

    @Test
    void anUnknownHostKeyIsRefusedAndLeavesNoFile() throws Exception {
        String key = Files.readString(sshd.clientKey);
        String otherHost = "[127.0.0.1]:" + sshd.port + " " + Files.readString(Path.of(sshd.clientKey + ".pub"));

        String failure = RepoPublishing.publish(request(key, otherHost), line -> { }, tempDir).getMirrorFailure();

        assertTrue(failure.contains("Host key verification failed"), failure);
        assertNothingLeft();
        assertNoKeyIn(failure, key);
        assertFalse(Files.exists(secondary.resolve("current")), "nothing reached a host that is not the secondary");
    }

    /**
     * A passphrase-protected key fails the mirror at once (no prompt waits for an answer) with a message naming the
     * target and its credentials, never the key, and leaves no agent and no file.
     */
    @Test
    void aKeyWithAPassphraseFailsAtOnceNamingTheCredentialsAndLeavesNothing() throws Exception {
        Path locked = dir.resolve("locked_ed25519");
        ProcessRunner.command("ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f", locked.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("ssh-keygen");
        String key = Files.readString(locked);
        PublishRequest request = new PublishRequest("trunk", dataDir.toString(), null, null).withMirror(
                new PublishRequest.Mirror(System.getProperty("user.name") + "@127.0.0.1:" + secondary, sshd.port, key,
                        Files.readString(sshd.knownHosts), "trunk-mirror-key"));
        long started = System.nanoTime();

        String failure = RepoPublishing.publish(request, line -> { }, tempDir).getMirrorFailure();

        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "no wait for a passphrase");
        assertEquals("The SSH key of repo target 'trunk' (credentials 'trunk-mirror-key') is protected by a"
                + " passphrase, which the mirror cannot type: store a key without passphrase there (remove it from a"
                + " copy with ssh-keygen -p -N '' -f COPY).", failure);
        assertNoKeyIn(failure, key);
        assertNothingLeft();
        assertFalse(Files.exists(secondary.resolve("current")));
    }

    /** The private directories under {@link #tempDir} and their files, with their permissions. */
    private List<String> privateFiles(String key) {
        List<String> seen = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(tempDir)) {
            for (Path d : dirs.sorted().toList()) {
                String name = d.getFileName().toString();
                seen.add(name.substring(0, name.lastIndexOf('-') + 1) + "* "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(d)));
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.sorted().toList()) {
                        if (!Files.isRegularFile(f)) {
                            seen.add("  " + f.getFileName() + " socket");
                            continue;
                        }
                        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                        String content = Files.readString(f);
                        assertNoKeyIn(content, key);
                        boolean isPublicKey = content.startsWith("ssh-ed25519 ")
                                && content.split(" ")[1].equals(Files.readString(Path.of(sshd.clientKey + ".pub"))
                                        .split(" ")[1]);
                        seen.add("  " + f.getFileName() + " " + mode + (isPublicKey ? " (the public key)" : ""));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seen;
    }

    /** The ssh-agent processes whose socket is under {@link #tempDir}. */
    private List<ProcessHandle> agents() {
        return ProcessHandle.allProcesses().filter(p -> Processes.running(p.pid())
                && p.info().command().map(c -> c.endsWith("/ssh-agent")).orElse(false)
                && p.info().commandLine().map(c -> c.contains(tempDir.toString())).orElse(false)).toList();
    }

    /** The command lines of every process of this machine. */
    private static List<String> commandLines() {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")).toList();
    }

    /** No file in the temporary directory, no ssh-agent of it running (waiting a little for one to go). */
    private void assertNothingLeft() throws Exception {
        try (Stream<Path> left = Files.list(tempDir)) {
            assertEquals(List.of(), left.toList(), "private files left behind");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!agents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), agents(), "an ssh-agent left running");
    }

    /** Neither the whole key nor any line of its body appears in {@code text}. */
    private static void assertNoKeyIn(String text, String key) {
        for (String line : key.split("\n")) {
            if (!line.isBlank() && !line.startsWith("-----")) {
                assertFalse(text.contains(line), "a line of the private key was shown: " + text);
            }
        }
    }
}
