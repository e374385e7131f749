package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.DlrnApiServer;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnImports;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which builds {@code publishRepo} imports into DLRN, publish after publish: real publishes of real builds into a
 * SQLite build database, the import state read and marked by the callables the agent runs (run in place here), and
 * a {@link DlrnApiServer} answering as DLRN's {@code POST /api/remote/import} does and recording every request.
 */
class DlrnImportTest {

    private static final String PASSWORD = "dlrn-api-s3cret";
    private static final String PUBLIC_URL = "https://trunk.example.org/";
    private static final String HELLO_1 = "1111111111aaaaaaaaaabbbbbbbbbbcccccccccc";
    private static final String HELLO_2 = "2222222222aaaaaaaaaabbbbbbbbbbcccccccccc";
    private static final String WORLD_1 = "3333333333aaaaaaaaaabbbbbbbbbbcccccccccc";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private DlrnApiServer dlrn;

    @BeforeEach
    void startDlrnApi() throws Exception {
        dlrn = new DlrnApiServer("jenkins", PASSWORD);
    }

    @AfterEach
    void stopDlrnApi() {
        dlrn.close();
    }

    private URI api() {
        return dlrn.apiUrl();
    }

    /**
     * The agent, in this JVM: runs each callable on the data directory as {@code workspace.act} would there, the
     * callable and its result serialized on the way as the agent channel does.
     */
    private final DlrnImport.Agent agent = new DlrnImport.Agent() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException {
            FilePath.FileCallable<T> onAgent = (FilePath.FileCallable<T>) overTheChannel(callable);
            return (T) overTheChannel(onAgent.invoke(dataDir.toFile(), null));
        }
    };

    private static Object overTheChannel(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private PublishRequest request(String publicUrl) {
        return new PublishRequest("trunk", dataDir.toString(), publicUrl, null);
    }

    private BuildRecord record(String name, String source, Instant time) throws Exception {
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            return new TargetBuilds(dataDir, store).success(name, "1.0", source, time);
        }
    }

    /** A publishRepo: publish on the agent, then the DLRN import, as {@code PublishWork} runs them. */
    private List<String> publishAndImport(String password) throws Exception {
        RepoPublishing.publish(request(PUBLIC_URL), line -> { });
        List<String> progress = new ArrayList<>();
        try (DlrnApiClient client = new DlrnApiClient(api(), "jenkins", password.toCharArray(),
                Duration.ofSeconds(10))) {
            DlrnImport.importPending(request(PUBLIC_URL), agent, client, progress::add);
        }
        return progress;
    }

    private static String url(String source) {
        return PUBLIC_URL + source.substring(0, 2) + "/" + source.substring(2, 4) + "/"
                + BuildRecord.outputDirName(source, TargetBuilds.DISTGIT);
    }

    @Test
    void aBuildWhoseImportFailedIsImportedByTheNextPublishAndNoImportedBuildTwice() throws Exception {
        record("hello", HELLO_1, T0);
        assertEquals(List.of("1 published build(s) to import, oldest first",
                "imported hello 1111111111 into DLRN (" + url(HELLO_1) + ")"), publishAndImport(PASSWORD));
        assertEquals(List.of("201 " + url(HELLO_1)), dlrn.requests());

        record("hello", HELLO_2, T0.plusSeconds(60));
        record("world", WORLD_1, T0.plusSeconds(120));
        dlrn.failOnce(url(WORLD_1));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> publishAndImport(PASSWORD));
        assertTrue(e.getMessage().startsWith("DLRN import stopped at world 3333333333 (1 of 2 imported before it):"
                + " DLRN remote import of " + url(WORLD_1)), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("database is locked")
                && e.getMessage().contains("The next publish sends it again, then the builds after it; if DLRN"
                        + " refuses it for good, skip it: publish --dlrn-skip world/" + BuildRecord.outputDirName(
                                WORLD_1, TargetBuilds.DISTGIT) + " (publishRepo's dlrnSkip in Jenkins)."),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());

        // the retry makes no snapshot (both are complete) and sends world alone: hello's are imported
        List<String> progress = publishAndImport(PASSWORD);
        assertEquals(List.of("201 " + url(HELLO_1), "201 " + url(HELLO_2), "500 " + url(WORLD_1),
                "201 " + url(WORLD_1)), dlrn.requests());
        assertEquals("imported world 3333333333 into DLRN (" + url(WORLD_1) + ")", progress.get(1));

        assertEquals(List.of("every published build is imported already"), publishAndImport(PASSWORD));
        assertEquals(4, dlrn.requests().size(), "nothing sent again: " + dlrn.requests());
    }

    @Test
    void aBuildDlrnRefusesForGoodHoldsBackTheOthersUntilItIsSkippedThenItIsNeverSent() throws Exception {
        record("hello", HELLO_1, T0);
        publishAndImport(PASSWORD);
        record("world", WORLD_1, T0.plusSeconds(60));
        record("hello", HELLO_2, T0.plusSeconds(120));
        dlrn.refuse(url(WORLD_1));
        String worldId = "world/" + BuildRecord.outputDirName(WORLD_1, TargetBuilds.DISTGIT);
        for (int publish = 0; publish < 2; publish++) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> publishAndImport(PASSWORD));
            assertTrue(e.getMessage().startsWith("DLRN import stopped at world 3333333333") && e.getMessage()
                    .contains("HTTP 400") && e.getMessage().contains("--dlrn-skip " + worldId), e.getMessage());
        }
        assertEquals(List.of("201 " + url(HELLO_1), "400 " + url(WORLD_1), "400 " + url(WORLD_1)), dlrn.requests(),
                "HELLO_2 is held back");

        String helloId = "hello/" + BuildRecord.outputDirName(HELLO_1, TargetBuilds.DISTGIT);
        PackagePipelineException imported = assertThrows(PackagePipelineException.class,
                () -> skip(worldId, helloId));
        assertEquals("Cannot skip build '" + helloId + "' (" + helloId + ") for the DLRN API " + DlrnImports.key(api())
                + ": DLRN imported it already (IMPORTED); skip only a build that the import stopped at or has not"
                + " sent yet.", imported.getMessage());
        PackagePipelineException unknown = assertThrows(PackagePipelineException.class,
                () -> skip(worldId, "world/9999"));
        assertTrue(unknown.getMessage().startsWith("Cannot skip build 'world/9999': the build database holds no"
                + " such build;"), unknown.getMessage());
        assertTrue(assertThrows(PackagePipelineException.class, () -> skip("hello/"))
                .getMessage().startsWith("Cannot skip build 'hello/': the build database holds no such build"));
        assertTrue(assertThrows(PackagePipelineException.class, () -> skip("hello/x")).getMessage()
                .contains("holds no such build"));
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            assertEquals(List.of(WORLD_1, HELLO_2), store.notImportedInto(DlrnImports.key(api())).stream()
                    .map(BuildRecord::sourceCommit).toList(), "a refused skip records nothing, world included");
        }

        assertEquals(List.of("skipped " + worldId + " for the DLRN API " + DlrnImports.key(api())
                + ": no import sends it"), skip("world/333333"));
        assertEquals(List.of("1 published build(s) to import, oldest first",
                "imported hello 2222222222 into DLRN (" + url(HELLO_2) + ")"), publishAndImport(PASSWORD));
        assertEquals(List.of(worldId + " is skipped already for the DLRN API " + DlrnImports.key(api())),
                skip(worldId));
        assertEquals(List.of("every published build is imported already"), publishAndImport(PASSWORD));
        assertEquals(List.of("201 " + url(HELLO_1), "400 " + url(WORLD_1), "400 " + url(WORLD_1),
                "201 " + url(HELLO_2)), dlrn.requests(), "the skipped build is never sent again");
    }

    /** {@code publishRepo}'s {@code dlrnSkip}, as {@code PublishWork} runs it: on the agent, for the DLRN API. */
    private List<String> skip(String... builds) throws Exception {
        List<String> progress = new ArrayList<>();
        DlrnImport.skip(request(PUBLIC_URL), agent, api(), List.of(builds), progress::add);
        return progress;
    }

    @Test
    void missedBuildsGoOldestFirstAsDlrnWouldHaveReceivedThem() throws Exception {
        record("world", WORLD_1, T0.plusSeconds(120));
        record("hello", HELLO_1, T0);
        record("hello", HELLO_2, T0.plusSeconds(60));
        // three publishes whose import never ran (no DLRN API, a lost controller...): each published one build
        for (String only : List.of(HELLO_1, HELLO_2, WORLD_1)) {
            RepoPublishing.publish(request(PUBLIC_URL).withSelection(new PublishSelection(List.of(),
                    List.of(TargetBuilds.idOf(find(only))))), line -> { });
        }
        publishAndImport(PASSWORD);
        // DLRN skips a commit older than the one it holds of that package: HELLO_1 after HELLO_2 would be lost
        assertEquals(List.of("201 " + url(HELLO_1), "201 " + url(HELLO_2), "201 " + url(WORLD_1)), dlrn.requests());
    }

    @Test
    void snapshotsCompletedBeforeImportsWereTrackedAreNotSentAgain() throws Exception {
        record("hello", HELLO_1, T0);
        RepoPublishing.publish(request(PUBLIC_URL), line -> { });
        // the upgrade: the database starts tracking DLRN imports after hello's snapshot was completed (and imported
        // by that publish, the earlier rule)
        setTrackedSince(Instant.now());
        record("world", WORLD_1, T0.plusSeconds(120));
        assertEquals(List.of("1 published build(s) to import, oldest first",
                "imported world 3333333333 into DLRN (" + url(WORLD_1) + ")"), publishAndImport(PASSWORD));
        assertEquals(List.of("201 " + url(WORLD_1)), dlrn.requests());
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            assertEquals(List.of(), store.notImportedInto(DlrnImports.key(api())),
                    "hello is marked published before tracking, once: it is not looked at again");
        }
    }

    @Test
    void refusedCredentialsAreReportedWithoutThePasswordAndMarkNothing() throws Exception {
        record("hello", HELLO_1, T0);
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> publishAndImport("wrong"));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), e.getMessage());
        publishAndImport(PASSWORD);
        assertEquals(List.of("401 " + url(HELLO_1), "201 " + url(HELLO_1)), dlrn.requests());
    }

    @Test
    void buildsNotServedOverHttpNeedThePublicBaseUrl() throws Exception {
        record("hello", HELLO_1, T0);
        RepoPublishing.publish(request(null), line -> { });
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> {
            try (DlrnApiClient client = new DlrnApiClient(api(), "jenkins", PASSWORD.toCharArray(),
                    Duration.ofSeconds(10))) {
                DlrnImport.importPending(request(null), agent, client, line -> { });
            }
        });
        assertTrue(e.getMessage().startsWith("DLRN import of hello 1111111111: its output is served at file:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("public base URL"), e.getMessage());
        assertEquals(List.of(), dlrn.requests());
    }

    private BuildRecord find(String source) {
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            return store.recent(10).stream().filter(b -> b.sourceCommit().equals(source)).findFirst().orElseThrow();
        }
    }

    private void setTrackedSince(Instant since) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE settings SET value = ? WHERE name = 'dlrn_imports_tracked_since'")) {
            update.setString(1, Long.toString(since.toEpochMilli()));
            assertEquals(1, update.executeUpdate());
        }
    }
}
