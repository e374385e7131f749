package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publishRepo}'s agent-side work against the real engine: a real SQLite build database, an RPM made by
 * rpmbuild, createrepo_c, and gpg for the signed case.
 */
class RepoPublishingTest {

    private static final String SOURCE = "3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a";
    private static final String DISTGIT = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";
    private static final String FAILED_SOURCE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dataDir;

    private void recordBuilds() throws IOException, InterruptedException {
        String outputDir = BuildRecord.outputDir(SOURCE, DISTGIT);
        Path out = Files.createDirectories(dataDir.resolve(outputDir));
        Path top = Files.createDirectories(dataDir.resolve("work/rpmbuild"));
        Path spec = top.resolve("hello.spec");
        Files.writeString(spec, String.join("\n", "Name: hello", "Version: 1.0", "Release: 1.3f7a9c1",
                "Summary: glue test package", "License: MIT", "BuildArch: noarch", "%description",
                "Published by RepoPublishingTest.", "%files", ""));
        ProcessRunner.command("rpmbuild", "-bb", "--define", "_topdir " + top, spec.toString())
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("rpmbuild of the test package");
        List<String> artifacts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            for (Path rpm : files.filter(p -> p.toString().endsWith(".rpm")).toList()) {
                artifacts.add(dataDir.relativize(Files.move(rpm, out.resolve(rpm.getFileName()))).toString());
            }
        }
        String failedDir = BuildRecord.outputDir(FAILED_SOURCE, DISTGIT);
        Files.createDirectories(dataDir.resolve(failedDir));
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            store.record(new BuildRecord(0, "hello", "hello", SOURCE, DISTGIT, "main", "rpm-main", null,
                    BuildStatus.SUCCESS, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:05:00Z"),
                    "hello-1.0-1.3f7a9c1", artifacts, outputDir, null, 0, false));
            store.record(new BuildRecord(0, "broken", "broken", FAILED_SOURCE, DISTGIT, "main", "rpm-main", null,
                    BuildStatus.FAILED, Instant.parse("2026-11-01T09:00:00Z"), Instant.parse("2026-11-01T09:01:00Z"),
                    null, List.of(), failedDir, "rpmbuild failed", 0, false));
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
        assertEquals("https://trunk.example.org/3f/7a/" + BuildRecord.outputDirName(SOURCE, DISTGIT) + "/",
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
}
