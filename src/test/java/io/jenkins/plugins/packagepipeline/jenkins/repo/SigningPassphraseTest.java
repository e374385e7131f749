package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.TestConsole;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repo target's signing key with its passphrase (a secret file and a secret text credential) through the glue's
 * agent-side publish ({@link PublishCallable}, the console it writes, the message the build ends with) and the real
 * gpg/rpmsign signing: signs with the right passphrase, fails clearly with a wrong one, and the passphrase never
 * shows in the console, the outcome stored with the build, an exception, or any file of the data directory.
 */
class SigningPassphraseTest {

    private static final String PASSPHRASE = "Glue-passphrase-4f9d2c";
    private static final String WRONG = "not-the-Passphrase-8e1a";
    private static Path keyHome;
    private static String armoredSecretKey;

    @TempDir
    Path dataDir;

    private final TestConsole console = new TestConsole();
    private final TaskListener listener = console.listener();

    @BeforeAll
    static void protectedKey() throws Exception {
        keyHome = Files.createTempDirectory("pp-glue-keygen-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--quick-gen-key", "Glue Signing <glue@example.invalid>", "rsa2048", "sign", "never");
        armoredSecretKey = gpg("--armor", "--export-secret-keys");
        assertTrue(armoredSecretKey.contains("BEGIN PGP PRIVATE KEY BLOCK"), "the test key was exported");
    }

    @AfterAll
    static void removeKeyHome() throws Exception {
        ProcessRunner.command("gpgconf", "--kill", "all").env("GNUPGHOME", keyHome.toString()).run();
        FileTrees.delete(keyHome);
    }

    private static String gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback",
                "--passphrase", PASSPHRASE));
        command.addAll(List.of(args));
        Path out = keyHome.resolve("out-" + args[0].replace("-", ""));
        command.add(command.size() - args.length, "--output");
        command.add(command.size() - args.length, out.toString());
        ProcessRunner.command(command).env("GNUPGHOME", keyHome.toString()).timeout(Duration.ofMinutes(2)).run()
                .requireSuccess("gpg " + args[0]);
        return Files.exists(out) ? Files.readString(out) : "";
    }

    private BuildRecord record(String source, Instant time) throws Exception {
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            return new TargetBuilds(dataDir, store).success("hello", "1.0", source, time);
        }
    }

    private PublishRequest request(String passphrase) {
        return new PublishRequest("trunk", dataDir.toString(), "https://trunk.example.org/", null)
                .withSigning(new PublishRequest.Signing(armoredSecretKey, passphrase));
    }

    private static String rpmSignature(Path rpm) throws Exception {
        return ProcessRunner.command("rpm", "-qp", "--qf", "%{RSAHEADER:pgpsig}", rpm.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("rpm -qp").tailText().strip();
    }

    /** Every file under {@code dir} that holds {@code secret} (symbolic links not followed). */
    private static List<Path> filesHolding(Path dir, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    @Test
    void theRightPassphraseSignsAndAppearsNowhere() throws Exception {
        BuildRecord build = record("3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a", Instant.parse("2026-11-01T10:05:00Z"));
        PublishRequest request = request(PASSPHRASE);

        PublishOutcome outcome = new PublishCallable(request, listener).invoke(dataDir.toFile(), null);

        Path rpm = dataDir.resolve(build.artifacts().get(0));
        assertNotEquals("(none)", rpmSignature(rpm), "the RPM is signed");
        Path repos = dataDir.resolve("repos");
        assertTrue(Files.isRegularFile(repos.resolve("current/repodata/repomd.xml.asc")));
        assertTrue(Files.readString(repos.resolve("RPM-GPG-KEY-trunk")).contains("BEGIN PGP PUBLIC KEY BLOCK"));
        String printed = console.text();
        assertTrue(printed.contains("publish repo target 'trunk'"), printed);
        assertFalse(printed.contains(PASSPHRASE), printed);
        assertEquals(List.of(), filesHolding(dataDir, PASSPHRASE));
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(stored)) {
            out.writeObject(outcome); // what Jenkins keeps with the build (its Package Pipeline page)
        }
        assertFalse(stored.toString(StandardCharsets.ISO_8859_1).contains(PASSPHRASE));
        assertFalse(outcome.toMap().toString().contains(PASSPHRASE));
        assertFalse(request.toString().contains(PASSPHRASE), request.toString());
        assertFalse(request.toString().contains("PGP"), request.toString());
    }

    @Test
    void aWrongPassphraseFailsClearlyLeavesTheServedRepoAndIsShownNowhere() throws Exception {
        record("3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a", Instant.parse("2026-11-01T10:05:00Z"));
        new PublishCallable(request(PASSPHRASE), listener).invoke(dataDir.toFile(), null);
        Path current = dataDir.resolve("repos/current");
        Path served = current.toRealPath();
        record("4a8b0d2f6c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b", Instant.parse("2026-11-02T10:05:00Z"));
        PublishRequest wrong = request(WRONG);

        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> new PublishCallable(wrong, listener).invoke(dataDir.toFile(), null));
        String message = UserErrors.forBuild(e, wrong.masker()).getMessage();

        assertTrue(message.contains("passphrase is wrong or missing"), message);
        assertFalse(message.contains(WRONG), message);
        assertFalse(stackTraceOf(e).contains(WRONG), "nor anywhere in the exception chain");
        String printed = console.text();
        assertFalse(printed.contains(WRONG) || printed.contains(PASSPHRASE), printed);
        assertEquals(served, current.toRealPath(), "the repository served before stays served");
        assertEquals(List.of(), filesHolding(dataDir, WRONG));
        assertEquals(List.of(), filesHolding(dataDir, PASSPHRASE));
    }

    @Test
    void aProtectedKeyWithoutItsPassphraseCredentialSaysWhatIsMissing() throws Exception {
        record("3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a", Instant.parse("2026-11-01T10:05:00Z"));

        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> new PublishCallable(request(null), listener).invoke(dataDir.toFile(), null));

        assertTrue(e.getMessage().contains("passphrase is wrong or missing"), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("repos/current")), "nothing unsigned was published");
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
