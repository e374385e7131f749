package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of the build engine over real git repositories, the real rpmbuild and a real build database; the
 * same suite runs on SQLite ({@link SqliteBuildEngineTest}) and PostgreSQL ({@link PostgresBuildEngineTest}).
 */
abstract class BuildEngineContract {
    @TempDir
    Path dir;

    Path dataDir;
    BuildStore store;
    List<String> progress = Collections.synchronizedList(new ArrayList<>());

    abstract BuildStore openStore(Path dataDir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        RequiredTools.require("rpmbuild", "rpmspec", "rpm");
        dataDir = dir.resolve("data");
        store = openStore(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Catalog catalog(PackageRepos... packages) throws Exception {
        return PackageRepos.catalog(dir, packages);
    }

    BuildReport run(Catalog catalog, BuildOptions options) throws Exception {
        BuildSettings settings = BuildSettings.defaults(dataDir).withWorkers(2).withBuildTimeout(Duration.ofMinutes(2))
                .withAllowForceRechecks(true);
        return new BuildEngine(settings, store).run(catalog, options, progress::add);
    }

    static PackageResult result(BuildReport report, String name) {
        return report.packages().stream().filter(p -> p.packageName().equals(name)).findFirst().orElseThrow();
    }

    static String rpmQuery(Path rpm, String format) throws Exception {
        return ProcessRunner.command("rpm", "-qp", "--nosignature", "--qf", format, rpm.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("rpm -qp").tailText().strip();
    }

    @Test
    void buildsHeadsFirstThenEveryNewCommitInOrderWhileABrokenPackageFailsAlone() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        hello.commitUpstream("hello", "#!/bin/sh\necho hello 2\n", "second");
        PackageRepos compiled = PackageRepos.example(dir, "hello-c");
        PackageRepos broken = PackageRepos.noarch(dir, "broken", "echo 'cannot build this: missing frobnicator' >&2; exit 3");
        Catalog catalog = catalog(hello, compiled, broken);

        BuildReport first = run(catalog, BuildOptions.all());

        assertTrue(first.failed(), () -> String.join("\n", progress));
        assertEquals("3 packages: 3 builds (2 SUCCESS, 1 FAILED, 0 RETRY), 0 up to date, 0 errors; failed: broken",
                first.summary());
        BuildRecord helloHead = result(first, "hello").builds().get(0);
        assertEquals(1, result(first, "hello").builds().size(), "the first run builds only the head");
        assertEquals(BuildStatus.SUCCESS, helloHead.status());
        Path helloOut = dataDir.resolve(helloHead.repoDir());
        assertEquals(dataDir.resolve("repos").resolve(helloHead.sourceCommit().substring(0, 2))
                .resolve(helloHead.sourceCommit().substring(2, 4))
                .resolve(helloHead.sourceCommit() + "_" + helloHead.distgitCommit().substring(0, 8)), helloOut);
        for (String file : List.of("commit.yaml", "versions.csv", "build-record.yaml", "build.log", "rpmbuild.log")) {
            assertTrue(Files.isRegularFile(helloOut.resolve(file)), file);
        }
        assertEquals(2, helloHead.artifacts().size());
        Path binary = dataDir.resolve(helloHead.artifacts().stream().filter(a -> a.endsWith(".noarch.rpm"))
                .findFirst().orElseThrow());
        String release = rpmQuery(binary, "%{RELEASE}");
        assertTrue(release.matches("0\\.\\d{14}\\." + helloHead.sourceCommit().substring(0, 7) + "\\.el9"), release);
        assertEquals("hello-1.0.0-" + release, helloHead.nvr());
        assertTrue(rpmQuery(binary, "%{DESCRIPTION}").contains(helloHead.sourceCommit()),
                "%global commit is written into the spec");
        assertEquals(helloHead.withId(helloHead.id()), store.find("hello", helloHead.sourceCommit(),
                helloHead.distgitCommit()).orElseThrow());

        BuildRecord compiledHead = result(first, "hello-c").builds().get(0);
        assertEquals(BuildStatus.SUCCESS, compiledHead.status());
        assertTrue(compiledHead.artifacts().stream().anyMatch(a -> a.matches(".*hello-c-1\\.0\\.0-0\\..*\\.el9\\.(x86_64|aarch64)\\.rpm")),
                compiledHead.artifacts().toString());

        BuildRecord failed = result(first, "broken").builds().get(0);
        assertEquals(BuildStatus.FAILED, failed.status());
        assertTrue(failed.notes().contains("rpmbuild of broken failed with exit code 1"), failed.notes());
        assertTrue(failed.notes().contains("cannot build this: missing frobnicator"), failed.notes());
        assertTrue(failed.notes().contains(failed.repoDir() + "/rpmbuild.log"), failed.notes());
        assertTrue(Files.readString(dataDir.resolve(failed.repoDir()).resolve("rpmbuild.log"))
                .contains("missing frobnicator"), "the full log is kept");
        assertTrue(failed.artifacts().isEmpty());

        List<String> newCommits = List.of(
                hello.commitUpstream("hello", "#!/bin/sh\necho hello 3\n", "third"),
                hello.commitUpstream("hello", "#!/bin/sh\necho hello 4\n", "fourth"),
                hello.commitUpstream("NEWS", "four\n", "fifth"));

        BuildReport second = run(catalog, BuildOptions.all());

        assertEquals(newCommits, result(second, "hello").builds().stream().map(BuildRecord::sourceCommit).toList(),
                "every newer commit, oldest first");
        assertTrue(result(second, "hello-c").upToDate());
        assertTrue(result(second, "broken").upToDate(), "a FAILED pair is not rebuilt");
        assertFalse(second.failed(), second.summary());
        assertEquals(newCommits.get(2), store.lastProcessed("hello").orElseThrow().sourceCommit());
        String versions = Files.readString(dataDir.resolve(store.lastProcessed("hello").orElseThrow().repoDir())
                .resolve("versions.csv"));
        assertTrue(versions.startsWith(VersionsRow.HEADER + "\nhello," + hello.upstream + "," + newCommits.get(2)),
                versions);
        assertTrue(versions.contains("\nhello-c," + compiled.upstream + "," + compiledHead.sourceCommit()), versions);

        BuildReport third = run(catalog, BuildOptions.all());
        assertTrue(third.packages().stream().allMatch(PackageResult::upToDate), third.summary());
    }

    @Test
    void aDistgitChangeRebuildsTheLastSourceCommitAndAForcedRecheckRebuildsTheHead() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Catalog catalog = catalog(hello);
        BuildRecord first = run(catalog, BuildOptions.all()).builds().get(0);

        String newSpec = hello.commitDistgit("hello.spec", PackageRepos.noarchSpec("hello", "true"), "spec change");
        BuildRecord distgitOnly = run(catalog, BuildOptions.all()).builds().get(0);
        assertEquals(first.sourceCommit(), distgitOnly.sourceCommit());
        assertEquals(newSpec, distgitOnly.distgitCommit());

        Thread.sleep(1000); // the release's date-time has a one-second resolution
        BuildReport refused = run(catalog, new BuildOptions(Set.of("hello"), false, true));
        assertTrue(refused.packages().get(0).error().contains("already built successfully"), refused.summary());
        BuildReport recheck = run(catalog, new BuildOptions(Set.of("hello"), false, false, true));
        BuildRecord rebuilt = recheck.builds().get(0);
        assertEquals(distgitOnly.sourceCommit(), rebuilt.sourceCommit());
        assertEquals(distgitOnly.distgitCommit(), rebuilt.distgitCommit());
        assertEquals(distgitOnly.id(), rebuilt.id(), "the pair's record is replaced");
        assertTrue(rebuilt.buildTime().isAfter(distgitOnly.buildTime()));
        assertNotEquals(distgitOnly.nvr(), rebuilt.nvr(), "a rebuild gets a newer release");
        assertTrue(Files.isRegularFile(dataDir.resolve(rebuilt.artifacts().get(0))));
        assertEquals(2, store.history("hello").size());
    }

    @Test
    void aRecheckKilledBeforeItsRecordIsUndoneByTheNextRun() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Catalog catalog = catalog(hello);
        BuildRecord first = run(catalog, BuildOptions.all()).builds().get(0);
        Path output = dataDir.resolve(first.repoDir());
        Thread.sleep(1000); // the release's date-time has a one-second resolution
        Path rebuiltRoot = dir.resolve("rebuilt");
        BuildRecord rebuilt = new BuildWorker(BuildSettings.defaults(dir.resolve("agent")))
                .build(catalog.packagesIn(null, Set.of()).get(0), first.sourceCommit(), first.distgitCommit(),
                        rebuiltRoot, progress::add);
        // the state a kill -9 leaves once the rebuilt output is in place, before its record is written
        OutputInstall.begin(rebuiltRoot.resolve(rebuilt.repoDir()), dataDir, first.repoDir());
        assertEquals(rebuilt.buildTime(), BuildOutput.read(output).buildTime());

        BuildReport next = run(catalog, BuildOptions.all());
        assertTrue(next.packages().stream().allMatch(PackageResult::upToDate), next.summary());
        assertEquals(first.buildTime(), BuildOutput.read(output).buildTime(), "the recorded output is back");
        for (String artifact : first.artifacts()) {
            assertTrue(Files.isRegularFile(dataDir.resolve(artifact)), artifact);
        }
        try (var journals = Files.list(dataDir.resolve(OutputInstall.JOURNAL_DIR))) {
            assertEquals(0, journals.count());
        }
    }

