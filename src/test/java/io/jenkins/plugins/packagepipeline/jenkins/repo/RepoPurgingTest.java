package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.CredentialsLookup;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PurgeOutcome;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
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
 * {@code purgeRepo}'s agent-side work against the real repo engine: builds recorded in SQLite with RPMs made by
 * rpmbuild, published with createrepo_c, then purged by age (dry run first).
 */
class RepoPurgingTest {

    @TempDir
    Path dataDir;

    private BuildRecord old;
    private BuildRecord newest;

    /** hello built 40 days ago then 2 days ago, both published: the old snapshot is no longer served. */
    private void publishedHistory() throws Exception {
        Instant now = Instant.now();
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            TargetBuilds builds = new TargetBuilds(dataDir, store);
            old = builds.success("hello", "1.0", "3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a",
                    now.minus(Duration.ofDays(40)));
            PublishRequest all = new PublishRequest("trunk", dataDir.toString(), "https://trunk.example.org/", null);
            RepoPublishing.publish(all, line -> { });
            newest = builds.success("hello", "1.1", "4a8b0d2f6c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b",
                    now.minus(Duration.ofDays(2)));
            RepoPublishing.publish(all, line -> { });
        }
    }

    private PurgeRequest purge(String olderThan, boolean dryRun) {
        return new PurgeRequest("trunk", dataDir.toString(), "https://trunk.example.org/", null, olderThan, dryRun,
                null);
    }

    @Test
    void aDryRunReportsThenThePurgeRemovesOnlyWhatIsNoLongerServed() throws Exception {
        publishedHistory();
        Path oldRpm = dataDir.resolve(old.artifacts().get(0));
        Path newRpm = dataDir.resolve(newest.artifacts().get(0));
        List<String> progress = new ArrayList<>();

        PurgeOutcome dry = RepoPurging.purge(purge("30d", true), progress::add);

        assertTrue(dry.isDryRun());
        assertEquals(List.of(TargetBuilds.idOf(old)), dry.getPurged().stream().map(PackageRow::getBuildId).toList());
        assertTrue(Files.exists(oldRpm), "a dry run changes nothing");
        assertTrue(progress.contains("would purge " + TargetBuilds.idOf(old) + " (" + old.nvr() + ")"),
                progress.toString());
        assertTrue(dry.getSummary().startsWith("Would purge 1 build(s)"), dry.getSummary());

        PurgeOutcome done = RepoPurging.purge(purge("30", false), line -> { });

        assertFalse(done.isDryRun());
        assertEquals(1, done.getPurged().size());
        assertFalse(Files.exists(oldRpm), "the old snapshot's RPMs are gone");
        assertTrue(Files.exists(newRpm), "the newest successful build stays");
        assertTrue(Files.isRegularFile(dataDir.resolve("repos/current/repodata/repomd.xml")));
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            assertTrue(store.history("hello").stream().filter(b -> b.id() == old.id()).findFirst().orElseThrow()
                    .purged(), "the record stays, flagged purged");
        }
        Map<String, Object> map = done.toMap();
        assertEquals(false, map.get("dryRun"));
        assertEquals("30d", map.get("olderThan"), "a bare number is days");
        assertEquals(1, ((List<?>) map.get("purged")).size());
        assertTrue(((Long) map.get("bytesFreed")) > 0, map.toString());

        assertEquals(List.of(), RepoPurging.purge(purge("PT720H", false), line -> { }).getPurged(),
                "nothing left to purge");
    }

    @Test
    void theNewestSuccessfulBuildIsKeptHoweverOld() throws Exception {
        publishedHistory();

        PurgeOutcome outcome = RepoPurging.purge(purge("36h", false), line -> { });

        assertEquals(List.of(TargetBuilds.idOf(old)), outcome.getPurged().stream().map(PackageRow::getBuildId)
                .toList());
        assertEquals(1, outcome.getKept(), "hello 1.1 is two days old but still served");
        assertTrue(Files.exists(dataDir.resolve(newest.artifacts().get(0))));
    }

    @Test
    void aZeroOrBadAgeOrNoBuildDatabaseIsAClearError() throws Exception {
        PackagePipelineException zero = assertThrows(PackagePipelineException.class,
                () -> RepoPurging.purge(purge("0", false), line -> { }));
        assertTrue(zero.getMessage().startsWith("purgeRepo: olderThan '0' must be more than zero; write a whole number"
                + " with a unit"), zero.getMessage());
        PackagePipelineException bad = assertThrows(PackagePipelineException.class,
                () -> RepoPurging.purge(purge("two weeks", false), line -> { }));
        assertTrue(bad.getMessage().startsWith("purgeRepo: olderThan 'two weeks' is not a duration"), bad.getMessage());

        // the controller checks it first, with the same message, before any credential or the agent
        RepoTarget target = new RepoTarget("trunk", dataDir.toString());
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("not-there");
        CredentialsLookup noCredentials = new FakeCredentials().lookup();
        for (String age : List.of("0", "two weeks")) {
            PackagePipelineException agent = assertThrows(PackagePipelineException.class,
                    () -> RepoPurging.purge(purge(age, false), line -> { }));
            PackagePipelineException controller = assertThrows(PackagePipelineException.class,
                    () -> PurgeWork.request(target, age, false, true, noCredentials));
            assertEquals(agent.getMessage(), controller.getMessage());
        }
        Exception credentialsFirst = assertThrows(Exception.class,
                () -> PurgeWork.request(target, "14d", false, true, noCredentials));
        assertTrue(credentialsFirst.getMessage().contains("not-there"), "a good age goes on to the credentials: "
                + credentialsFirst.getMessage());

        PackagePipelineException none = assertThrows(PackagePipelineException.class,
                () -> RepoPurging.purge(purge("14d", true), line -> { }));
        assertTrue(none.getMessage().startsWith("Repo target 'trunk': no build database at "), none.getMessage());
        assertFalse(Files.exists(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE)), "none made by asking");
    }
}
