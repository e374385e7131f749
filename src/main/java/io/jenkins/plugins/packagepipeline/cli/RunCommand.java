package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job on embedded defaults: builds the example packages of {@code examples/packages} and publishes them
 * as one YUM/DNF repository in the data directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Builds the example packages and publishes a repository a dnf client can install from.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--examples", description = "Folder holding packages/<name>/{upstream,distgit} (default: ${DEFAULT-VALUE}).")
    Path examples = Path.of("examples");

    @Option(names = "--datadir", description = "Where builds and the repository go (default: ${DEFAULT-VALUE}).")
    Path datadir = Path.of("package-pipeline-data");

    @Option(names = "--dist", description = "The %%{dist} tag for releases (default: ${DEFAULT-VALUE}).")
    String dist = ".el9";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path packages = examples.resolve("packages");
        if (!Files.isDirectory(packages)) {
            throw new PackagePipelineException("No example packages at '" + packages.toAbsolutePath()
                    + "': run from the project's root or pass --examples.");
        }
        Path repo = datadir.resolve("repo");
        Files.createDirectories(repo);
        List<Path> packageDirs;
        try (Stream<Path> list = Files.list(packages)) {
            packageDirs = list.filter(Files::isDirectory).sorted().toList();
        }
        List<String> built = new ArrayList<>();
        for (Path packageDir : packageDirs) {
            String name = packageDir.getFileName().toString();
            long started = System.nanoTime();
            for (Path rpm : buildExample(packageDir, name)) {
                Files.copy(rpm, repo.resolve(rpm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                built.add(rpm.getFileName().toString());
            }
            out.printf("built %s in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        }
        ProcessRunner.command("createrepo_c", "--update", "--no-database", repo.toString())
                .timeout(Duration.ofMinutes(10)).log(datadir.resolve("logs/createrepo_c.log")).run()
                .requireSuccess("createrepo_c of " + repo);
        out.printf("published %d RPMs to %s%n", built.size(), repo.toAbsolutePath());
        out.printf("install with: dnf --repofrompath=pp,file://%s --repo pp install <name>%n", repo.toAbsolutePath());
        return 0;
    }

    private List<Path> buildExample(Path packageDir, String name) throws IOException, InterruptedException {
        Path spec = packageDir.resolve("distgit").resolve(name + ".spec");
        if (!Files.isRegularFile(spec)) {
            throw new PackagePipelineException("Example package '" + name + "' has no spec at " + spec);
        }
        Path work = datadir.resolve("work").resolve(name).toAbsolutePath();
        deleteTree(work);
        Path sources = Files.createDirectories(work.resolve("SOURCES"));
        String version = ProcessRunner.command("rpmspec", "-q", "--srpm", "--qf", "%{version}", spec.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("rpmspec of " + spec).tailText().strip();
        Path staging = work.resolve("staging").resolve(name + "-" + version);
        copyTree(packageDir.resolve("upstream"), staging);
        ProcessRunner.command("tar", "-czf", sources.resolve(name + "-" + version + ".tar.gz").toString(),
                        "-C", staging.getParent().toString(), staging.getFileName().toString())
                .timeout(Duration.ofMinutes(5)).run().requireSuccess("tar of " + staging);
        Path log = datadir.resolve("logs").resolve(name + "-rpmbuild.log");
        Files.deleteIfExists(log);
        ProcessRunner.command("rpmbuild", "-ba", "--nodeps", "--define", "_topdir " + work,
                        "--define", "dist " + dist, spec.toAbsolutePath().toString())
                .timeout(Duration.ofMinutes(30)).log(log).run().requireSuccess("rpmbuild of " + name);
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(p -> p.toString().endsWith(".rpm")).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
