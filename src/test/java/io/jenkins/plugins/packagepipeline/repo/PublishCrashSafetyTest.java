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
        List<Long> publisherPids = new ArrayList<>();
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
                // fresh work for every run (4 new builds), so that each kill lands while snapshots are being made
                for (int n = 0; n < 4; n++) {
                    builds.success("pkg" + random.nextInt(8), (attempt + 3) + "." + n);
                }
                Process publisher = startPublisher(builds.dataDir, keys, attempt);
                publisherPids.add(publisher.pid());
                String when = killInstant(publisher, attempt, random);
                if (publisher.isAlive()) {
                    killTree(publisher);
                    killed++;
                }
                checkPointers(repos, "after kill " + attempt + " " + when + " (seed " + seed + ")");
            }
            assertTrue(killed >= KILLS - 1, "runs killed mid-way: " + killed + " (seed " + seed + ")");
            Process last = startPublisher(builds.dataDir, keys, KILLS);
            publisherPids.add(last.pid());
            assertTrue(last.waitFor(3, TimeUnit.MINUTES));
            assertEquals(0, last.exitValue(), Files.readString(dir.resolve("publisher-" + KILLS + ".log")));
            checkPointers(repos, "after the final run");
            List<String> offered = new Dnf(dir.resolve("root-final"), repos.resolve("current").toUri().toString(),
                    repos.resolve("RPM-GPG-KEY-package-pipeline").toUri().toString()).available();
            List<String> latest = builds.store.latestPerPackage().stream().map(b -> b.nvr()).sorted().toList();
            assertEquals(latest, offered);
        }
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("publisher-")).toList()) {
                String text = Files.readString(log);
                assertTrue(!text.contains(TestKeys.PASSPHRASE) && !text.contains(keys.secretKeyFragment()),
                        "no secret in the publisher's output " + log);
            }
        }
        assertEquals(List.of(), gnupgHomesOf(publisherPids), "the final run swept the gpg homes of killed runs");
    }

    @Test
    void publishersInSeparateProcessesAreSerializedByTheLockFile() throws Exception {
        TestKeys keys = TestKeys.generate();
        try (TestBuilds builds = new TestBuilds(dir.resolve("data"))) {
            for (int p = 0; p < 6; p++) {
                builds.success("pkg" + p, "1.0");
            }
            List<Process> publishers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                publishers.add(startPublisher(builds.dataDir, keys, 100 + i));
            }
            for (int i = 0; i < publishers.size(); i++) {
                assertTrue(publishers.get(i).waitFor(3, TimeUnit.MINUTES));
                assertEquals(0, publishers.get(i).exitValue(),
                        Files.readString(dir.resolve("publisher-" + (100 + i) + ".log")));
            }
            Path repos = builds.dataDir.resolve("repos");
            checkPointers(repos, "after three concurrent publishers");
            for (var build : builds.store.latestPerPackage()) {
                assertTrue(SnapshotManifest.read(builds.dataDir.resolve(build.repoDir())).isPresent(),
                        build.packageName() + " has a complete snapshot");
            }
        }
    }

    /**
     * Waits for a random instant of the run: either a random time after the start (before or while the lock is
     * taken, the key imported...), or a random time after the publisher finished its first or second new snapshot.
     */
    private String killInstant(Process publisher, int attempt, Random random) throws Exception {
        int snapshots = random.nextInt(3);
        long extra = random.nextInt(400);
        if (snapshots == 0) {
            long delay = 200 + random.nextInt(1500);
            publisher.waitFor(delay, TimeUnit.MILLISECONDS);
            return "at " + delay + " ms";
        }
        Path log = dir.resolve("publisher-" + attempt + ".log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (publisher.isAlive() && System.nanoTime() < deadline) {
            long published = Files.readString(log).lines()
                    .filter(l -> l.startsWith("Published ") && !l.contains("already complete")).count();
            if (published >= snapshots) {
                break;
            }
            Thread.sleep(20);
        }
        publisher.waitFor(extra, TimeUnit.MILLISECONDS);
        return extra + " ms after snapshot " + snapshots;
    }

    private Process startPublisher(Path dataDir, TestKeys keys, int attempt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand", "publish",
                "--data-directory", dataDir.toString(), "--recent", "100", "--sign")
                .redirectErrorStream(true).redirectOutput(dir.resolve("publisher-" + attempt + ".log").toFile());
        builder.environment().put("PACKAGE_PIPELINE_SIGNING_KEY", keys.armoredSecretKey);
        builder.environment().put("PACKAGE_PIPELINE_SIGNING_PASSPHRASE", TestKeys.PASSPHRASE);
        return builder.start();
    }

    /**
     * The gpg homes left by these publishers (a home's name holds its owner's pid), and not those of other processes
     * that sign at the same time on this machine.
     */
    private static List<Path> gnupgHomesOf(List<Long> pids) throws Exception {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> pids.stream().anyMatch(
                    pid -> p.getFileName().toString().startsWith("pp-gnupg-" + pid + "-"))).toList();
        }
    }

    /** SIGKILL to the JVM and every tool it started, at once: no cleanup code runs anywhere. */
    static void killTree(Process process) throws InterruptedException {
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
