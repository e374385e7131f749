package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.DlrnApiServer;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository commands of the command line, run in-process on a data directory with real builds. */
class RepoCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PackagePipelineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A build output directory with one real RPM, recorded in the data directory's SQLite database. */
    private static BuildRecord build(Path dataDir, BuildStore store, String name, String source, BuildStatus status,
            Instant time) throws Exception {
        String distgit = "d".repeat(40);
        String repoDir = BuildRecord.outputDir(source, distgit);
        Path out = Files.createDirectories(dataDir.resolve(repoDir));
        Path top = Files.createDirectories(dataDir.resolve("work").resolve(name + source.substring(0, 6)));
        List<String> artifacts = List.of();
        if (status == BuildStatus.SUCCESS) {
            Path spec = Files.writeString(top.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: "
                    + source.substring(0, 6) + "\nSummary: s\nLicense: MIT\nBuildArch: noarch\n%description\nd\n"
                    + "%files\n");
            ProcessRunner.command("rpmbuild", "-bb", "--define", "_topdir " + top, "--define", "_rpmdir " + out,
                    "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm", spec.toString())
                    .timeout(Duration.ofMinutes(1)).run().requireSuccess("rpmbuild");
            artifacts = List.of(repoDir + "/" + name + "-1-" + source.substring(0, 6) + ".noarch.rpm");
        }
        Files.writeString(out.resolve("rpmbuild.log"), "log\n");
        return store.record(new BuildRecord(0, name, name, source, distgit, "main", "main", null, status, time, time,
                name + "-1-" + source.substring(0, 6), artifacts, repoDir, status == BuildStatus.SUCCESS ? null
                        : "broken", 0, false));
    }

    @Test
    void publishStatusPurgeAndImport() throws Exception {
        Path data = dir.resolve("data");
        try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
            Instant old = Instant.parse("2025-01-01T00:00:00Z");
            build(data, store, "alpha", "a1".repeat(20), BuildStatus.SUCCESS, old);
            build(data, store, "alpha", "a2".repeat(20), BuildStatus.SUCCESS, old.plusSeconds(60));
            build(data, store, "beta", "b1".repeat(20), BuildStatus.SUCCESS, old.plusSeconds(120));
            build(data, store, "beta", "b2".repeat(20), BuildStatus.FAILED, old.plusSeconds(180));
        }
        Run publish = cli("publish", "--data-directory", data.toString(), "--recent", "10");
        assertEquals(0, publish.exit(), publish.err());
        assertTrue(publish.out().contains("Published 3 snapshot(s)"), publish.out());

        Run status = cli("status", "--data-directory", data.toString());
        assertEquals(2, status.exit(), "beta's latest build failed: " + status.out());
        assertTrue(status.out().contains("beta") && status.out().contains("FAILED"), status.out());
        assertTrue(status.out().contains("current -> " + "b1/b1/"), status.out());

        Path config = Files.writeString(dir.resolve("pipeline.yaml"), "data-directory: data\ncatalog: catalog.yaml\n");
        Run statusFromConfig = cli("status", "--config", config.toString());
        assertEquals(status.out().lines().skip(1).limit(2).toList(),
                statusFromConfig.out().lines().skip(1).limit(2).toList(), statusFromConfig.err());

        Run dryRun = cli("purge", "--data-directory", data.toString(), "--older-than", "30d", "--dry-run");
        assertEquals(0, dryRun.exit(), dryRun.err());
        assertTrue(dryRun.out().contains("would purge alpha repos/a1/a1/"), dryRun.out());
        assertTrue(Files.exists(data.resolve("repos/a1/a1/" + "a1".repeat(20) + "_dddddddd/repodata")));
        Run purge = cli("purge", "--data-directory", data.toString(), "--older-than", "30");
        assertEquals(0, purge.exit(), "a bare number is days, as it always was: " + purge.err());
        assertTrue(purge.out().contains("Purged 2 build(s)"), purge.out());

        Path central = dir.resolve("central");
        Files.createDirectories(central);
        try (BuildStore store = JdbcBuildStore.sqlite(central.resolve("build.db"))) {
            store.latestPerPackage();
        }
        Path alphaDir = data.resolve("repos/a2/a2/" + "a2".repeat(20) + "_dddddddd");
        Files.writeString(alphaDir.resolve("commit.yaml"), "commits:\n- artifacts: repos/a2/a2/x/alpha-1-a2a2a2"
                + ".noarch.rpm\n  commit_hash: " + "a2".repeat(20) + "\n  distro_hash: " + "d".repeat(40)
                + "\n  project_name: alpha\n  status: SUCCESS\n  dt_build: '1735689600'\n");
        Run imported = cli("import", "--data-directory", central.toString(), alphaDir.toString());
        assertEquals(0, imported.exit(), imported.err() + imported.out());
        assertTrue(imported.out().contains("imported alpha"), imported.out());
        assertTrue(Files.isSymbolicLink(central.resolve("repos/current")));

        Path other = dir.resolve("other-central"); // a worker's whole data directory: every build output under it
        JdbcBuildStore.sqlite(other.resolve("build.db")).close();
        Run whole = cli("import", "--data-directory", other.toString(), "--no-publish", data.toString());
        assertEquals(0, whole.exit(), whole.err() + whole.out());
        assertTrue(whole.out().contains("imported alpha " + data.relativize(alphaDir)), whole.out());
        assertTrue(!Files.exists(other.resolve("repos/current")), "--no-publish");
    }

    @Test
    void aPublishWhoseDlrnImportFailedIsFollowedByOneThatImportsTheMissedBuildsAndNoneTwice() throws Exception {
        Path data = dir.resolve("dlrn");
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
            build(data, store, "alpha", "a1".repeat(20), BuildStatus.SUCCESS, t0);
            build(data, store, "beta", "b1".repeat(20), BuildStatus.SUCCESS, t0.plusSeconds(60));
            build(data, store, "beta", "b2".repeat(20), BuildStatus.FAILED, t0.plusSeconds(90));
        }
        String alpha1 = "https://trunk.example.org/repos/a1/a1/" + "a1".repeat(20) + "_dddddddd";
        String beta1 = "https://trunk.example.org/repos/b1/b1/" + "b1".repeat(20) + "_dddddddd";
        String alpha2 = "https://trunk.example.org/repos/a2/a2/" + "a2".repeat(20) + "_dddddddd";
        try (DlrnApiServer dlrn = new DlrnApiServer("ci-importer", "dlrn-Pa55-7e1c")) {
            dlrn.failOnce(beta1);
            ProcessResult failed = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c");
            assertEquals(1, failed.exitCode(), failed.tailText());
            assertEquals(List.of("201 " + alpha1, "500 " + beta1), dlrn.requests());
            String error = failed.tail().get(failed.tail().size() - 1);
            assertTrue(error.startsWith("ERROR: DLRN import stopped at beta b1b1b1b1b1 (1 of 2 imported before it):"),
                    failed.tailText());
            assertTrue(error.contains("HTTP 500") && error.endsWith("then the builds after it; if DLRN refuses it for"
                    + " good, skip it: publish --dlrn-skip beta/" + "b1".repeat(20) + "_dddddddd (publishRepo's"
                    + " dlrnSkip in Jenkins)."), error);
            assertFalse(failed.tailText().contains("dlrn-Pa55-7e1c"), failed.tailText());

            try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
                build(data, store, "alpha", "a2".repeat(20), BuildStatus.SUCCESS, t0.plusSeconds(120));
            }
            ProcessResult retried = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c");
            assertEquals(0, retried.exitCode(), retried.tailText());
            assertEquals(List.of("201 " + alpha1, "500 " + beta1, "201 " + beta1, "201 " + alpha2), dlrn.requests(),
                    "beta's missed build first, then the new one; alpha's first build not again");
            assertTrue(retried.tailText().contains("imported beta b1b1b1b1b1 into DLRN (" + beta1 + ")"),
                    retried.tailText());

            ProcessResult again = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c");
            assertEquals(0, again.exitCode(), again.tailText());
            assertTrue(again.tailText().contains("every published build is imported already"), again.tailText());
            assertEquals(4, dlrn.requests().size(), dlrn.requests().toString());

            // a mirror that fails does not hold DLRN back (it fetches from the public URL); the command still fails
            try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
                build(data, store, "beta", "b3".repeat(20), BuildStatus.SUCCESS, t0.plusSeconds(180));
            }
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            ProcessResult mirrorFailed = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c", "--mirror",
                    "nobody@127.0.0.1:" + dir.resolve("secondary"), "--mirror-port", String.valueOf(closedPort));
            assertEquals(1, mirrorFailed.exitCode(), mirrorFailed.tailText());
            assertEquals("201 https://trunk.example.org/repos/b3/b3/" + "b3".repeat(20) + "_dddddddd",
                    dlrn.requests().get(4));
            String mirrorError = mirrorFailed.tail().get(mirrorFailed.tail().size() - 1);
            assertTrue(mirrorError.startsWith("ERROR: ") && mirrorError.contains("The secondary keeps serving what it"
                    + " had"), mirrorFailed.tailText());
        }
    }

    @Test
    void aBuildDlrnRefusesForGoodIsSkippedWithDlrnSkipAndTheImportGoesOnAfterIt() throws Exception {
        Path data = dir.resolve("dlrn");
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
            build(data, store, "alpha", "a1".repeat(20), BuildStatus.SUCCESS, t0);
            build(data, store, "beta", "b1".repeat(20), BuildStatus.SUCCESS, t0.plusSeconds(60));
            build(data, store, "alpha", "a2".repeat(20), BuildStatus.SUCCESS, t0.plusSeconds(120));
        }
        String alpha1 = "https://trunk.example.org/repos/a1/a1/" + "a1".repeat(20) + "_dddddddd";
        String beta1 = "https://trunk.example.org/repos/b1/b1/" + "b1".repeat(20) + "_dddddddd";
        String alpha2 = "https://trunk.example.org/repos/a2/a2/" + "a2".repeat(20) + "_dddddddd";
        String betaId = "beta/" + "b1".repeat(20) + "_dddddddd";
        try (DlrnApiServer dlrn = new DlrnApiServer("ci-importer", "dlrn-Pa55-7e1c")) {
            String api = dlrn.apiUrl().toString();
            dlrn.refuse(beta1);
            ProcessResult refused = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c");
            assertEquals(1, refused.exitCode(), refused.tailText());
            String error = refused.tail().get(refused.tail().size() - 1);
            assertTrue(error.startsWith("ERROR: DLRN import stopped at beta b1b1b1b1b1 (1 of 3 imported before it):")
                    && error.contains("HTTP 400") && error.contains("publish --dlrn-skip " + betaId), error);
            assertEquals(List.of("201 " + alpha1, "400 " + beta1), dlrn.requests(), "alpha's second is held back");
            Run status = cli("status", "--data-directory", data.toString());
            assertTrue(status.out().contains("DLRN " + api + ": 2 published build(s) to import, first " + betaId),
                    status.out());

            ProcessResult imported = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c", "--dlrn-skip", betaId,
                    "--dlrn-skip", "alpha/a1a1");
            assertEquals(1, imported.exitCode(), imported.tailText());
            assertEquals("ERROR: Cannot skip build 'alpha/a1a1' (alpha/" + "a1".repeat(20) + "_dddddddd) for"
                    + " the DLRN API " + api + ": DLRN imported it already (IMPORTED); skip only a build that the"
                    + " import stopped at or has not sent yet.", imported.tail().get(imported.tail().size() - 1));
            assertFalse(imported.tailText().contains("Published") || imported.tailText().contains("skipped"),
                    "refused before anything is skipped or published: " + imported.tailText());
            ProcessResult unknown = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c", "--dlrn-skip", "beta/c0ffee");
            assertEquals(1, unknown.exitCode(), unknown.tailText());
            assertFalse(unknown.tailText().contains("Published"), unknown.tailText());
            assertTrue(unknown.tail().get(unknown.tail().size() - 1).startsWith("ERROR: Cannot skip build"
                    + " 'beta/c0ffee': the build database holds no such build"), unknown.tailText());
            assertEquals(2, dlrn.requests().size(), "a refused skip publishes and sends nothing: " + dlrn.requests());

            ProcessResult skipped = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c", "--dlrn-skip", betaId);
            assertEquals(0, skipped.exitCode(), skipped.tailText());
            assertTrue(skipped.tailText().contains("skipped " + betaId + " for the DLRN API " + api
                    + ": no import sends it"), skipped.tailText());
            assertEquals(List.of("201 " + alpha1, "400 " + beta1, "201 " + alpha2), dlrn.requests(),
                    "the import goes on after the skipped build, which is not sent");
            Run after = cli("status", "--data-directory", data.toString());
            assertTrue(after.out().contains("DLRN " + api + ": every published build imported"), after.out());

            ProcessResult again = publishIntoDlrn(data, dlrn, "dlrn-Pa55-7e1c", "--dlrn-skip", "beta/b1b1b1");
            assertEquals(0, again.exitCode(), again.tailText());
            assertTrue(again.tailText().contains(betaId + " is skipped already for the DLRN API " + api),
                    again.tailText());
            assertEquals(3, dlrn.requests().size(), dlrn.requests().toString());
        }
    }

    /** {@code publish --dlrn-api} in a JVM of its own: only a new process can be given the password's variable. */
    private ProcessResult publishIntoDlrn(Path data, DlrnApiServer dlrn, String password, String... more)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                PackagePipelineCommand.class.getName(), "publish", "--recent", "10", "--data-directory", data.toString(),
                "--public-url", "https://trunk.example.org/repos/", "--dlrn-api", dlrn.apiUrl().toString(),
                "--dlrn-user", "ci-importer"));
        command.addAll(List.of(more));
        return ProcessRunner.command(command).env(PublishCommand.DLRN_PASSWORD_ENV, password).directory(dir)
                .timeout(Duration.ofMinutes(2)).run();
    }

    @Test
    void mistakesAreOneLineErrors() throws Exception {
        Run noDb = cli("publish", "--data-directory", dir.resolve("empty").toString());
        assertEquals(1, noDb.exit());
        assertTrue(noDb.err().startsWith("ERROR: No build database at"), noDb.err());
        JdbcBuildStore.sqlite(dir.resolve("d/build.db")).close();
        Run badName = cli("publish", "--data-directory", dir.resolve("d").toString(), "--repo-name", "bad name");
        assertEquals(1, badName.exit());
        assertTrue(badName.err().contains("'bad name'"), badName.err());
        try (Stream<String> lines = badName.err().lines()) {
            assertEquals(1, lines.count(), badName.err());
        }
        Run badMirror = cli("publish", "--data-directory", dir.resolve("d").toString(), "--mirror", "nohost");
        assertTrue(badMirror.err().contains("'nohost'"), badMirror.err());
        Run unknownPackage = cli("publish", "--data-directory", dir.resolve("d").toString(), "--package-name",
                "nosuch");
        assertEquals(1, unknownPackage.exit());
        assertTrue(unknownPackage.err().startsWith("ERROR: --package-name 'nosuch': no build of this package"),
                unknownPackage.err());
        Run recentAndNamed = cli("publish", "--data-directory", dir.resolve("d").toString(), "--recent", "3",
                "--package-name", "alpha");
        assertTrue(recentAndNamed.err().startsWith("ERROR: --recent 3: "), recentAndNamed.err());
        Run dlrnWithoutUser = cli("publish", "--data-directory", dir.resolve("d").toString(), "--dlrn-api",
                "http://127.0.0.1:9/");
        assertTrue(dlrnWithoutUser.err().startsWith("ERROR: --dlrn-api needs --dlrn-user"), dlrnWithoutUser.err());
        assertTrue(dlrnWithoutUser.out().isEmpty(), "nothing is published before the options are checked: "
                + dlrnWithoutUser.out());
        Run skipWithoutApi = cli("publish", "--data-directory", dir.resolve("d").toString(), "--dlrn-skip",
                "hello/3f7a9c1e5b");
        assertEquals(1, skipWithoutApi.exit());
        assertEquals("ERROR: --dlrn-skip hello/3f7a9c1e5b needs --dlrn-api: a build is skipped for one DLRN API.",
                skipWithoutApi.err().strip());
        assertTrue(skipWithoutApi.out().isEmpty(), skipWithoutApi.out());
        Run nowhere = cli("import", "--data-directory", dir.resolve("d").toString(), dir.resolve("nowhere").toString());
        assertEquals(1, nowhere.exit());
        assertTrue(nowhere.err().startsWith("ERROR: import '" + dir.resolve("nowhere") + "' does not exist"),
                nowhere.err());
        assertEquals(1, nowhere.err().lines().count(), nowhere.err());
    }

    @Test
    void purgeTakesTheDurationSyntaxSoAnAgeCanBeHours() throws Exception {
        Path data = dir.resolve("hours");
        Instant now = Instant.now();
        try (BuildStore store = JdbcBuildStore.sqlite(data.resolve("build.db"))) {
            build(data, store, "gamma", "c1".repeat(20), BuildStatus.SUCCESS, now.minus(Duration.ofHours(5)));
            build(data, store, "gamma", "c2".repeat(20), BuildStatus.SUCCESS, now.minus(Duration.ofHours(1)));
        }
        Run sixHours = cli("purge", "--data-directory", data.toString(), "--older-than", "6h", "--dry-run");
        assertEquals(0, sixHours.exit(), sixHours.err());
        assertTrue(sixHours.out().contains("Would purge 0 build(s)"), sixHours.out());
        Run threeHours = cli("purge", "--data-directory", data.toString(), "--older-than", "PT3H", "--dry-run");
        assertEquals(0, threeHours.exit(), threeHours.err());
        assertTrue(threeHours.out().contains("would purge gamma repos/c1/c1/"), threeHours.out());
        assertTrue(!threeHours.out().contains("repos/c2/c2/"), "the newest success stays: " + threeHours.out());
        Run oneDay = cli("purge", "--data-directory", data.toString(), "--older-than", "1", "--dry-run");
        assertTrue(!oneDay.out().contains("would purge"), "1 is one day: " + oneDay.out());

        for (String bad : new String[] {"0", "soon", "-3d"}) {
            Run refused = cli("purge", "--data-directory", data.toString(), "--older-than", bad);
            assertEquals(1, refused.exit(), refused.out());
            assertTrue(refused.err().startsWith("ERROR: --older-than '" + bad + "'"), refused.err());
            assertTrue(refused.err().contains("a number of days") || refused.err().contains("whole number with a unit"),
                    refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
        }
        assertTrue(Files.isDirectory(data.resolve("repos/c1/c1/" + "c1".repeat(20) + "_dddddddd")),
                "nothing was purged by a refused command");
    }

    @Test
    void everyDurationOptionTakesTheOneSyntaxAndNamesTheBadValue() throws Exception {
        JdbcBuildStore.sqlite(dir.resolve("d/build.db")).close();
        Run badToolTimeout = cli("publish", "--data-directory", dir.resolve("d").toString(), "--tool-timeout", "90");
        assertEquals(1, badToolTimeout.exit());
        assertTrue(badToolTimeout.err().startsWith("ERROR: --tool-timeout '90' is not a duration (a bare number is"
                + " refused: add its unit, e.g. 90s or 90m); write a whole number with a unit s, m, h or d"),
                badToolTimeout.err());
        Run badGrace = cli("sweep", "--grace", "half an hour");
        assertEquals(1, badGrace.exit());
        assertTrue(badGrace.err().startsWith("ERROR: --grace 'half an hour' is not a duration"), badGrace.err());
    }
}
