package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildOutput;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.build.BuildWorker;
import io.jenkins.plugins.packagepipeline.build.DataDirLock;
import io.jenkins.plugins.packagepipeline.repo.remote.BuildImporter;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing build output directories made by workers (by path and over HTTP) into the central data directory. */
class RemoteImportTest {
    @TempDir
    Path dir;
    TestBuilds worker;
    TestBuilds central;
    RepoConfig centralConfig;

    @BeforeEach
    void setUp() {
        worker = new TestBuilds(dir.resolve("worker"));
        central = new TestBuilds(dir.resolve("central"));
        centralConfig = RepoConfig.defaults(central.dataDir);
    }

    @AfterEach
    void tearDown() {
        worker.close();
        central.close();
    }

    @Test
    void importsByPathAndByUrlThenPublishes() throws Exception {
        BuildRecord alpha = worker.success("alpha", "1.0");
        BuildRecord beta = worker.success("beta", "1.0");
        BuildRecord gammaFailed = worker.failure("gamma", "1.0");
        for (BuildRecord b : List.of(alpha, beta, gammaFailed)) {
            CommitYamlFiles.write(worker.dataDir, b);
        }
        BuildImporter importer = new BuildImporter(centralConfig, central.store);
        List<BuildRecord> byPath = importer.importBuild(worker.dataDir.resolve(alpha.repoDir()).toString());
        List<BuildRecord> byUrl;
        try (StaticHttpServer server = new StaticHttpServer(worker.dataDir)) {
            byUrl = importer.importBuild(server.url() + beta.repoDir() + "/");
            importer.importBuild(server.url() + gammaFailed.repoDir());
        }
        assertEquals(1, byPath.size());
        BuildRecord imported = byUrl.get(0);
        assertEquals(beta.nvr(), imported.nvr());
        assertEquals(beta.buildTime(), imported.buildTime());
        assertEquals(beta.artifacts(), imported.artifacts(), "same layout, paths relative to the central data dir");
        assertTrue(Files.isRegularFile(central.dataDir.resolve(beta.repoDir()).resolve("rpmbuild.log")));
        BuildRecord gamma = central.store.lastProcessed("gamma").orElseThrow();
        assertEquals(BuildStatus.FAILED, gamma.status());
        assertTrue(gamma.notes().contains("bad spec"), gamma.notes());

        List<PublishResult> results = new RepoPublisher(centralConfig, central.store)
                .publish(central.store.latestPerPackage(), null);
        assertEquals(3, results.size());
        Dnf dnf = new Dnf(dir.resolve("root"), central.dataDir.resolve("repos/current").toUri().toString(), null);
        assertEquals(2, dnf.available().size());
        assertTrue(importer.importBuild(worker.dataDir.resolve(alpha.repoDir()).toString()).isEmpty(),
                "importing a recorded success again is a no-op");
    }

    @Test
    void importsWhatTheBuildEnginesWorkerModeMakes() throws Exception {
        GitPackages git = new GitPackages(Files.createDirectories(dir.resolve("git")));
        git.add("delta", "");
        Path workerOutput = dir.resolve("worker-output");
        BuildWorker worker = new BuildWorker(BuildSettings.defaults(dir.resolve("worker-data")));
        BuildRecord built = worker.build(git.catalog().packagesIn(null, java.util.Set.of("delta")).get(0), null, null,
                workerOutput, line -> { });
        assertEquals(BuildStatus.SUCCESS, built.status(), built.notes());
        List<BuildRecord> imported;
        try (StaticHttpServer server = new StaticHttpServer(workerOutput)) {
            imported = new BuildImporter(centralConfig, central.store).importBuild(server.url() + built.repoDir());
        }
        BuildRecord record = imported.get(0);
        assertEquals(built.sourceCommit(), record.sourceCommit());
        assertEquals(built.nvr(), record.nvr());
        assertEquals(built.artifacts(), record.artifacts());
        new RepoPublisher(centralConfig, central.store).publish(record, null);
        Dnf dnf = new Dnf(dir.resolve("root-delta"), central.dataDir.resolve("repos/current").toUri().toString(), null);
        assertEquals(List.of(built.nvr().replace(".src", "")), dnf.available());
    }

    /**
     * An import over a build that failed here replaces its output as one step with recording it: an import whose
     * recording fails puts the failed build's output back under its unchanged record; the next import replaces it,
     * and publishing serves it. {@code current} serves a complete repository throughout.
     */
    @Test
    void anImportOverAFailedBuildPutsItsOutputBackIfRecordingFails() throws Exception {
        BuildRecord alpha = central.success("alpha", "1.0");
        RepoPublisher publisher = new RepoPublisher(centralConfig, central.store);
        publisher.publish(alpha, null);
        BuildRecord failed = central.failure("gamma", "1.0");
        Path gammaDir = central.dataDir.resolve(failed.repoDir());
        Path current = central.dataDir.resolve("repos/current");
        Dnf dnf = new Dnf(dir.resolve("root"), current.toUri().toString(), null);
        List<String> servedBefore = dnf.available();
        assertEquals(1, servedBefore.size(), servedBefore.toString());

        BuildRecord gamma = worker.success("gamma", "1.0");
        assertEquals(failed.repoDir(), gamma.repoDir(), "the same pair, built successfully on the worker");
        CommitYamlFiles.write(worker.dataDir, gamma);
        String location = worker.dataDir.resolve(gamma.repoDir()).toString();

        PackagePipelineException refused = assertThrows(PackagePipelineException.class, () -> new BuildImporter(
                centralConfig, failingToRecord(central.store)).importBuild(location));
        assertTrue(refused.getMessage().contains("database is gone"), refused.getMessage());
        assertEquals("error: bad spec\n", Files.readString(gammaDir.resolve("rpmbuild.log")),
                "the failed build's output is back");
        assertEquals(List.of("rpmbuild.log"), fileNames(gammaDir));
        assertEquals(List.of(), fileNames(gammaDir.getParent()).stream().filter(f -> f.startsWith(".")).toList(),
                "nothing left beside it");
        assertEquals(BuildStatus.FAILED, central.store.lastProcessed("gamma").orElseThrow().status());
        assertEquals(servedBefore, dnf.available());

        List<BuildRecord> imported = new BuildImporter(centralConfig, central.store).importBuild(location);
        assertEquals(BuildStatus.SUCCESS, imported.get(0).status());
        assertEquals(imported.get(0).nvr(), BuildOutput.read(gammaDir).nvr(), "its build-record.yaml is written");
        assertTrue(Files.exists(central.dataDir.resolve(imported.get(0).artifacts().get(0))));
        assertEquals(servedBefore, dnf.available(), "served as before until published");
        publisher.publish(imported, null);
        assertEquals(gammaDir.toRealPath(), current.toRealPath());
        assertEquals(2, dnf.available().size(), dnf.available().toString());
    }

