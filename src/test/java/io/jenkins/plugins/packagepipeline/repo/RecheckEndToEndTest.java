package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildOutput;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rechecks of the very build {@code current} and {@code consistent} serve, with the real build engine (rpmbuild),
 * signed snapshots and the real dnf over HTTP on 127.0.0.1. As with DLRN, a plain recheck of that successful build is
 * refused (nothing rebuilt); a forced recheck (the trunk allows them) fails; then a plain recheck of the now FAILED
 * pair succeeds.
 * Throughout, dnf installs from {@code current}; the failed recheck leaves what both pointers serve unchanged (same
 * signed metadata, same packages) and the records match the output directories; after the successful recheck is
 * published, both pointers serve the rebuilt package and dnf upgrades to it. A purge keeps the preserved copy while a
 * pointer names it and removes it afterwards.
 */
class RecheckEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void recheckOfTheServedBuildFailingThenSucceedingNeverStopsServing() throws Exception {
        TestKeys keys = TestKeys.generate();
        GitPackages git = new GitPackages(Files.createDirectories(dir.resolve("git")));
        git.add("shstub", GitPackages.SH_STUB);
        git.add("alpha", "");
        git.add("beta", "");
        Path breakAlpha = dir.resolve("break-alpha");
        git.commitSpec("alpha", "", "test ! -e " + breakAlpha); // the same pair fails while that file exists
        try (ServedRepos trunk = new ServedRepos(dir.resolve("data"));
             SigningKey key = keys.signingKey()) {
            String gpgkey = trunk.gpgkeyUrl();
            String url = trunk.server.url();
            BuildOptions recheckAlpha = new BuildOptions(Set.of("alpha"), false, true);
            BuildOptions forceRecheckAlpha = new BuildOptions(Set.of("alpha"), false, false, true);
            List<String> progress = new ArrayList<>();
            Catalog catalog = git.catalog();

            // alpha's newest build is the newest snapshot: both pointers serve alpha's output directory
            BuildReport first = trunk.engine.run(catalog, BuildOptions.all(), progress::add);
            assertFalse(first.failed(), first.summary() + progress);
            trunk.publisher.publish(first.builds(), key);
            git.commitUpstream("alpha", "2");
            BuildReport second = trunk.engine.run(catalog, BuildOptions.all(), progress::add);
            trunk.publisher.publish(second.builds(), key);
            BuildRecord served = trunk.store.lastSuccessful("alpha").orElseThrow();
            Path alphaDir = trunk.dataDir.resolve(served.repoDir());
            assertEquals(alphaDir.toRealPath(), trunk.repos.resolve("current").toRealPath());
            assertEquals(alphaDir.toRealPath(), trunk.repos.resolve("consistent").toRealPath());
            byte[] repomd = Files.readAllBytes(trunk.repos.resolve("current/repodata/repomd.xml"));
            Dnf client = new Dnf(dir.resolve("root"), url + "current/", gpgkey);
            ProcessResult install = client.run("install", "shstub", "alpha", "beta");
            assertTrue(install.succeeded(), install.failureMessage("dnf install"));
            String alphaBefore = client.installed("alpha");
            assertEquals(served.nvr().replace(".src", ""), alphaBefore);

            // 0. a plain recheck of that successful build is refused, naming the pair and the way out
            BuildReport refused = trunk.engine.run(catalog, recheckAlpha, progress::add);
            assertTrue(refused.failed(), refused.summary());
            String refusal = refused.packages().get(0).error();
            assertTrue(refusal.contains("alpha: the head pair (source " + served.sourceCommit().substring(0, 7)
                    + ", distgit " + served.distgitCommit().substring(0, 7) + ") already built successfully"), refusal);
            assertTrue(refusal.contains("--force-recheck") && refusal.contains("allow-force-rechecks"), refusal);
            assertEquals(served, trunk.store.find("alpha", served.sourceCommit(), served.distgitCommit())
                    .orElseThrow(), "the record is untouched");

            // 1. a forced recheck of that build that fails
            Files.createFile(breakAlpha);
            BuildReport failed = trunk.engine.run(catalog, forceRecheckAlpha, progress::add);
            assertTrue(failed.failed(), failed.summary());
            BuildRecord failedRecord = trunk.store.find("alpha", served.sourceCommit(), served.distgitCommit())
                    .orElseThrow();
            assertEquals(BuildStatus.FAILED, failedRecord.status());
            assertEquals(failedRecord.buildTime(), BuildOutput.read(alphaDir).buildTime(), "record matches disk");
            assertInstalls(new Dnf(dir.resolve("root-failed-current"), url + "current/", gpgkey), alphaBefore);
            assertInstalls(new Dnf(dir.resolve("root-failed-consistent"), url + "consistent/", gpgkey),
                    alphaBefore);
            assertArrayEquals(repomd, Files.readAllBytes(trunk.repos.resolve("current/repodata/repomd.xml")));
            assertArrayEquals(repomd, Files.readAllBytes(trunk.repos.resolve("consistent/repodata/repomd.xml")));
            Path preserved = trunk.repos.resolve("current").toRealPath();
            assertTrue(preserved.startsWith(trunk.repos.resolve(SupersededSnapshots.DIR).toRealPath()),
                    preserved.toString());
            assertEquals(preserved, trunk.repos.resolve("consistent").toRealPath());
            assertTrue(Files.readString(trunk.repos.resolve("current/package-pipeline.repo"))
                    .contains("baseurl=" + url + trunk.repos.relativize(preserved) + "/"));
            trunk.publisher.publish(failed.builds(), key); // a failed build makes no snapshot: nothing moves
            assertEquals(preserved, trunk.repos.resolve("current").toRealPath());
            assertEquals(preserved, trunk.repos.resolve("consistent").toRealPath());
            RepoPurger.PurgeResult keep = new RepoPurger(trunk.publisher.config(), trunk.store)
                    .purge(Instant.now().plusSeconds(3600), false);
            assertEquals(List.of(), keep.supersededRemoved(), "a copy a pointer names is never purged");
            assertInstalls(new Dnf(dir.resolve("root-failed-purged"), url + "current/", gpgkey),
                    alphaBefore);

            // 2. a plain recheck of the same pair, now FAILED, that succeeds: served as before until published, then served
            Files.delete(breakAlpha);
            BuildReport rebuilt = trunk.engine.run(catalog, recheckAlpha, progress::add);
            assertFalse(rebuilt.failed(), rebuilt.summary() + progress);
            BuildRecord rebuiltRecord = rebuilt.builds().get(0);
            assertNotEquals(served.nvr(), rebuiltRecord.nvr());
            assertEquals(preserved, trunk.repos.resolve("current").toRealPath());
            assertInstalls(new Dnf(dir.resolve("root-rebuilt"), url + "current/", gpgkey), alphaBefore);
            trunk.publisher.publish(rebuilt.builds(), key);
            assertEquals(alphaDir.toRealPath(), trunk.repos.resolve("current").toRealPath());
            assertEquals(alphaDir.toRealPath(), trunk.repos.resolve("consistent").toRealPath());
            ProcessResult upgrade = client.run("upgrade", "alpha");
            assertTrue(upgrade.succeeded(), upgrade.failureMessage("dnf upgrade"));
            assertEquals(rebuiltRecord.nvr().replace(".src", ""), client.installed("alpha"));

            // 3. the preserved copy is served by no pointer now: a purge removes it, current stays installable
            RepoPurger.PurgeResult purge = new RepoPurger(trunk.publisher.config(), trunk.store)
                    .purge(Instant.now().plusSeconds(3600), false);
            assertEquals(List.of(trunk.repos.relativize(preserved).toString()), purge.supersededRemoved(),
                    purge.summary());
            assertFalse(Files.exists(preserved));
            assertInstalls(new Dnf(dir.resolve("root-purged"), url + "current/", gpgkey),
                    client.installed("alpha"));
        }
    }

    /** dnf installs alpha (and the stub) from its repository, at exactly {@code nvr}. */
    private static void assertInstalls(Dnf dnf, String nvr) throws Exception {
        ProcessResult install = dnf.run("install", "shstub", "alpha");
        assertTrue(install.succeeded(), install.failureMessage("dnf install"));
        assertEquals(nvr, dnf.installed("alpha"));
    }
}
