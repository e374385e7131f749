package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker mode (a self-contained output, no database, imported elsewhere) and local-checkout (dev) mode. */
class BuildWorkerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireRpmTools() {
        RequiredTools.require("rpmbuild", "rpmspec", "rpm");
    }

    PackageInRelease pkg(PackageRepos repos) throws Exception {
        return PackageRepos.catalog(dir, repos).packagesIn(null, Set.of()).get(0);
    }

    @Test
    void aWorkerBuildsAGivenCommitIntoASelfContainedDirectoryThatCanBeImported() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        String older = hello.commitUpstream("hello", "#!/bin/sh\necho older\n", "older");
        hello.commitUpstream("hello", "#!/bin/sh\necho newer\n", "newer");
        Path agentDir = dir.resolve("agent");
        Path output = dir.resolve("output");

        BuildRecord built = new BuildWorker(BuildSettings.defaults(agentDir)).build(pkg(hello), older, null, output,
                BuildListener.NONE);

        assertEquals(BuildStatus.SUCCESS, built.status());
        assertEquals(older, built.sourceCommit());
        Path buildDir = output.resolve(built.repoDir());
        assertTrue(Files.isRegularFile(output.resolve(built.artifacts().get(0))));
        assertTrue(Files.isRegularFile(buildDir.resolve("commit.yaml")));
        assertFalse(Files.exists(agentDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE)), "no database is touched");
        assertEquals(built, BuildOutput.read(buildDir));

        try (JdbcBuildStore central = JdbcBuildStore.sqlite(dir.resolve("central/build.db"))) {
            BuildRecord imported = central.record(BuildOutput.read(buildDir));
            assertEquals(built.withId(imported.id()), central.find("hello", older, built.distgitCommit()).orElseThrow());
        }
    }

    @Test
    void aCommitThatDoesNotExistIsAClearError() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        BuildWorker worker = new BuildWorker(BuildSettings.defaults(dir.resolve("agent")));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> worker.build(pkg(hello),
                "0123456789012345678901234567890123456789", null, dir.resolve("out"), BuildListener.NONE));
        assertTrue(e.getMessage().contains("has no commit 0123456789012345678901234567890123456789"), e.getMessage());
    }

    @Test
    void devModeBuildsTheDistgitCheckoutWithItsUncommittedChanges() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Path spec = hello.distgit.resolve("hello.spec");
        Files.writeString(spec, Files.readString(spec).replace("Summary:        Test package hello",
                "Summary:        Edited locally, not committed"));

        BuildRecord built = new BuildWorker(BuildSettings.defaults(dir.resolve("data"))).buildCheckout(pkg(hello),
                dir.resolve("dev"), BuildListener.NONE);

        assertEquals(BuildStatus.SUCCESS, built.status(), built.notes());
        Path rpm = dir.resolve("dev").resolve(built.artifacts().stream().filter(a -> a.endsWith("noarch.rpm"))
                .findFirst().orElseThrow());
        assertEquals("Edited locally, not committed", BuildEngineContract.rpmQuery(rpm, "%{SUMMARY}"));
    }

    @Test
    void devModeNeedsALocalCheckout() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        PackageInRelease remote = CatalogLoader.load(Files.writeString(dir.resolve("catalog.yaml"),
                "releases:\n  - {name: trunk, source-branch: main, distgit-branch: main}\npackages:\n"
                        + "  - {name: hello, upstream: " + hello.upstream + ", distgit: https://example.invalid/x.git}\n"))
                .packagesIn(null, Set.of()).get(0);
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () ->
                new BuildWorker(BuildSettings.defaults(dir.resolve("data"))).buildCheckout(remote, dir.resolve("dev"),
                        BuildListener.NONE));
        assertTrue(e.getMessage().contains("distgit of package 'hello' is https://example.invalid/x.git"),
                e.getMessage());
    }
}
