package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import io.jenkins.plugins.packagepipeline.jenkins.run.ImportOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.TestConsole;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.CommitYamlFiles;
import io.jenkins.plugins.packagepipeline.repo.Dnf;
import io.jenkins.plugins.packagepipeline.repo.StaticHttpServer;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code importBuild}'s agent-side work against the real engines: a worker's build made by the build engine in
 * worker mode (rpmbuild) and brought over as a directory, another served over HTTP on 127.0.0.1, both imported into
 * the target's data directory and SQLite build database, then published as {@code publishRepo} publishes them and
 * installed by a real dnf.
 */
class RepoImportingTest {

    private static final String WORLD_SOURCE = "4a8b0d2f6c3e5a7b9d1f3a5c7e9b1d3f5a7c9e1b";

    @TempDir
    Path dir;

    private final TestConsole console = new TestConsole();
    private final TaskListener listener = console.listener();

    private Path dataDir() throws Exception {
        return Files.createDirectories(dir.resolve("trunk"));
    }

    private ImportRequest request(List<String> from) throws Exception {
        return new ImportRequest("trunk", dataDir().toString(), "https://trunk.example.org/repos/", null, null, from);
    }

    /** A successful build of 'world' recorded in a worker's data directory, with its commit.yaml. */
    private BuildRecord world(Path workerDataDir) throws Exception {
        try (BuildStore store = JdbcBuildStore.sqlite(workerDataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            BuildRecord world = new TargetBuilds(workerDataDir, store).success("world", "2.0", WORLD_SOURCE,
                    Instant.parse("2026-11-02T10:00:00Z"));
            CommitYamlFiles.write(workerDataDir, world);
            return world;
        }
    }

    /**
     * Distributed builds come together: worker 1's data directory brought into the central workspace (as unstash
     * does) and worker 2's build served over HTTP are imported in one step, then published and installed.
     */
    @Test
    void importsAWorkersDirectoryByPathAndABuildByUrlThenPublishedDnfInstallsThem() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("central-workspace"));
        BuildOutcome built = WorkerBuilds.hello(dir.resolve("worker-1"), workspace.resolve("worker-1"));
        assertEquals("SUCCESS", built.getVerdict(), built.getSummary());
        PackageRow hello = built.getRows().get(0);
        Path worker2 = dir.resolve("worker-2");
        BuildRecord world = world(worker2);

        ImportOutcome imported;
        try (StaticHttpServer server = new StaticHttpServer(worker2)) {
            imported = new ImportCallable(request(List.of("worker-1", server.url() + world.repoDir() + "/")),
                    listener).invoke(workspace.toFile(), null);
        }

