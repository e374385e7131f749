package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildOutput;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code build --force-recheck} (the command line in its own JVM, with its rpmbuild) with SIGKILL again and again,
 * while it rebuilds the build both pointers serve: as soon as it starts preserving the served snapshot, as soon as it
 * starts replacing the output directory, or at a random instant. After each kill both pointers must name complete
 * repositories that dnf reads, and once the next run has recovered, the pair's record must describe its output
 * directory exactly, with every artifact it lists on disk and no journal left.
 */
class RecheckCrashSafetyTest {
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void pointersAndRecordsSurviveKillNineDuringARecheck() throws Exception {
        GitPackages git = new GitPackages(Files.createDirectories(dir.resolve("git")));
        git.add("shstub", GitPackages.SH_STUB);
        git.add("alpha", "");
        Catalog catalog = git.catalog();
        Path catalogFile = dir.resolve("git/catalog.yaml");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ServedRepos trunk = new ServedRepos(dir.resolve("data"))) {
            trunk.publisher.publish(trunk.engine.run(catalog, BuildOptions.all(), line -> { }).builds(), null);
            git.commitUpstream("alpha", "2");
            trunk.publisher.publish(trunk.engine.run(catalog, BuildOptions.all(), line -> { }).builds(), null);
            BuildRecord served = trunk.store.lastSuccessful("alpha").orElseThrow();
            Path alphaDir = trunk.dataDir.resolve(served.repoDir()).toRealPath();
            assertEquals(alphaDir, trunk.repos.resolve("current").toRealPath());

            int killed = 0;
            List<String> instants = new ArrayList<>();
            for (int attempt = 0; attempt < KILLS; attempt++) {
                Thread.sleep(1000); // each rebuild gets a new release (one-second resolution)
                boolean pointersOnOutput = alphaDir.equals(trunk.repos.resolve("current").toRealPath());
                Process recheck = startRecheck(catalogFile, trunk.dataDir, attempt);
                String when = killInstant(recheck, trunk.dataDir, attempt % 3, random);
                if (recheck.isAlive()) {
                    PublishCrashSafetyTest.killTree(recheck);
                    killed++;
                }
                String context = "kill " + attempt + " " + when + (pointersOnOutput ? " (pointers on the output)" : "")
                        + ", seed " + seed;
                instants.add(context);
                checkPointers(trunk.repos, context);

                BuildReport next = trunk.engine.run(catalog, new BuildOptions(Set.of("alpha"), false, false),
                        line -> { });
                assertFalse(next.failed(), next.summary() + " " + context);
                checkRecordMatchesDisk(trunk.store, served, trunk.dataDir, context);
                // publishing the pair's record again puts the pointers back on its output directory
                trunk.publisher.publish(trunk.store.history("alpha").subList(0, 1), null);
                checkPointers(trunk.repos, "after publishing, " + context);
            }
            assertTrue(killed >= KILLS / 2, "runs killed mid-way: " + killed + " " + instants);
            assertEquals(alphaDir, trunk.repos.resolve("current").toRealPath(), instants.toString());
        }
    }

    /**
     * Waits for the moment to kill: (0) a journal of the output replacement appears, (1) the preserved copy of the
     * served snapshot starts being made, (2) a random time.
     */
    private String killInstant(Process recheck, Path dataDir, int strategy, Random random) throws Exception {
        if (strategy == 2) {
            long delay = 300 + random.nextInt(2500);
            recheck.waitFor(delay, TimeUnit.MILLISECONDS);
            return "at " + delay + " ms";
        }
        Path watched = strategy == 0 ? dataDir.resolve(".install-journal")
                : dataDir.resolve("repos").resolve(SupersededSnapshots.DIR);
        Predicate<Path> sign = strategy == 0 ? p -> p.getFileName().toString().endsWith(".journal")
                : p -> p.getFileName().toString().endsWith(".tmp");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (recheck.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(watched)) {
                try (Stream<Path> files = Files.list(watched)) {
                    if (files.anyMatch(sign)) {
                        return strategy == 0 ? "once the replacement was journaled" : "while preserving the snapshot";
                    }
                } catch (UncheckedIOException | NoSuchFileException e) {
                    // the file went away while listed: look again
                }
            }
            Thread.onSpinWait();
        }
        return strategy == 0 ? "(no replacement seen)" : "(no preservation seen)";
    }

    private Process startRecheck(Path catalogFile, Path dataDir, int attempt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the pair built successfully, so its recheck is a forced one, which the configuration must allow
        Path config = Files.writeString(dir.resolve("recheck.yaml"), "data-directory: " + dataDir + "\ncatalog: "
                + catalogFile + "\nallow-force-rechecks: true\n");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand", "build", "--config",
                config.toString(), "--package-name", "alpha", "--force-recheck")
                .redirectErrorStream(true).redirectOutput(dir.resolve("recheck-" + attempt + ".log").toFile())
                .start();
    }

    private void checkPointers(Path repos, String when) throws Exception {
        for (String pointer : List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT)) {
            Path snapshot = repos.resolve(pointer).toRealPath();
            assertTrue(SnapshotManifest.read(snapshot).isPresent(), pointer + " names a complete snapshot " + when);
            Dnf dnf = new Dnf(dir.resolve("root-" + pointer + "-" + System.nanoTime()),
                    repos.resolve(pointer).toUri().toString(), null);
            assertEquals(2, dnf.available().size(), pointer + " is readable by dnf " + when);
        }
    }

    private static void checkRecordMatchesDisk(BuildStore store, BuildRecord pair, Path dataDir, String when)
            throws Exception {
        BuildRecord recorded = store.find("alpha", pair.sourceCommit(), pair.distgitCommit()).orElseThrow();
        Path output = dataDir.resolve(recorded.repoDir());
        BuildRecord onDisk = BuildOutput.read(output);
        assertEquals(recorded.buildTime(), onDisk.buildTime(), "the record describes the output " + when);
        assertEquals(BuildStatus.SUCCESS, recorded.status(), when);
        for (String artifact : recorded.artifacts()) {
            assertTrue(Files.isRegularFile(dataDir.resolve(artifact)), artifact + " " + when);
        }
        Path journal = dataDir.resolve(".install-journal");
        if (Files.isDirectory(journal)) {
            try (Stream<Path> files = Files.list(journal)) {
                assertEquals(List.of(), files.toList(), when);
            }
        }
    }
}