    @Test
    void headOnlySkipsTheCommitsInBetweenAndAPinChangeStartsAgainFromHead() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Catalog catalog = catalog(hello);
        run(catalog, BuildOptions.all());
        hello.commitUpstream("a", "a", "a");
        String head = hello.commitUpstream("b", "b", "b");

        List<BuildRecord> headOnly = run(catalog, new BuildOptions(Set.of(), true, false)).builds();
        assertEquals(List.of(head), headOnly.stream().map(BuildRecord::sourceCommit).toList());

        PackageRepos.branch(hello.upstream, "stable");
        hello.commitUpstream("c", "c", "c on stable");
        String stableHead = hello.commitUpstream("d", "d", "d on stable");
        Files.writeString(dir.resolve("catalog.yaml"), Files.readString(dir.resolve("catalog.yaml"))
                .replace("    maintainers:", "    tags:\n      trunk: {source-branch: stable}\n    maintainers:"));
        List<BuildRecord> pinned = run(CatalogLoader.load(dir.resolve("catalog.yaml")), BuildOptions.all()).builds();
        assertEquals(List.of(stableHead), pinned.stream().map(BuildRecord::sourceCommit).toList());
        assertEquals("stable", pinned.get(0).sourceBranch());
    }

    @Test
    void anUnreachableRepositoryFailsItsPackageOnlyWithTheUrlAndTheCause() throws Exception {
        PackageRepos hello = PackageRepos.noarch(dir, "hello");
        Path missing = dir.resolve("no-such-repo");
        Catalog catalog = CatalogLoader.load(Files.writeString(dir.resolve("catalog.yaml"), """
                releases:
                  - {name: trunk, source-branch: main, distgit-branch: main}
                packages:
                """ + hello.catalogEntry() + """
                  - name: gone
                    upstream: %s
                    distgit: %s
                """.formatted(missing, hello.distgit)));

        BuildReport report = run(catalog, BuildOptions.all());

        assertEquals(BuildStatus.SUCCESS, result(report, "hello").builds().get(0).status());
        PackageResult gone = result(report, "gone");
        assertTrue(gone.failed());
        assertTrue(gone.error().contains("Cannot refresh git repository " + missing), gone.error());
        assertTrue(store.history("gone").isEmpty());
        assertTrue(report.summary().endsWith("1 error; failed: gone"), report.summary());
    }

    @Test
    void aMissingSpecIsFailedWithWhereItWasExpected() throws Exception {
        PackageRepos nospec = PackageRepos.noarch(dir, "nospec");
        Files.delete(nospec.distgit.resolve("nospec.spec"));
        PackageRepos.commit(nospec.distgit, "README", "no spec here", "remove the spec");
        try (var git = org.eclipse.jgit.api.Git.open(nospec.distgit.toFile())) {
            git.rm().addFilepattern("nospec.spec").call();
            git.commit().setMessage("really remove").setSign(false).call();
        }
        BuildRecord build = run(catalog(nospec), BuildOptions.all()).builds().get(0);
        assertEquals(BuildStatus.FAILED, build.status());
        assertTrue(build.notes().contains("Distgit " + nospec.distgit + " has no nospec.spec at its root"),
                build.notes());
        assertNull(build.nvr());
    }
}