        assertEquals(List.of(hello.getBuildId(), TargetBuilds.idOf(world)), imported.getBuildIds());
        assertEquals(List.of(hello.getNvr(), world.nvr()), imported.getRows().stream().map(PackageRow::getNvr)
                .toList());
        assertEquals(List.of("SUCCESS", "SUCCESS"), imported.getRows().stream().map(PackageRow::getStatus).toList());
        assertEquals("https://trunk.example.org/repos/" + world.repoDir().substring("repos/".length()) + "/",
                imported.getRows().get(1).getOutputUrl());
        assertEquals("Imported 2 build(s) (2 SUCCESS) from 2 location(s).", imported.getSummary());
        String log = console.text();
        assertTrue(log.contains("[Package Pipeline] import into repo target 'trunk' from 2 location(s) ...\n"), log);
        assertTrue(log.contains("[Package Pipeline]   imported " + hello.getBuildId() + " (SUCCESS, "
                + hello.getNvr() + ")\n"), log);
        assertTrue(log.matches("(?s).*\\[Package Pipeline]   from worker-1: 1 build\\(s\\) imported, in \\d+\\.\\d s\n"
                + ".*"), log);
        assertTrue(log.matches("(?s).*import into repo target 'trunk' from 2 location\\(s\\) done in \\d+\\.\\d s\n"),
                log);
        Path trunk = dataDir();
        assertTrue(Files.isRegularFile(trunk.resolve(WorkerBuilds.repoDir(hello.getBuildId())).resolve("commit.yaml")));
        try (BuildStore store = JdbcBuildStore.sqlite(trunk.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            assertEquals(List.of("hello", "world"), store.latestPerPackage().stream().map(BuildRecord::packageName)
                    .toList(), "recorded in the target's build database");
        }

        // publish: true runs publishRepo's work with builds: the imported ones
        PublishOutcome published = RepoPublishing.publish(new PublishRequest("trunk", trunk.toString(), null, null)
                .withSelection(new PublishSelection(List.of(), imported.getBuildIds())), line -> { });
        assertEquals(2, published.getRows().stream().filter(PackageRow::isPublished).count());
        Dnf dnf = new Dnf(dir.resolve("root"), trunk.resolve("repos/current").toUri().toString(), null);
        assertEquals(List.of(hello.getNvr(), world.nvr()), dnf.available());
        assertTrue(dnf.run("install", "world").succeeded());
        assertEquals(world.nvr(), dnf.installed("world"));

        Map<String, Object> result = GroovyValues.map(imported.toMap(published));
        assertEquals(List.of(hello.getBuildId(), TargetBuilds.idOf(world)), result.get("builds"));
        assertEquals(published.getRepoUrl(), result.get("repoUrl"));
        assertEquals(List.of(true, true), ((List<?>) result.get("packages")).stream()
                .map(p -> ((Map<?, ?>) p).get("published")).toList());
        assertEquals(List.of(), result.get("alreadyRecorded"));
        Map<String, Object> unpublished = imported.toMap();
        assertNull(unpublished.get("repoUrl"), "publish: false");
        assertEquals(false, ((Map<?, ?>) ((List<?>) unpublished.get("packages")).get(0)).get("published"));

        ImportOutcome again = RepoImporting.importBuilds(request(List.of("worker-1")), workspace, line -> { });
        assertEquals(List.of(), again.getRows(), "importing again is harmless");
        assertEquals(List.of(workspace.resolve("worker-1").resolve(WorkerBuilds.repoDir(hello.getBuildId()))
                .toString()), again.getAlreadyRecorded());
        assertEquals("Imported 0 build(s) from 1 location(s); 1 build output directory was recorded already.",
                again.getSummary());
    }

    /**
     * A bad {@code from} fails the step with one line naming it, before anything is imported when it is a path (or
     * a badly written URL), and the controller refuses a badly written one before reading any credential.
     */
    @Test
    void aBadFromIsOneLineNamingItAndNothingIsImported() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        world(workspace.resolve("worker-2"));
        Files.createDirectories(workspace.resolve("not-an-output"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<List<String>> cases = List.of(
                List.of("nowhere", "importBuild: from 'nowhere' (" + workspace.resolve("nowhere") + ") does not exist"),
                List.of("not-an-output", "importBuild: from 'not-an-output' (" + workspace.resolve("not-an-output")
                        + ") holds no build output directory"),
                List.of("ftp://worker-2/out", "importBuild: from 'ftp://worker-2/out' is neither a path nor an"
                        + " http(s) URL"),
                List.of("https://jenkins:Pw-51ce@worker-2/out", "importBuild: from 'https://****@worker-2/out' holds a"
                        + " user name or password"),
                List.of(dataDir().toString(), "importBuild: from '" + dataDir() + "' is inside the data directory of"
                        + " Repo target 'trunk'"));
        for (List<String> c : cases) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> RepoImporting
                    .importBuilds(request(List.of("worker-2", c.get(0))), workspace, line -> { }), c.get(0));
            Exception ending = UserErrors.forBuild(e, SecretMasker.none());
            assertInstanceOf(AbortException.class, ending);
            assertTrue(ending.getMessage().startsWith(c.get(1)), ending.getMessage());
            assertEquals(1, ending.getMessage().lines().count(), ending.getMessage());
            assertFalse(ending.getMessage().contains("Pw-51ce"), ending.getMessage());
        }
        assertFalse(Files.exists(dataDir().resolve("repos")), "the good location was not imported either");

