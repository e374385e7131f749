package io.jenkins.plugins.packagepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BuildStore} must have, run against each real database by a subclass
 * ({@link SqliteBuildStoreTest}, {@link PostgresBuildStoreTest}).
 */
abstract class BuildStoreContract {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    String url;
    JdbcBuildStore store;

    /** A JDBC URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    abstract String user();

    @BeforeEach
    void openStore() throws Exception {
        url = newDatabaseUrl();
        store = JdbcBuildStore.open(url, user(), null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static BuildRecord build(String name, String source, String distgit, BuildStatus status, Instant commitTime) {
        return new BuildRecord(0, name, name + "-project", source, distgit, "main", "rpm-main", null, status,
                commitTime, commitTime.plusSeconds(60), status == BuildStatus.SUCCESS ? name + "-1.0-1" : null,
                status == BuildStatus.SUCCESS ? List.of("repos/x/" + name + ".rpm", "repos/x/" + name + ".src.rpm")
                        : List.of(),
                BuildRecord.outputDir(source, distgit), status == BuildStatus.SUCCESS ? null : "it broke", 0, false);
    }

    static String hash(char c) {
        return String.valueOf(c).repeat(40);
    }

    @Test
    void recordsEveryFieldAndFindsThePairAgain() {
        BuildRecord original = new BuildRecord(0, "hello", "greetings", hash('a'), hash('b'), "main", "rpm-main",
                "tools", BuildStatus.SUCCESS, T0, T0.plusMillis(61_234), "hello-1.0.0-0.20261101100000.aaaaaaa.el9",
                List.of("repos/aa/aa/x/hello-1.0.0.noarch.rpm", "repos/aa/aa/x/hello-1.0.0.src.rpm"),
                BuildRecord.outputDir(hash('a'), hash('b')), null, 2, false);
        BuildRecord stored = store.record(original);
        assertTrue(stored.id() > 0);
        assertEquals(original.withId(stored.id()), store.find("hello", hash('a'), hash('b')).orElseThrow());
        assertTrue(store.find("hello", hash('a'), hash('c')).isEmpty());
        assertTrue(store.find("other", hash('a'), hash('b')).isEmpty());
    }

    @Test
    void recordingTheSamePairAgainReplacesItsRecord() {
        BuildRecord retry = store.record(build("hello", hash('a'), hash('b'), BuildStatus.RETRY, T0));
        BuildRecord success = store.record(build("hello", hash('a'), hash('b'), BuildStatus.SUCCESS, T0));
        assertEquals(retry.id(), success.id());
        assertEquals(BuildStatus.SUCCESS, store.find("hello", hash('a'), hash('b')).orElseThrow().status());
        assertEquals(1, store.history("hello").size());
    }

    @Test
    void lastProcessedIsTheNewestCommitWhateverItsStatusAndLastSuccessfulSkipsFailures() {
        store.record(build("hello", hash('1'), hash('d'), BuildStatus.SUCCESS, T0));
        store.record(build("hello", hash('3'), hash('d'), BuildStatus.FAILED, T0.plusSeconds(20)));
        store.record(build("hello", hash('2'), hash('d'), BuildStatus.SUCCESS, T0.plusSeconds(10)));
        store.record(build("other", hash('4'), hash('d'), BuildStatus.SUCCESS, T0.plusSeconds(99)));
        assertEquals(hash('3'), store.lastProcessed("hello").orElseThrow().sourceCommit());
        assertEquals(hash('2'), store.lastSuccessful("hello").orElseThrow().sourceCommit());
        assertTrue(store.lastProcessed("nobody").isEmpty());
        assertEquals(List.of(hash('3'), hash('2'), hash('1')),
                store.history("hello").stream().map(BuildRecord::sourceCommit).toList());
    }

    @Test
    void aSameCommitTimeIsOrderedByBuildTime() {
        BuildRecord first = build("hello", hash('1'), hash('d'), BuildStatus.SUCCESS, T0);
        BuildRecord second = new BuildRecord(0, "hello", "p", hash('1'), hash('e'), "main", "rpm-main", null,
                BuildStatus.SUCCESS, T0, T0.plusSeconds(600), null, List.of(), null, null, 0, false);
        store.record(second);
        store.record(first);
        assertEquals(hash('e'), store.lastProcessed("hello").orElseThrow().distgitCommit());
    }

    @Test
    void latestPerPackageGivesOneRecordPerPackageByName() {
        store.record(build("zeta", hash('1'), hash('d'), BuildStatus.SUCCESS, T0));
        store.record(build("zeta", hash('2'), hash('d'), BuildStatus.FAILED, T0.plusSeconds(5)));
        store.record(build("alpha", hash('3'), hash('d'), BuildStatus.SUCCESS, T0));
        store.record(build("mid", hash('4'), hash('d'), BuildStatus.FAILED, T0));

        List<BuildRecord> latest = store.latestPerPackage();
        assertEquals(List.of("alpha", "mid", "zeta"), latest.stream().map(BuildRecord::packageName).toList());
        assertEquals(hash('2'), latest.get(2).sourceCommit());

        List<BuildRecord> good = store.latestSuccessfulPerPackage();
        assertEquals(List.of("alpha", "zeta"), good.stream().map(BuildRecord::packageName).toList());
        assertEquals(hash('1'), good.get(1).sourceCommit());
    }

    @Test
    void recentIsNewestBuildFirstAndLimited() {
        for (int i = 0; i < 5; i++) {
            store.record(new BuildRecord(0, "p" + i, null, hash((char) ('a' + i)), hash('d'), "main", "main", null,
                    BuildStatus.SUCCESS, T0, T0.plusSeconds(i), null, List.of(), null, null, 0, false));
        }
        assertEquals(List.of("p4", "p3", "p2"), store.recent(3).stream().map(BuildRecord::packageName).toList());
    }

    @Test
    void markPurgedKeepsTheRecord() {
        BuildRecord stored = store.record(build("hello", hash('a'), hash('b'), BuildStatus.SUCCESS, T0));
        store.markPurged(stored.id());
        BuildRecord purged = store.find("hello", hash('a'), hash('b')).orElseThrow();
        assertTrue(purged.purged());
        assertEquals(stored.withPurged(true), purged);
        PackagePipelineException missing = assertThrows(PackagePipelineException.class,
                () -> store.markPurged(stored.id() + 1000));
        assertTrue(missing.getMessage().contains("No build with id " + (stored.id() + 1000)), missing.getMessage());
    }

    @Test
    void severalThreadsWritingAndReadingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "pkg" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String source = String.format("%040x", i);
                        store.record(build(name, source, hash('d'), BuildStatus.SUCCESS, T0.plusSeconds(i)));
                        store.record(build("shared", source, hash('d'), BuildStatus.RETRY, T0.plusSeconds(i)));
                        assertTrue(store.find(name, source, hash('d')).isPresent());
                        store.latestPerPackage();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(perThread, store.history("pkg" + t).size());
        }
        assertEquals(perThread, store.history("shared").size());
        assertEquals(threads + 1, store.latestPerPackage().size());
    }

    @Test
    void reopeningKeepsTheRecordsAndTheSchemaIsVersionedByFlyway() throws Exception {
        store.record(build("hello", hash('a'), hash('b'), BuildStatus.SUCCESS, T0));
        try (JdbcBuildStore again = JdbcBuildStore.open(url, user(), null)) {
            assertEquals(1, again.history("hello").size());
        }
        try (Connection connection = DriverManager.getConnection(url, user(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                assertTrue(rows.getBoolean(2), "migration " + rows.getString(1));
                versions.add(rows.getString(1));
            }
            assertEquals(List.of("1", "2", "3"), versions.stream().sorted().toList());
        }
    }

    @Test
    void theBuildsNotImportedIntoADlrnApiAreTheUnpurgedSuccessesWithoutAStateForItOldestFirst() {
        BuildRecord newer = store.record(build("hello", hash('2'), hash('d'), BuildStatus.SUCCESS, T0.plusSeconds(50)));
        BuildRecord older = store.record(build("other", hash('1'), hash('d'), BuildStatus.SUCCESS, T0));
        store.record(build("hello", hash('3'), hash('d'), BuildStatus.FAILED, T0.plusSeconds(90)));
        BuildRecord purged = store.record(build("gone", hash('4'), hash('d'), BuildStatus.SUCCESS, T0.minusSeconds(9)));
        store.markPurged(purged.id());
        String api = "https://dlrn.example.org/api-centos9-master";
        String otherApi = "https://dlrn.example.org/api-centos9-caracal";
        assertEquals(List.of(older.id(), newer.id()), ids(store.notImportedInto(api)));

        store.recordDlrnImport(older.id(), api, DlrnImportState.IMPORTED);
        assertEquals(List.of(newer.id()), ids(store.notImportedInto(api)));
        assertEquals(List.of(older.id(), newer.id()), ids(store.notImportedInto(otherApi)), "per API URL");
        store.recordDlrnImport(newer.id(), api, DlrnImportState.PUBLISHED_BEFORE_TRACKING);
        store.recordDlrnImport(newer.id(), api, DlrnImportState.IMPORTED);
        assertEquals(List.of(), store.notImportedInto(api));
        assertEquals(Map.of(older.id(), "IMPORTED", newer.id(), "PUBLISHED_BEFORE_TRACKING"), states(api),
                "a state recorded again keeps the first");

        store.record(build("other", hash('1'), hash('d'), BuildStatus.SUCCESS, T0));
        assertEquals(List.of(), store.notImportedInto(api), "recording a build again keeps its id and its state");
    }

    @Test
    void aSkippedBuildIsNotSentAndEachStateIsReadBackPerApiUrl() {
        BuildRecord refused = store.record(build("hello", hash('1'), hash('d'), BuildStatus.SUCCESS, T0));
        BuildRecord next = store.record(build("hello", hash('2'), hash('d'), BuildStatus.SUCCESS, T0.plusSeconds(9)));
        String api = "https://dlrn.example.org/api-centos9-master";
        String otherApi = "https://dlrn.example.org/api-centos9-caracal";
        assertEquals(List.of(), store.dlrnApiUrls());
        store.recordDlrnImport(refused.id(), api, DlrnImportState.SKIPPED);
        assertEquals(List.of(next.id()), ids(store.notImportedInto(api)));
        assertEquals(DlrnImportState.SKIPPED, store.dlrnImportState(refused.id(), api).orElseThrow());
        assertTrue(store.dlrnImportState(next.id(), api).isEmpty());
        assertTrue(store.dlrnImportState(refused.id(), otherApi).isEmpty(), "per API URL");
        store.recordDlrnImport(next.id(), otherApi, DlrnImportState.IMPORTED);
        assertEquals(DlrnImportState.IMPORTED, store.dlrnImportState(next.id(), otherApi).orElseThrow());
        assertEquals(List.of(otherApi, api), store.dlrnApiUrls());
    }

    @Test
    void theRepoNameIsRecordedAndReplacedAndSurvivesReopening() {
        assertTrue(store.repoName().isEmpty());
        store.recordRepoName("trunk");
        assertEquals("trunk", store.repoName().orElseThrow());
        store.recordRepoName("trunk-centos9");
        try (JdbcBuildStore again = JdbcBuildStore.open(url, user(), null)) {
            assertEquals("trunk-centos9", again.repoName().orElseThrow());
        }
    }

    @Test
    void dlrnImportsAreTrackedSinceTheDatabaseWasCreated() {
        Instant since = store.dlrnImportsTrackedSince();
        assertTrue(!since.isAfter(Instant.now()) && since.isAfter(Instant.now().minusSeconds(600)), since.toString());
    }

    @Test
    void aVersion1DatabaseIsUpgradedWithItsBuildsAndTracksDlrnImportsFromThen() throws Exception {
        String old = newDatabaseUrl();
        Database database = Database.of(old);
        Flyway.configure(getClass().getClassLoader()).dataSource(database.dataSource(old, user(), null))
                .locations(database.migrationLocation()).target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(old, user(), "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO packages (name, first_built, last_built) VALUES ('hello', 1, 1)");
            statement.executeUpdate("INSERT INTO builds (package_id, source_commit, distgit_commit, status,"
                    + " build_time, repo_dir) SELECT id, '" + hash('a') + "', '" + hash('b') + "', 'SUCCESS', 5,"
                    + " 'repos/aa/aa/x' FROM packages");
        }
        Instant beforeUpgrade = Instant.now().minusSeconds(1);
        try (JdbcBuildStore upgraded = JdbcBuildStore.open(old, user(), null)) {
            assertTrue(!upgraded.dlrnImportsTrackedSince().isBefore(beforeUpgrade.truncatedTo(ChronoUnit.SECONDS)),
                    upgraded.dlrnImportsTrackedSince() + " is the upgrade's time");
            List<BuildRecord> builds = upgraded.notImportedInto("https://dlrn.example.org/api");
            assertEquals(List.of("hello"), builds.stream().map(BuildRecord::packageName).toList());
            upgraded.recordDlrnImport(builds.get(0).id(), "https://dlrn.example.org/api", DlrnImportState.IMPORTED);
            assertEquals(List.of(), upgraded.notImportedInto("https://dlrn.example.org/api"));
        }
    }

    @Test
    void aVersion2DatabaseIsUpgradedWithItsDlrnImportStatesAndTakesSkippedBuilds() throws Exception {
        String old = newDatabaseUrl();
        Database database = Database.of(old);
        Flyway.configure(getClass().getClassLoader()).dataSource(database.dataSource(old, user(), null))
                .locations(database.migrationLocation()).target("2").load().migrate();
        String api = "https://dlrn.example.org/api";
        try (Connection connection = DriverManager.getConnection(old, user(), "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO packages (name, first_built, last_built) VALUES ('hello', 1, 1)");
            for (char c : new char[] {'a', 'c', 'e'}) {
                statement.executeUpdate("INSERT INTO builds (package_id, source_commit, distgit_commit, status,"
                        + " build_time, repo_dir) SELECT id, '" + hash(c) + "', '" + hash('b') + "', 'SUCCESS', 5,"
                        + " 'repos/x/" + c + "' FROM packages");
            }
            statement.executeUpdate("INSERT INTO dlrn_imports (build_id, api_url, state, recorded_at) SELECT id, '"
                    + api + "', 'IMPORTED', 7 FROM builds WHERE source_commit = '" + hash('a') + "'");
            assertThrows(java.sql.SQLException.class, () -> statement.executeUpdate("INSERT INTO dlrn_imports"
                    + " (build_id, api_url, state, recorded_at) SELECT id, '" + api + "', 'SKIPPED', 7 FROM builds"
                    + " WHERE source_commit = '" + hash('c') + "'"), "version 2 knows no SKIPPED");
        }
        try (JdbcBuildStore upgraded = JdbcBuildStore.open(old, user(), null)) {
            List<BuildRecord> builds = upgraded.history("hello");
            long a = builds.stream().filter(b -> b.sourceCommit().equals(hash('a'))).findFirst().orElseThrow().id();
            long c = builds.stream().filter(b -> b.sourceCommit().equals(hash('c'))).findFirst().orElseThrow().id();
            assertEquals(DlrnImportState.IMPORTED, upgraded.dlrnImportState(a, api).orElseThrow());
            upgraded.recordDlrnImport(c, api, DlrnImportState.SKIPPED);
            assertEquals(List.of(hash('e')), upgraded.notImportedInto(api).stream().map(BuildRecord::sourceCommit)
                    .toList());
            upgraded.recordDlrnImport(a, api, DlrnImportState.SKIPPED);
            assertEquals(DlrnImportState.IMPORTED, upgraded.dlrnImportState(a, api).orElseThrow(),
                    "the primary key still keeps the first state");
        }
    }

    private static List<Long> ids(List<BuildRecord> builds) {
        return builds.stream().map(BuildRecord::id).toList();
    }

    private Map<Long, String> states(String api) {
        Map<Long, String> states = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user(), "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT build_id, state FROM dlrn_imports WHERE api_url = ?")) {
            select.setString(1, api);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getLong(1), rows.getString(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return states;
    }

    @Test
    void instantsKeepMillisecondsAndNullsStayNull() {
        Instant precise = T0.plus(123, ChronoUnit.MILLIS);
        BuildRecord sparse = new BuildRecord(0, "sparse", null, hash('a'), hash('b'), null, null, null,
                BuildStatus.FAILED, precise, null, null, null, null, null, 0, false);
        store.record(sparse);
        BuildRecord read = store.find("sparse", hash('a'), hash('b')).orElseThrow();
        assertEquals(precise, read.commitTime());
        assertEquals(null, read.buildTime());
        assertEquals(List.of(), read.artifacts());
        assertNotEquals(0, read.id());
    }
}
