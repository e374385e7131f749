package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * A throwaway OpenPGP key made by gpg in a temporary home, as the Jenkins credentials would hold it: the armored
 * secret key and its passphrase in memory, plus the armored public key.
 */
final class TestKeys {
    static final String PASSPHRASE = "correct-horse-7f3a9c";

    final String armoredSecretKey;
    final String armoredPublicKey;

    private TestKeys(String armoredSecretKey, String armoredPublicKey) {
        this.armoredSecretKey = armoredSecretKey;
        this.armoredPublicKey = armoredPublicKey;
    }

    static TestKeys generate() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("pp-test-keygen-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            gpg(home, "--quick-gen-key", "Package Pipeline Test <test@example.invalid>", "rsa2048", "sign", "never");
            Path secret = home.resolve("secret.asc");
            Path pub = home.resolve("public.asc");
            gpg(home, "--armor", "--output", secret.toString(), "--export-secret-keys");
            gpg(home, "--armor", "--output", pub.toString(), "--export");
            return new TestKeys(Files.readString(secret), Files.readString(pub));
        } finally {
            ProcessRunner.command("gpgconf", "--kill", "all").env("GNUPGHOME", home.toString()).run();
            FileTrees.delete(home);
        }
    }

    private static void gpg(Path home, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("gpg", "--batch",
                "--pinentry-mode", "loopback", "--passphrase", PASSPHRASE));
        command.addAll(java.util.List.of(args));
        ProcessRunner.command(command).env("GNUPGHOME", home.toString()).timeout(Duration.ofMinutes(2)).run()
                .requireSuccess("gpg " + args[0]);
    }

    SigningKey signingKey() {
        return SigningKey.of(armoredSecretKey, PASSPHRASE.toCharArray());
    }

    SigningKey withPassphrase(String passphrase) {
        return SigningKey.of(armoredSecretKey, passphrase.toCharArray());
    }

    /** A line from the middle of the armored secret key: finding it anywhere means the key leaked. */
    String secretKeyFragment() {
        String[] lines = armoredSecretKey.split("\n");
        return lines[lines.length / 2].strip();
    }
}