        // a URL is read when its turn comes: what was imported before stays recorded, and the line says so
        String unreachable = "http://127.0.0.1:" + closedPort + "/repos/aa/bb/out";
        PackagePipelineException late = assertThrows(PackagePipelineException.class, () -> RepoImporting
                .importBuilds(request(List.of("worker-2", unreachable)), workspace, line -> { }));
        assertTrue(late.getMessage().startsWith("Cannot fetch " + unreachable + "/commit.yaml"), late.getMessage());
        assertTrue(late.getMessage().endsWith("(the 1 build(s) imported before it stay recorded; publish them with"
                + " publishRepo(target: 'trunk'))"), late.getMessage());
        assertEquals(1, late.getMessage().lines().count(), late.getMessage());
        try (StaticHttpServer server = new StaticHttpServer(workspace)) {
            PackagePipelineException notServed = assertThrows(PackagePipelineException.class, () -> RepoImporting
                    .importBuilds(request(List.of(server.url() + "not-an-output/")), workspace, line -> { }));
            assertTrue(notServed.getMessage().startsWith("No commit.yaml at " + server.url() + "not-an-output/"),
                    notServed.getMessage());
        }

        // on the controller: the same check first, before the target's credentials (here missing) are read
        RepoTarget target = new RepoTarget("trunk", dataDir().toString());
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("not-there");
        var noCredentials = new FakeCredentials().lookup();
        for (List<String> from : List.of(List.<String>of(), List.of("ftp://worker-2/out"))) {
            PackagePipelineException controller = assertThrows(PackagePipelineException.class,
                    () -> ImportWork.request(target, from, noCredentials));
            assertTrue(controller.getMessage().startsWith("importBuild: from "), controller.getMessage());
        }
        assertTrue(assertThrows(PackagePipelineException.class, () -> RepoImporting.check(null)).getMessage()
                .startsWith("importBuild: from names no location: give the build output directories to import"));
        Exception credentialsNext = assertThrows(Exception.class,
                () -> ImportWork.request(target, List.of("worker-2"), noCredentials));
        assertTrue(credentialsNext.getMessage().contains("not-there"), credentialsNext.getMessage());

        // the form's check of the text area
        assertEquals(FieldCheck.ok(), ImportWork.checkFrom("worker 1/repos\n\nhttps://worker-2.example.org/x/\n"));
        FieldCheck empty = ImportWork.checkFrom("");
        assertTrue(empty.isError() && empty.message().contains("names no location"), empty.toString());
        FieldCheck ftp = ImportWork.checkFrom("worker-1\nftp://x/y");
        assertTrue(ftp.isError() && ftp.message().startsWith("importBuild: from 'ftp://x/y' is neither"),
                ftp.toString());
    }

    @Test
    void theDataDirectoryMustBeOnThisAgent() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        world(workspace.resolve("worker-2"));
        ImportRequest elsewhere = new ImportRequest("trunk", dir.resolve("srv/trunk").toString(), null, null, null,
                List.of("worker-2"));
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> RepoImporting.importBuilds(elsewhere, workspace, line -> { }));
        assertTrue(e.getMessage().startsWith("Repo target 'trunk': its data directory " + dir.resolve("srv/trunk")
                + " does not exist on this agent: run importBuild on the agent that holds it"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("srv")), "no stray data directory made");
    }

    @Test
    void theRequestCarriesTheDatabasePasswordButNeverShowsIt() throws Exception {
        RepoTarget target = new RepoTarget("trunk", "/srv/trunk");
        target.setPublicBaseUrl("https://trunk.example.org/");
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("trunk-db");
        FakeCredentials store = new FakeCredentials()
                .add(FakeCredentials.usernamePassword("trunk-db", "trunk", "Db-Pass-3e1f"));

        ImportRequest request = ImportWork.request(target, new ArrayList<>(List.of(" worker-1 ", "worker-2")),
                store.lookup());

        assertEquals(new BuildDatabase("jdbc:postgresql://db.example.org:5432/trunk", "trunk", "Db-Pass-3e1f"),
                request.database());
        assertEquals(List.of("worker-1", "worker-2"), request.from());
        assertEquals("/srv/trunk", request.dataDirectory());
        assertFalse(request.toString().contains("Db-Pass-3e1f"), request.toString());
        assertEquals("****", request.database().masker().mask("Db-Pass-3e1f"));
    }
}
