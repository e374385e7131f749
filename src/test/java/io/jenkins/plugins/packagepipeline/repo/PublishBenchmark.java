package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): publishing one new build into an N-package repository, against {@code createrepo_c} cold
 * and {@code createrepo_c --update} on the same tree. Makes the N packages with one rpmbuild of a spec whose
 * subpackages {@code %{lua:}} generates, records each as its own build in a SQLite store, publishes them once, then
 * times (median of {@code runs}) a publish of one new build, unsigned and signed, and the two createrepo_c runs.
 *
 * <pre>
 * java -cp offline/plugin/target/package-pipeline-cli.jar:offline/plugin/target/test-classes \
 *     io.jenkins.plugins.packagepipeline.repo.PublishBenchmark 2000 3 [payload-KB]
 * </pre>
 */
public final class PublishBenchmark {
    private PublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int packages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int payloadKb = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Files.createTempDirectory("pp-publish-bench-");
        try {
            run(dir, packages, runs, payloadKb);
        } finally {
            if (System.getenv("PP_BENCH_KEEP") == null) {
                FileTrees.delete(dir);
            } else {
                System.out.println("kept " + dir);
            }
        }
    }

    private static void run(Path dir, int count, int runs, int payloadKb) throws Exception {
        long t0 = System.nanoTime();
        List<Path> rpms = buildSubpackages(dir.resolve("rpmbuild"), count, payloadKb);
        System.out.printf("made %d packages (%d KB payload each) with one rpmbuild in %.1f s%n", rpms.size(),
                payloadKb, secondsSince(t0));
        try (TestBuilds builds = new TestBuilds(dir.resolve("data")); TestKeysHolder keys = new TestKeysHolder()) {
            t0 = System.nanoTime();
            BuildRecord last = null;
            Instant time = Instant.parse("2025-01-01T00:00:00Z"); // before TestBuilds' clock: the new builds are newer
            for (Path rpm : rpms) {
                String name = rpm.getFileName().toString().replaceAll("-1-1\\.noarch\\.rpm$", "");
                String source = TestBuilds.hash(name);
                String repoDir = BuildRecord.outputDir(source, source);
                Path out = Files.createDirectories(builds.dataDir.resolve(repoDir));
                Files.move(rpm, out.resolve(rpm.getFileName()));
                time = time.plusSeconds(1);
                last = builds.store.record(new BuildRecord(0, name, name, source, source, "main", "main", null,
                        BuildStatus.SUCCESS, time, time, name + "-1-1", List.of(repoDir + "/" + rpm.getFileName()),
                        repoDir, null, 0, false));
            }
            System.out.printf("recorded %d builds in %.1f s%n", rpms.size(), secondsSince(t0));
            RepoPublisher publisher = new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store);
            t0 = System.nanoTime();
            publisher.publish(last, null);
            double first = secondsSince(t0);
            System.out.printf("first snapshot (%d packages, no previous metadata) in %.2f s%n", count, first);

            double[] publishUnsigned = new double[runs];
            Path snapshot = null;
            Path previousRepodata = null;
            for (int i = 0; i < runs; i++) {
                previousRepodata = builds.dataDir.resolve("repos").resolve(
                        Files.readSymbolicLink(builds.dataDir.resolve("repos/current"))).resolve("repodata");
                BuildRecord fresh = builds.success("bench-pkg-0001", "2." + i);
                t0 = System.nanoTime();
                PublishResult r = publisher.publish(fresh, null);
                publishUnsigned[i] = secondsSince(t0);
                snapshot = builds.dataDir.resolve("repos").resolve(r.snapshotDir());
            }
            // Turning signing on signs every package once (one rpmsign run); later publishes sign the new build only.
            t0 = System.nanoTime();
            publisher.publish(builds.success("bench-pkg-0002", "2.0"), keys.key());
            double signEverything = secondsSince(t0);
            double[] publishSigned = new double[runs];
            for (int i = 0; i < runs; i++) {
                BuildRecord signedBuild = builds.success("bench-pkg-0003", "2." + i);
                t0 = System.nanoTime();
                publisher.publish(signedBuild, keys.key());
                publishSigned[i] = secondsSince(t0);
            }
            // createrepo_c on the same tree (the last unsigned snapshot: N packages, one of them new), --update
            // starting from the metadata of the snapshot before it
            double[] cold = new double[runs];
            double[] update = new double[runs];
            for (int i = 0; i < runs; i++) {
                Path coldOut = Files.createDirectories(dir.resolve("cold-" + i));
                t0 = System.nanoTime();
                createrepo(List.of("--no-database", "-o", coldOut.toString(), snapshot.toString()));
                cold[i] = secondsSince(t0);
                if (i == 0) {
                    System.out.printf("createrepo_c cold wrote %d packages; the snapshot holds %d%n",
                            packagesIn(coldOut), packagesIn(snapshot));
                }
                Path updateOut = Files.createDirectories(dir.resolve("update-" + i));
                copyDir(previousRepodata, updateOut.resolve("repodata"));
                t0 = System.nanoTime();
                createrepo(List.of("--update", "--no-database", "-o", updateOut.toString(), snapshot.toString()));
                update[i] = secondsSince(t0);
            }
            System.out.println();
            System.out.printf("%-58s %8s%n", "one new build into a " + count + "-package repository", "median");
            row("publish (unsigned): links + createrepo_c --update + pointers + reports", publishUnsigned);
            row("publish (signed): + gpg session, rpmsign of the new build, repomd.xml.asc", publishSigned);
            System.out.printf("%-72s %6.3f s  (once, when signing is turned on)%n",
                    "first signed publish: rpmsign of all " + count + " packages", signEverything);
            row("createrepo_c --no-database (cold) on the same tree", cold);
            row("createrepo_c --update --no-database on the same tree", update);
        }
    }

    /** How many packages a repository's primary metadata lists. */
    private static int packagesIn(Path repo) throws IOException {
        Path primary;
        try (Stream<Path> files = Files.list(repo.resolve("repodata"))) {
            primary = files.filter(p -> p.getFileName().toString().endsWith("primary.xml.gz")).findFirst()
                    .orElseThrow();
        }
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(primary))) {
            String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("packages=\"(\\d+)\"").matcher(xml);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    private static void row(String label, double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf("%-72s %6.3f s  (runs: %s)%n", label, sorted[sorted.length / 2], Arrays.toString(seconds));
    }

    private static List<Path> buildSubpackages(Path top, int count, int payloadKb)
            throws IOException, InterruptedException {
        Files.createDirectories(top);
        Path spec = Files.writeString(top.resolve("bench.spec"), """
                Name: bench
                Version: 1
                Release: 1
                Summary: Benchmark packages
                License: MIT
                BuildArch: noarch
                %%description
                Benchmark packages.
                %%{lua: for i = 1, %1$d do
                  local n = string.format("bench-pkg-%%04d", i)
                  print("%%package -n " .. n .. "\\nSummary: " .. n .. "\\n%%description -n " .. n .. "\\n" .. n
                    .. "\\n%%files -n " .. n .. "\\n/usr/share/bench/" .. n .. "\\n")
                end}
                %%install
                mkdir -p %%{buildroot}/usr/share/bench
                i=1
                while [ $i -le %1$d ]; do f=%%{buildroot}/usr/share/bench/$(printf bench-pkg-%%04d $i)
                  echo $i > $f; head -c %2$d /dev/zero >> $f; i=$((i+1)); done
                %%files
                """.formatted(count, payloadKb * 1024));
        // no payload compression: a package's size on disk is its payload size, as with compressed real content
        ProcessRunner.command("rpmbuild", "-bb", "--nodeps", "--define", "_topdir " + top,
                        "--define", "_binary_payload w0.gzdio", spec.toString())
                .timeout(Duration.ofMinutes(30)).log(top.resolve("rpmbuild.log")).run()
                .requireSuccess("rpmbuild of the benchmark packages");
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("bench-pkg-")).sorted()
                    .toList());
        }
    }

    private static void createrepo(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("createrepo_c"));
        command.addAll(args);
        ProcessRunner.command(command).timeout(Duration.ofMinutes(10)).run().requireSuccess("createrepo_c");
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** A throwaway signing key for the signed runs. */
    private static final class TestKeysHolder implements AutoCloseable {
        private final TestKeys keys;

        TestKeysHolder() throws IOException, InterruptedException {
            keys = TestKeys.generate();
        }

        SigningKey key() {
            return keys.signingKey();
        }

        @Override
        public void close() {
        }
    }
}
