package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the publisher (the command line in its own JVM, with its createrepo_c/rpmsign/gpg children) with SIGKILL at
 * random instants, again and again; after each kill both pointers must name complete, signed repositories that dnf
 * accepts with gpgcheck and repo_gpgcheck, and the next run must finish the job.
 */
class PublishCrashSafetyTest {
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void pointersSurviveKillNineAtAnyInstant() throws Exception {
        TestKeys keys = TestKeys.generate();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (TestBuilds builds = new TestBuilds(dir.resolve("data"))) {
            for (int version = 1; version <= 2; version++) {
                for (int p = 0; p < 8; p++) {
                    builds.success("pkg" + p, version + ".0");
                }
            }
            Path repos = builds.dataDir.resolve("repos");
            int killed = 0;
            for (int attempt = 0; attempt < KILLS; attempt++) {
                // fresh work for every run, so that each kill lands while snapshots are being made
                builds.success("pkg" + random.nextInt(8), (attempt + 3) + ".0");
                builds.success("pkg" + random.nextInt(8), (attempt + 3) + ".1");
                Process publisher = startPublisher(builds.dataDir, keys, attempt);
                long delay = 700 + random.nextInt(3000);
                if (!publisher.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    killTree(publisher);
                    killed++;
                }
                checkPointers(repos, "after kill " + attempt + " at " + delay + " ms (seed " + seed + ")");
            }
            assertTrue(killed >= KILLS / 2, "most runs were killed mid-way (seed " + seed + ")");
            Process last = startPublisher(builds.dataDir, keys, KILLS);
            assertTrue(last.waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, last.exitValue(), Files.readString(dir.resolve("publisher-" + KILLS + ".log")));
            checkPointers(repos, "after the final run");
            List<String> offered = new Dnf(dir.resolve("root-final"), repos.resolve("current").toUri().toString(),
                    repos.resolve("RPM-GPG-KEY-package-pipeline").toUri().toString()).available();
            List<String> latest = builds.store.latestPerPackage().stream().map(b -> b.nvr()).sorted().toList();
            assertEquals(latest, offered);
        }
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = tmp.filter(p -> p.getFileName().toString().startsWith("pp-gnupg-")).toList();
            assertEquals(List.of(), left, "the final run swept the gpg homes of killed runs");
        }
    }

    private Process startPublisher(Path dataDir, TestKeys keys, int attempt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand", "publish",
                "--datadir", dataDir.toString(), "--recent", "100", "--sign")
                .redirectErrorStream(true).redirectOutput(dir.resolve("publisher-" + attempt + ".log").toFile());
        builder.environment().put("PACKAGE_PIPELINE_SIGNING_KEY", keys.armoredSecretKey);
        builder.environment().put("PACKAGE_PIPELINE_SIGNING_PASSPHRASE", TestKeys.PASSPHRASE);
        return builder.start();
    }

    /** SIGKILL to the JVM and every tool it started, at once: no cleanup code runs anywhere. */
    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void checkPointers(Path repos, String when) throws Exception {
        for (String pointer : List.of("current", "consistent")) {
            Path link = repos.resolve(pointer);
            if (!Files.isSymbolicLink(link)) {
                continue; // not published yet: nothing served, nothing broken
            }
            Path snapshot = link.toRealPath();
            SnapshotManifest manifest = SnapshotManifest.read(snapshot).orElseThrow(
                    () -> new AssertionError(pointer + " names an incomplete snapshot " + snapshot + " " + when));
            assertTrue(Files.isRegularFile(snapshot.resolve("repodata/repomd.xml.asc")), when);
            Dnf dnf = new Dnf(dir.resolve("root-" + pointer + "-" + System.nanoTime()), link.toUri().toString(),
                    repos.resolve("RPM-GPG-KEY-package-pipeline").toUri().toString());
            assertEquals(manifest.packages().size(), dnf.available().size(), pointer + " " + when);
        }

    }
}