    private static List<String> fileNames(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * What a process killed between moving an imported output in and recording it leaves (the earlier output set
     * aside, its journal naming both) is undone by the next import, which holds the data directory as a build does.
     */
    @Test
    void theNextImportUndoesAnInterruptedOneAndImportsWaitForNoBuild() throws Exception {
        BuildRecord failed = central.failure("gamma", "1.0");
        Path gammaDir = central.dataDir.resolve(failed.repoDir());
        BuildOutput.writeRecord(gammaDir, failed);
        Path setAside = gammaDir.resolveSibling("." + gammaDir.getFileName() + ".replaced-interrupted");
        Files.move(gammaDir, setAside);
        Files.createDirectories(gammaDir);
        Files.writeString(gammaDir.resolve("half-imported.rpm"), "never recorded");
        Path journal = Files.createDirectories(central.dataDir.resolve(".install-journal")).resolve("x.journal");
        Files.writeString(journal, failed.repoDir() + "\n" + central.dataDir.relativize(setAside) + "\n");

        BuildRecord alpha = worker.success("alpha", "1.0");
        CommitYamlFiles.write(worker.dataDir, alpha);
        String location = worker.dataDir.resolve(alpha.repoDir()).toString();
        BuildImporter importer = new BuildImporter(centralConfig, central.store);
        try (DataDirLock build = DataDirLock.acquire(central.dataDir)) {
            PackagePipelineException busy = assertThrows(PackagePipelineException.class,
                    () -> importer.importBuild(location));
            assertTrue(busy.getMessage().contains("Another build or import is running in the data directory"),
                    busy.getMessage());
        }
        assertEquals(1, importer.importBuild(location).size());
        assertEquals("error: bad spec\n", Files.readString(gammaDir.resolve("rpmbuild.log")));
        assertFalse(Files.exists(gammaDir.resolve("half-imported.rpm")));
        assertFalse(Files.exists(setAside));
        assertFalse(Files.exists(journal));
    }

    /** {@code store}, except that recording a build fails as a database that went away would. */
    private static BuildStore failingToRecord(BuildStore store) {
        return (BuildStore) Proxy.newProxyInstance(BuildStore.class.getClassLoader(), new Class<?>[] {BuildStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        throw new PackagePipelineException("Cannot record the build: the database is gone");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aDamagedRpmIsRefusedAndNothingIsRecorded() throws Exception {
        BuildRecord alpha = worker.success("alpha", "1.0");
        CommitYamlFiles.write(worker.dataDir, alpha);
        Path rpm = worker.dataDir.resolve(alpha.artifacts().get(0));
        byte[] bytes = Files.readAllBytes(rpm);
        Files.write(rpm, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> new BuildImporter(
                centralConfig, central.store).importBuild(worker.dataDir.resolve(alpha.repoDir()).toString()));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(rpm.getFileName().toString()),
                e.getMessage());
        assertTrue(central.store.latestPerPackage().isEmpty());
        assertFalse(Files.exists(central.dataDir.resolve(alpha.repoDir())));
    }

    @Test
    void badInputIsNamed() throws Exception {
        BuildImporter importer = new BuildImporter(centralConfig, central.store);
        PackagePipelineException missing = assertThrows(PackagePipelineException.class,
                () -> importer.importBuild(dir.resolve("nowhere").toString()));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());

        Path evil = Files.createDirectories(dir.resolve("evil"));
        Files.writeString(evil.resolve("commit.yaml"), """
                commits:
                - artifacts: repos/aa/bb/x.rpm
                  commit_hash: %s
                  distro_hash: %s
                  project_name: ../../etc
                  status: SUCCESS
                """.formatted(TestBuilds.hash("a"), TestBuilds.hash("b")));
        PackagePipelineException traversal = assertThrows(PackagePipelineException.class,
                () -> importer.importBuild(evil.toString()));
        assertTrue(traversal.getMessage().contains("project_name") && traversal.getMessage().contains("../../etc"),
                traversal.getMessage());
        Files.writeString(evil.resolve("commit.yaml"), "something: else\n");
        assertTrue(assertThrows(PackagePipelineException.class, () -> importer.importBuild(evil.toString()))
                .getMessage().contains("commits:"));
    }
}
