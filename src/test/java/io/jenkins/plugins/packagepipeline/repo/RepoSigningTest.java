package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoSigningTest {
    static TestKeys keys;

    @TempDir
    Path dir;
    TestBuilds builds;
    RepoPublisher publisher;

    @BeforeAll
    static void makeKey() throws Exception {
        keys = TestKeys.generate();
    }

    @BeforeEach
    void setUp() {
        builds = new TestBuilds(dir.resolve("data"));
        publisher = new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store);
    }

    @AfterEach
    void tearDown() {
        builds.close();
    }

    @Test
    void rpmsAndRepomdAreSignedAndThePublicKeyIsPublished() throws Exception {
        Set<String> gnupgHomesBefore = gnupgHomes();
        BuildRecord a = builds.success("alpha", "1.0");
        BuildRecord b = builds.success("beta", "1.0");
        try (SigningKey key = keys.signingKey()) {
            publisher.publish(List.of(a, b), key);
        }
        Path repos = builds.dataDir.resolve("repos");
        Path current = repos.resolve("current");
        Path publicKey = repos.resolve("RPM-GPG-KEY-package-pipeline");
        assertTrue(Files.readString(publicKey).contains("BEGIN PGP PUBLIC KEY BLOCK"));

        Path rpmdb = Files.createDirectories(dir.resolve("rpmdb"));
        rpm(rpmdb, "--import", publicKey.toString()).requireSuccess("rpm --import");
        for (String artifact : List.of(a.artifacts().get(0), b.artifacts().get(0))) {
            Path rpm = current.resolve(Path.of(artifact).getFileName());
            ProcessResult check = rpm(rpmdb, "-K", rpm.toString());
            assertTrue(check.succeeded() && check.tailText().contains("digests signatures OK"), check.tailText());
        }
        Path verifyHome = Files.createDirectories(dir.resolve("verify-gnupg"));
        gpg(verifyHome, "--import", publicKey.toString()).requireSuccess("gpg --import");
        ProcessResult verify = gpg(verifyHome, "--verify", current.resolve("repodata/repomd.xml.asc").toString(),
                current.resolve("repodata/repomd.xml").toString());
        assertTrue(verify.succeeded() && verify.tailText().contains("Good signature"), verify.tailText());
        String repoFile = Files.readString(current.resolve("package-pipeline.repo"));
        assertTrue(repoFile.contains("gpgcheck=1") && repoFile.contains("repo_gpgcheck=1")
                && repoFile.contains("gpgkey=" + publicKey.toUri()), repoFile);

        assertNoSecretIn(dir);
        assertEquals(gnupgHomesBefore, gnupgHomes(), "the private gpg home is removed");
    }

    @Test
    void everyComponentRepositoryIsSigned() throws Exception {
        RepoPublisher perComponent = new RepoPublisher(RepoConfig.defaults(builds.dataDir).withComponents(true),
                builds.store);
        try (SigningKey key = keys.signingKey()) {
            perComponent.publish(List.of(builds.success("alpha", "1.0", "", "base"),
                    builds.success("beta", "1.0", "", "extras")), key);
        }
        Path current = builds.dataDir.resolve("repos/current");
        for (String component : List.of("base", "extras")) {
            assertTrue(Files.isRegularFile(current.resolve("components").resolve(component)
                    .resolve("repodata/repomd.xml.asc")), component);
        }
        String aggregate = Files.readString(current.resolve("package-pipeline.repo"));
        assertEquals(2, aggregate.split("repo_gpgcheck=1", -1).length - 1, aggregate);
    }

    @Test
    void aWrongPassphraseFailsClearlyWithoutLeakingItAndKeepsTheServedRepo() throws Exception {
        BuildRecord a = builds.success("alpha", "1.0");
        try (SigningKey key = keys.signingKey()) {
            publisher.publish(a, key);
        }
        Path before = builds.dataDir.resolve("repos/current").toRealPath();
        Set<String> gnupgHomesBefore = gnupgHomes();
        BuildRecord b = builds.success("beta", "1.0");
        String wrong = "wrong-passphrase-51d2";
        PackagePipelineException e;
        try (SigningKey key = keys.withPassphrase(wrong)) {
            e = assertThrows(PackagePipelineException.class, () -> publisher.publish(b, key));
        }
        assertTrue(e.getMessage().contains("passphrase is wrong or missing"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertEquals(before, builds.dataDir.resolve("repos/current").toRealPath());
        assertEquals(gnupgHomesBefore, gnupgHomes());
        assertNoSecretIn(dir, wrong);
    }

    @Test
    void aPublicKeyInsteadOfASecretOneIsRefusedWithAHint() throws Exception {
        BuildRecord a = builds.success("alpha", "1.0");
        try (SigningKey key = SigningKey.of(keys.armoredPublicKey, new char[0])) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> publisher.publish(a, key));
            assertTrue(e.getMessage().contains("secret key"), e.getMessage());
        }
        assertFalse(Files.exists(builds.dataDir.resolve("repos/current")));
    }

    @Test
    void signingKeyNeverShowsItself() {
        try (SigningKey key = keys.signingKey()) {
            assertEquals("SigningKey[****]", key.toString());
            assertEquals("x **** y", key.masker().mask("x " + TestKeys.PASSPHRASE + " y"));
        }
    }

    private void assertNoSecretIn(Path root, String... more) throws IOException {
        List<String> secrets = new java.util.ArrayList<>(List.of(TestKeys.PASSPHRASE, keys.secretKeyFragment()));
        secrets.addAll(List.of(more));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), "secret found in " + f);
                }
            }
        }
    }

    /** This JVM's gpg homes (other processes on the machine may be signing at the same time). */
    private static Set<String> gnupgHomes() throws IOException {
        String ours = "pp-gnupg-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(ours))
                    .collect(Collectors.toSet());
        }
    }

    private static ProcessResult rpm(Path dbpath, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rpm", "--dbpath", dbpath.toString()));
        command.addAll(List.of(args));
        return ProcessRunner.command(command).timeout(Duration.ofMinutes(1)).run();
    }

    private static ProcessResult gpg(Path home, String... args) throws Exception {
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--batch"));
        command.addAll(List.of(args));
        try {
            return ProcessRunner.command(command).env("GNUPGHOME", home.toString()).timeout(Duration.ofMinutes(1)).run();
        } finally {
            ProcessRunner.command("gpgconf", "--kill", "all").env("GNUPGHOME", home.toString()).run();
        }
    }
}
