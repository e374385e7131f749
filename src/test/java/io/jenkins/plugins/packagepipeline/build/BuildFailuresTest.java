package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds that go wrong: timeouts and retries, builders that are not installed, a data directory in use. */
class BuildFailuresTest {
    @TempDir
    Path dir;

    Path dataDir;
    BuildStore store;

    @BeforeEach
    void open() {
        RequiredTools.require("rpmbuild", "rpmspec", "rpm");
        dataDir = dir.resolve("data");
        store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    Catalog catalog(PackageRepos... packages) throws Exception {
        return PackageRepos.catalog(dir, packages);
    }

    @Test
    void aHangingBuildIsKilledAtItsTimeoutRetriedThenFailedAfterMaxRetriesWhileOthersBuild() throws Exception {
        PackageRepos hangs = PackageRepos.noarch(dir, "hangs", "sleep 617");
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Catalog catalog = catalog(hangs, hello);
        BuildSettings settings = BuildSettings.defaults(dataDir).withBuildTimeout(Duration.ofSeconds(2))
                .withMaxRetries(1);

        BuildReport first = new BuildEngine(settings, store).run(catalog, BuildOptions.all(), BuildListener.NONE);
        BuildRecord retry = first.packages().get(0).builds().get(0);
        assertEquals(BuildStatus.RETRY, retry.status());
        assertEquals(1, retry.retries());
        assertTrue(retry.notes().contains("rpmbuild of hangs timed out after 2 s and was killed"), retry.notes());
        assertEquals(BuildStatus.SUCCESS, first.packages().get(1).builds().get(0).status());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 617")),
                "the hanging build's process tree is killed");

        BuildRecord gaveUp = new BuildEngine(settings, store).run(catalog, BuildOptions.all(), BuildListener.NONE)
                .packages().get(0).builds().get(0);
        assertEquals(retry.sourceCommit(), gaveUp.sourceCommit(), "a RETRY pair is built again");
        assertEquals(BuildStatus.FAILED, gaveUp.status());
        assertTrue(gaveUp.notes().endsWith("Gave up after 1 retries."), gaveUp.notes());

        BuildReport third = new BuildEngine(settings, store).run(catalog, BuildOptions.all(), BuildListener.NONE);
        assertTrue(third.packages().stream().allMatch(PackageResult::upToDate), third.summary());
        assertEquals(List.of(), Files.list(settings.workDir()).toList(), "no scratch space is left behind");
    }

    @Test
    void aBuilderThatIsNotInstalledIsAnErrorAtConfigurationTime() {
        BuildSettings mock = BuildSettings.defaults(dataDir).withBuilder("mock");
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> new BuildEngine(mock, store));
        assertTrue(e.getMessage().contains("The 'mock' builder needs 'mock', which is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("configure builder: rpmbuild"), e.getMessage());

        PackagePipelineException unknown = assertThrows(PackagePipelineException.class,
                () -> new BuildWorker(BuildSettings.defaults(dataDir).withBuilder("koji")));
        assertTrue(unknown.getMessage().contains("Unknown builder 'koji'"), unknown.getMessage());
    }

    @Test
    void aSecondRunOnTheSameDataDirectoryIsRefused() throws Exception {
        Catalog catalog = catalog(PackageRepos.noarch(dir, "hello"));
        try (DataDirLock held = DataDirLock.acquire(dataDir)) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () ->
                    new BuildEngine(BuildSettings.defaults(dataDir), store).run(catalog, BuildOptions.all(),
                            BuildListener.NONE));
            assertTrue(e.getMessage().contains("Another build or import is running in the data directory " + dataDir),
                    e.getMessage());
        }
        assertFalse(new BuildEngine(BuildSettings.defaults(dataDir), store)
                .run(catalog, BuildOptions.all(), BuildListener.NONE).failed());
    }

    @Test
    void anUnknownPackageNameIsAnErrorBeforeAnythingRuns() throws Exception {
        Catalog catalog = catalog(PackageRepos.noarch(dir, "hello"));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () ->
                new BuildEngine(BuildSettings.defaults(dataDir), store).run(catalog,
                        new BuildOptions(Set.of("helo"), false, false), BuildListener.NONE));
        assertTrue(e.getMessage().contains("Package 'helo' is not in the catalog"), e.getMessage());
        assertTrue(store.latestPerPackage().isEmpty());
    }
}
