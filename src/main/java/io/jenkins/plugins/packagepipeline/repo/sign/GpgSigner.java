package io.jenkins.plugins.packagepipeline.repo.sign;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One signing session: a private, temporary gpg home (mode 0700) holding the imported key, a gpg-agent with the
 * passphrase preset in its memory (given on standard input, never on disk or in an argument), and the two
 * signatures repositories need: {@code rpmsign --addsign} for RPMs and a detached armored signature for
 * {@code repomd.xml}. {@link #close()} stops the agent and overwrites and deletes the gpg home.
 *
 * <p>The key stays protected by its passphrase inside the temporary home. The agent re-protects it there with a
 * small S2K iteration count ({@code s2k-count 65536}): with the default, calibrated count every signature costs
 * about a second of key derivation, which makes signing thousands of RPMs impractical; the home lives only for the
 * session, readable by its owner alone, and is overwritten when it ends.
 */
public final class GpgSigner implements AutoCloseable {
    private static final String PRESET = "/usr/lib/gnupg/gpg-preset-passphrase";
    private static final String HOME_PREFIX = "pp-gnupg-";

    private final Path home;
    private final Duration timeout;
    private final Path logFile;
    private final SecretMasker masker;
    private final String fingerprint;

    private GpgSigner(Path home, Duration timeout, Path logFile, SecretMasker masker, String fingerprint) {
        this.home = home;
        this.timeout = timeout;
        this.logFile = logFile;
        this.masker = masker;
        this.fingerprint = fingerprint;
    }

    /**
     * Imports the key into a fresh private gpg home and unlocks it for this session.
     *
     * @param logFile where gpg's output goes (masked), or null
     * @throws PackagePipelineException if the key cannot be imported (not an armored secret key) or gpg is missing
     */
    public static GpgSigner open(SigningKey key, Duration timeout, Path logFile) throws IOException, InterruptedException {
        sweepStaleHomes(timeout);
        // the owner's pid is in the name, so that a home is never without it, whenever its owner is killed
        Path home = Files.createTempDirectory(HOME_PREFIX + ProcessHandle.current().pid() + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        SecretMasker masker = key.masker();
        try {
            Files.writeString(home.resolve("gpg-agent.conf"), "allow-preset-passphrase\ns2k-count 65536\n", StandardCharsets.US_ASCII);
            Files.writeString(home.resolve("gpg.conf"), "batch\nno-tty\npinentry-mode error\n", StandardCharsets.US_ASCII);
            GpgSigner signer = new GpgSigner(home, timeout, logFile, masker, null);
            ProcessResult imported = signer.gpg(List.of("gpg", "--import"), key.armoredSecretKey());
            if (!imported.succeeded()) {
                throw new PackagePipelineException("The signing key could not be imported into gpg: it must be an"
                        + " ASCII-armored OpenPGP secret key (gpg --armor --export-secret-keys). gpg said:\n"
                        + imported.tailText());
            }
            List<String> listing = signer.gpg(List.of("gpg", "--with-colons", "--with-keygrip", "--list-secret-keys"),
                    null).requireSuccess("Listing the imported signing key").tail();
            String fingerprint = null;
            List<String> keygrips = new ArrayList<>();
            for (String line : listing) {
                String[] fields = line.split(":", -1);
                if (fields[0].equals("fpr") && fingerprint == null) {
                    fingerprint = fields[9];
                } else if (fields[0].equals("grp")) {
                    keygrips.add(fields[9]);
                }
            }
            if (fingerprint == null || keygrips.isEmpty()) {
                throw new PackagePipelineException("The signing key holds no secret key: give an armored secret key"
                        + " (gpg --armor --export-secret-keys KEYID), not a public one.");
            }
            signer.gpg(List.of("gpg-connect-agent", "/bye"), null).requireSuccess("Starting gpg-agent");
            if (key.hasPassphrase()) {
                byte[] passphrase = key.passphraseBytes();
                try {
                    for (String grip : keygrips) {
                        signer.gpg(List.of(PRESET, "--preset", grip), passphrase)
                                .requireSuccess("Giving the passphrase to gpg-agent");
                    }
                } finally {
                    java.util.Arrays.fill(passphrase, (byte) 0);
                }
            }
            return new GpgSigner(home, timeout, logFile, masker, fingerprint);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stopAndWipe(home, timeout);
            throw e;
        }
    }

    /** The signing key's fingerprint (40 hex digits). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The public half of the key, ASCII-armored, for publishing next to the repository. */
    public String publicKeyArmored() throws IOException, InterruptedException {
        Path out = home.resolve("public.asc");
        ProcessResult result = gpg(List.of("gpg", "--armor", "--output", out.toString(), "--export", fingerprint),
                null).requireSuccess("Exporting the public signing key");
        String armored = Files.readString(out, StandardCharsets.US_ASCII);
        Files.delete(out);
        if (!armored.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
            throw new PackagePipelineException("gpg exported no public key for " + fingerprint + ": "
                    + result.tailText());
        }
        return armored;
    }

    /** Signs RPMs in place with rpmsign (header and payload signatures); a file already signed so is kept. */
    public void signRpms(List<Path> rpms) throws IOException, InterruptedException {
        if (rpms.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("rpmsign", "--addsign",
                "--define", "__gpg /usr/bin/gpg",
                "--define", "_gpg_name " + fingerprint,
                "--define", "_gpg_sign_cmd_extra_args --batch --pinentry-mode error"));
        rpms.forEach(rpm -> command.add(rpm.toString()));
        ProcessResult result = ProcessRunner.command(command).env("GNUPGHOME", home.toString())
                .timeout(timeout.multipliedBy(Math.max(1, rpms.size() / 200 + 1))).log(logFile).masking(masker).run();
        if (!result.succeeded()) {
            throw new PackagePipelineException(hint(result, "Signing " + rpms.size() + " RPM(s) with rpmsign"));
        }
    }

    /** Writes {@code file.asc}, a detached ASCII-armored signature of {@code file}, atomically. */
    public Path signDetached(Path file) throws IOException, InterruptedException {
        Path signature = file.resolveSibling(file.getFileName() + ".asc");
        Path temp = file.resolveSibling("." + file.getFileName() + ".asc.tmp");
        Files.deleteIfExists(temp);
        ProcessResult result = ProcessRunner.command("gpg", "--local-user", fingerprint, "--armor",
                        "--output", temp.toString(), "--detach-sign", file.toString())
                .env("GNUPGHOME", home.toString()).timeout(timeout).log(logFile).masking(masker).run();
        if (!result.succeeded()) {
            Files.deleteIfExists(temp);
            throw new PackagePipelineException(hint(result, "Signing " + file.getFileName() + " with gpg"));
        }
        RepoFiles.writeAtomically(signature, Files.readAllBytes(temp));
        Files.delete(temp);
        return signature;
    }

    private String hint(ProcessResult result, String what) {
        String message = result.failureMessage(what);
        if (message.contains("passphrase") || message.contains("pinentry") || message.contains("Operation cancelled")) {
            message += "\nThe signing key's passphrase is wrong or missing: check the credentials given for it.";
        }
        return message;
    }

    private ProcessResult gpg(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        return ProcessRunner.command(command).env("GNUPGHOME", home.toString()).timeout(timeout)
                .stdin(stdin).log(logFile).masking(masker).run();
    }

    /** Stops this session's gpg-agent, then overwrites and deletes the temporary gpg home. */
    @Override
    public void close() throws IOException {
        try {
            stopAndWipe(home, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the agents of, and wipes, the gpg homes of sessions whose process died without closing them (a publisher
     * killed with kill -9 cannot clean up; the next one does).
     */
    static void sweepStaleHomes(Duration timeout) throws IOException, InterruptedException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> stale = new ArrayList<>();
        try (java.util.stream.Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(HOME_PREFIX)).toList()) {
                String[] parts = dir.getFileName().toString().substring(HOME_PREFIX.length()).split("-", 2);
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    continue; // not a home of this engine
                }
                if (parts.length < 2 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stale.add(dir);
            }
        }
        for (Path dir : stale) {
            stopAndWipe(dir, timeout);
        }
    }

    private static void stopAndWipe(Path home, Duration timeout) throws IOException, InterruptedException {
        try {
            ProcessRunner.command("gpgconf", "--kill", "all").env("GNUPGHOME", home.toString())
                    .timeout(timeout).run();
        } finally {
            RepoFiles.wipeTree(home);
        }
    }
}
