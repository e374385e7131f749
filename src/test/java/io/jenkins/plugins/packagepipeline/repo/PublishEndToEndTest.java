package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Done when": the build engine builds three packages (plus the stub that provides /bin/sh to an empty
 * installroot) from real git repositories, the publisher makes signed snapshots, the repos directory is served over
 * HTTP on 127.0.0.1, and the real dnf installs, upgrades and refuses what it must, with gpgcheck and repo_gpgcheck on.
 */
class PublishEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void buildPublishServeInstallUpgradeAndRefuse() throws Exception {
        TestKeys keys = TestKeys.generate();
        GitPackages git = new GitPackages(Files.createDirectories(dir.resolve("git")));
        git.add("shstub", GitPackages.SH_STUB);
        for (String name : List.of("alpha", "beta", "gamma")) {
            git.add(name, "");
        }
        try (ServedRepos trunk = new ServedRepos(dir.resolve("data"));
             SigningKey key = keys.signingKey()) {
            StaticHttpServer server = trunk.server;
            BuildStore store = trunk.store;
            BuildEngine engine = trunk.engine;
            RepoPublisher publisher = trunk.publisher;
            Path repos = trunk.repos;
            List<String> progress = new ArrayList<>();

            // 1. Build and publish; install every package from current/package-pipeline.repo over HTTP.
            BuildReport first = engine.run(git.catalog(), BuildOptions.all(), progress::add);
            assertFalse(first.failed(), first.summary() + progress);
            publisher.publish(first.builds(), key);
            Path reposD = Files.createDirectories(dir.resolve("yum.repos.d"));
            download(server.url() + "current/package-pipeline.repo", reposD.resolve("pp.repo"));
            String repoFile = Files.readString(reposD.resolve("pp.repo"));
            assertTrue(repoFile.contains("gpgcheck=1") && repoFile.contains("repo_gpgcheck=1"), repoFile);
            Path root = dir.resolve("installroot");
            Dnf client = Dnf.withRepoFiles(root, reposD);
            ProcessResult install = client.run("install", "shstub", "alpha", "beta", "gamma");
            assertTrue(install.succeeded(), install.failureMessage("dnf install"));
            String alphaBefore = client.installed("alpha");
            assertTrue(alphaBefore != null && client.installed("gamma") != null, alphaBefore);

            // 2. A later commit upgrades cleanly (a fresh .repo file names the new snapshot).
            git.commitUpstream("alpha", "2");
            BuildReport second = engine.run(git.catalog(), BuildOptions.all(), progress::add);
            publisher.publish(second.builds(), key);
            download(server.url() + "current/package-pipeline.repo", reposD.resolve("pp.repo"));
            ProcessResult upgrade = client.run("upgrade", "alpha");
            assertTrue(upgrade.succeeded(), upgrade.failureMessage("dnf upgrade"));
            String alphaAfter = client.installed("alpha");
            assertNotEquals(alphaBefore, alphaAfter);
            assertTrue(alphaAfter.contains(store.lastSuccessful("alpha").orElseThrow().sourceCommit().substring(0, 7)),
                    alphaAfter);
            Path consistentBefore = repos.resolve("consistent").toRealPath();
            assertEquals(repos.resolve("current").toRealPath(), consistentBefore);

            // 3. A failed build: the next snapshot moves current, not consistent.
            git.commitSpec("beta", "", "exit 1");
            git.commitUpstream("gamma", "2");
            BuildReport third = engine.run(git.catalog(), BuildOptions.all(), progress::add);
            assertTrue(third.failed(), third.summary());
            List<PublishResult> results = publisher.publish(third.builds(), key);
            assertTrue(results.stream().anyMatch(r -> r.snapshotDir() != null && r.currentMoved()
                    && !r.consistentMoved()), results.toString());
            assertNotEquals(consistentBefore, repos.resolve("current").toRealPath());
            assertEquals(consistentBefore, repos.resolve("consistent").toRealPath());
            String gpgkey = trunk.gpgkeyUrl();
            Dnf onConsistent = new Dnf(dir.resolve("root-consistent"), server.url() + "consistent/", gpgkey);
            assertEquals(4, onConsistent.available().size());

            // 4. Tampered package: a copy of current with one RPM's bytes changed is refused.
            Path tampered = copyTree(repos.resolve("current"), repos.resolve("tampered"));
            Path alphaRpm;
            try (Stream<Path> files = Files.list(tampered)) {
                alphaRpm = files.filter(p -> p.getFileName().toString().startsWith("alpha-")).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(alphaRpm);
            bytes[bytes.length - 10] ^= 0x55;
            Files.write(alphaRpm, bytes);
            Dnf fresh = new Dnf(dir.resolve("root-tampered"), server.url() + "tampered/", gpgkey);
            assertTrue(fresh.run("install", "shstub").succeeded());
            ProcessResult refusedPackage = fresh.run("install", "alpha");
            assertFalse(refusedPackage.succeeded(), "tampered RPM installed: " + refusedPackage.tailText());
            assertEquals(null, fresh.installed("alpha"));

            // 5. Tampered metadata: repomd.xml changed after signing is refused by repo_gpgcheck.
            Path repomd = tampered.resolve("repodata/repomd.xml");
            Files.writeString(repomd, Files.readString(repomd).replace("<revision>", "<revision>1"));
            ProcessResult refusedMetadata = new Dnf(dir.resolve("root-tampered-md"), server.url() + "tampered/",
                    gpgkey).run("install", "gamma");
            assertFalse(refusedMetadata.succeeded(), refusedMetadata.tailText());
        }
    }

    @Test
    void unsignedPackagesAreRefusedByAClientThatChecksSignatures() throws Exception {
        TestKeys keys = TestKeys.generate();
        try (TestBuilds builds = new TestBuilds(dir.resolve("unsigned"))) {
            new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store)
                    .publish(builds.success("alpha", "1.0"), null);
            Path repos = builds.dataDir.resolve("repos");
            Files.writeString(repos.resolve("RPM-GPG-KEY-test"), keys.armoredPublicKey);
            try (StaticHttpServer server = new StaticHttpServer(repos)) {
                String gpgkey = server.url() + "RPM-GPG-KEY-test";
                Path reposD = Files.createDirectories(dir.resolve("unsigned-repos.d"));
                Files.writeString(reposD.resolve("u.repo"), "[u]\nname=u\nbaseurl=" + server.url()
                        + "current/\ngpgcheck=1\nrepo_gpgcheck=0\ngpgkey=" + gpgkey + "\n");
                Dnf client = Dnf.withRepoFiles(dir.resolve("root-unsigned"), reposD);
                ProcessResult refused = client.run("install", "alpha");
                assertFalse(refused.succeeded(), refused.tailText());
                assertTrue(refused.tailText().contains("not signed") || refused.tailText().contains("GPG"),
                        refused.tailText());
                // and with repo_gpgcheck on, the unsigned metadata is refused before any package is looked at
                Files.writeString(reposD.resolve("u.repo"), Files.readString(reposD.resolve("u.repo"))
                        .replace("repo_gpgcheck=0", "repo_gpgcheck=1"));
                assertFalse(client.run("install", "alpha").succeeded());
            }
        }
    }

    private static void download(String url, Path to) throws Exception {
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(to));
        assertEquals(200, response.statusCode(), url);
    }

    /** A real copy (new inodes, not links) of a snapshot, to tamper with without touching the published one. */
    private static Path copyTree(Path from, Path to) throws Exception {
        ProcessRunner.command("cp", "-r", "--dereference", from.toRealPath().toString(), to.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("cp of " + from);
        return to;
    }
}
