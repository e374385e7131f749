package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publishRepo}'s agent-side work against the real engine: a real SQLite build database, an RPM made by
 * rpmbuild, createrepo_c, and gpg for the signed case.
 */
class RepoPublishingTest {

    private static final String SOURCE = "3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a";
    private static final String FAILED_SOURCE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dataDir;

    private void recordBuilds() throws IOException, InterruptedException {
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            TargetBuilds builds = new TargetBuilds(dataDir, store);
            builds.success("hello", "1.0", SOURCE, Instant.parse("2026-11-01T10:05:00Z"));
            builds.failure("broken", FAILED_SOURCE, Instant.parse("2026-11-01T09:01:00Z"));
        }
    }

    @Test
    void publishesTheLatestBuildOfEveryPackageAndSumsItUp() throws Exception {
        recordBuilds();
        List<String> progress = new ArrayList<>();
        PublishOutcome outcome = RepoPublishing.publish(
                new PublishRequest("trunk", dataDir.toString(), "https://trunk.example.org/", null), progress::add);

        assertEquals("trunk", outcome.getTarget());
        assertEquals("https://trunk.example.org/current/", outcome.getRepoUrl());
        assertEquals("https://trunk.example.org/status_report.html", outcome.getStatusReportUrl());
        assertFalse(outcome.isConsistent(), "broken's latest build had failed when hello's snapshot was made");
        List<PackageRow> rows = outcome.getRows();
        assertEquals(2, rows.size());
        PackageRow hello = rows.stream().filter(r -> r.getPackageName().equals("hello")).findFirst().orElseThrow();
        assertEquals("SUCCESS", hello.getStatus());
        assertEquals("hello-1.0-1.3f7a9c1", hello.getNvr());
        assertEquals("3f7a9c1e5b", hello.getShortCommit());
        assertEquals("https://trunk.example.org/3f/7a/" + BuildRecord.outputDirName(SOURCE, TargetBuilds.DISTGIT) + "/",
                hello.getOutputUrl());
        assertTrue(hello.isPublished());
        PackageRow broken = rows.stream().filter(r -> r.getPackageName().equals("broken")).findFirst().orElseThrow();
        assertEquals("FAILED", broken.getStatus());
        assertFalse(broken.isPublished());
        assertNull(broken.getNvr());

        Path repos = dataDir.resolve("repos");
        assertTrue(Files.isRegularFile(repos.resolve("current/repodata/repomd.xml")));
        assertTrue(Files.isRegularFile(repos.resolve("status_report.html")));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("Published hello")), progress.toString());

        Map<String, Object> map = outcome.toMap();
        assertEquals("https://trunk.example.org/current/", map.get("repoUrl"));
        assertEquals(2, ((List<?>) map.get("packages")).size());
    }

    @Test
    void publishingAgainReusesTheSnapshot() throws Exception {
        recordBuilds();
        PublishRequest request = new PublishRequest("trunk", dataDir.toString(), null, null);
        RepoPublishing.publish(request, line -> { });
        List<String> progress = new ArrayList<>();
        PublishOutcome again = RepoPublishing.publish(request, progress::add);
        assertTrue(progress.stream().anyMatch(l -> l.contains("(already complete)")), progress.toString());
        assertTrue(again.getRepoUrl().startsWith("file:"), again.getRepoUrl());
    }

    @Test
    void aSigningKeyFromCredentialsSignsAndItsPublicPartIsPublished() throws Exception {
        recordBuilds();
        Path home = Files.createDirectories(dataDir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        ProcessRunner.command("gpg", "--homedir", home.toString(), "--batch", "--pinentry-mode", "loopback",
                        "--passphrase", "", "--quick-gen-key", "Trunk Signing <trunk@example.org>", "rsa2048",
                        "sign", "never")
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("gpg key generation");
        String armored = ProcessRunner.command("gpg", "--homedir", home.toString(), "--batch", "--armor",
                        "--pinentry-mode", "loopback", "--passphrase", "", "--export-secret-keys")
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("gpg export").tailText();
        assertTrue(armored.contains("BEGIN PGP PRIVATE KEY BLOCK"), "exported the test key");

        PublishOutcome outcome = RepoPublishing.publish(
                new PublishRequest("trunk", dataDir.toString(), null, armored), line -> { });

        assertEquals(2, outcome.getRows().size());
        Path repos = dataDir.resolve("repos");
        assertTrue(Files.readString(repos.resolve("RPM-GPG-KEY-trunk")).contains("BEGIN PGP PUBLIC KEY BLOCK"));
        assertTrue(Files.isRegularFile(repos.resolve("current/repodata/repomd.xml.asc")));
        assertFalse(new PublishRequest("trunk", dataDir.toString(), null, armored).toString().contains("PGP"));
    }

    @Test
    void withoutABuildDatabaseTheMessageSaysWhatToDo() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> RepoPublishing.publish(
                new PublishRequest("trunk", dataDir.toString(), null, null), line -> { }));
        assertTrue(e.getMessage().startsWith("Repo target 'trunk': no build database at "), e.getMessage());
        assertTrue(e.getMessage().contains("buildPackage"), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("repos/current")));
    }

    @Test
    void onlyTheBuildsGivenArePublishedAsDlrnsPostBuildStepDoes() throws Exception {
        BuildRecord older;
        BuildRecord world;
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            TargetBuilds builds = new TargetBuilds(dataDir, store);
            older = builds.success("hello", "1.0", SOURCE, Instant.parse("2026-11-01T10:05:00Z"));
            builds.success("hello", "1.1", "4a8b0d2f6c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b",
                    Instant.parse("2026-11-02T10:05:00Z"));
            world = builds.success("world", "2.0", "5b9c1e3a7d4f6b8c0e2a4c6e8a0c2e4a6c8e0a2c",
                    Instant.parse("2026-11-01T11:00:00Z"));
        }
        PublishRequest request = new PublishRequest("trunk", dataDir.toString(), null, null);

        PublishOutcome one = RepoPublishing.publish(request.withSelection(
                new PublishSelection(List.of(), List.of(TargetBuilds.idOf(older)))), line -> { });

        assertEquals(List.of("hello-1.0-1.3f7a9c1"), one.getRows().stream().map(PackageRow::getNvr).toList());
        assertTrue(one.getRows().get(0).isPublished());
        assertEquals(TargetBuilds.idOf(older), one.getRows().get(0).getBuildId());
        assertTrue(Files.isRegularFile(dataDir.resolve(older.repoDir()).resolve("snapshot.json")));
        assertFalse(Files.exists(dataDir.resolve(world.repoDir()).resolve("snapshot.json")),
                "world was not asked for");

        PublishOutcome byName = RepoPublishing.publish(request.withSelection(
                new PublishSelection(List.of("world"), List.of())), line -> { });
        assertEquals(List.of("world"), byName.getRows().stream().map(PackageRow::getPackageName).toList());
        assertTrue(Files.isRegularFile(dataDir.resolve(world.repoDir()).resolve("snapshot.json")));
    }

    @Test
    void anUnknownBuildOrPackagePublishesNothingAndIsNamed() throws Exception {
        recordBuilds();
        PublishRequest request = new PublishRequest("trunk", dataDir.toString(), null, null).withSelection(
                new PublishSelection(List.of("hello", "nosuch"), List.of("hello/0000000000_deadbeef", "garbage")));

        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> RepoPublishing.publish(request, line -> { }));

        assertTrue(e.getMessage().startsWith("Repo target 'trunk': the build database holds no package 'nosuch',"
                + " build 'hello/0000000000_deadbeef', build 'garbage'."), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("repos/current")), "nothing was published");
    }

    @Test
    void aFullRequestCrossesTheAgentChannelAndShowsNoSecret() throws Exception {
        PublishRequest request = new PublishRequest("trunk", "/srv/trunk", "https://trunk.example.org/",
                new PublishRequest.Signing("-----BEGIN PGP PRIVATE KEY BLOCK-----", "Pass-9a7c"),
                new PublishRequest.Mirror("mirror@repo2.example.org:/srv/trunk", 22, "ssh-private-key", null),
                new BuildDatabase("jdbc:postgresql://db.example.org:5432/trunk", "trunk", "Db-Pass-3e1f"),
                new PublishSelection(List.of("hello"), List.of("hello/3f7a9c1e_9e8d7c6b")));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(request, in.readObject());
        }
        String shown = request.toString();
        for (String secret : List.of("PGP", "Pass-9a7c", "ssh-private-key", "Db-Pass-3e1f")) {
            assertFalse(shown.contains(secret), shown);
        }
        assertEquals("a **** b ****", request.masker().mask("a Pass-9a7c b Db-Pass-3e1f"));
    }
}
