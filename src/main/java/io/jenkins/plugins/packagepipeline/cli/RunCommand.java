package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.build.PackageResult;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on embedded defaults: turns the example packages of {@code examples/packages} into git repositories,
 * builds their new commits with the build engine ({@code examples/catalog.yaml}, SQLite in the data directory),
 * and publishes the latest successful build of each as one YUM/DNF repository in the data directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Builds the example packages and publishes a repository a dnf client can install from.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--examples", description = "Folder holding catalog.yaml and packages/<name>/{upstream,distgit}"
            + " (default: ${DEFAULT-VALUE}).")
    Path examples = Path.of("examples");

    @Option(names = "--datadir", description = "Where builds and the repository go (default: ${DEFAULT-VALUE}).")
    Path datadir = Path.of("package-pipeline-data");

    @Option(names = "--dist", description = "The %%{dist} tag for releases (default: ${DEFAULT-VALUE}).")
    String dist = ".el9";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path packages = examples.resolve("packages");
        Path exampleCatalog = examples.resolve("catalog.yaml");
        if (!Files.isDirectory(packages) || !Files.isRegularFile(exampleCatalog)) {
            throw new PackagePipelineException("No example packages at '" + examples.toAbsolutePath()
                    + "' (it needs packages/ and catalog.yaml): run from the project's root or pass --examples.");
        }
        Path data = datadir.toAbsolutePath();
        for (String imported : ExampleRepositories.sync(packages, data.resolve("examples-git"))) {
            out.printf("committed %s%n", imported);
        }
        Path catalogFile = Files.copy(exampleCatalog, data.resolve("catalog.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Catalog catalog = CatalogLoader.load(catalogFile);
        BuildSettings settings = BuildSettings.defaults(data).withDist(dist);
        try (BuildStore store = JdbcBuildStore.sqlite(data.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            BuildReport report = new BuildEngine(settings, store).run(catalog, BuildOptions.all(), line -> { });
            for (PackageResult result : report.packages()) {
                out.println(describe(result));
            }
            publish(store.latestSuccessfulPerPackage(), data, out);
            if (report.failed()) {
                out.println("build: " + report.summary());
                return 1;
            }
            return 0;
        }
    }

    private static String describe(PackageResult result) {
        if (result.error() != null) {
            return "failed " + result.packageName() + ": " + result.error();
        }
        if (result.upToDate()) {
            return "up to date " + result.packageName();
        }
        BuildRecord last = result.builds().get(result.builds().size() - 1);
        if (result.failed()) {
            return "failed " + result.packageName() + ": " + last.notes().lines().findFirst().orElse("")
                    + " (logs: " + last.repoDir() + ")";
        }
        return String.format("built %s in %.1f s", result.packageName(), result.elapsed().toMillis() / 1000.0);
    }

    /** Copies the binary RPMs of each package's latest successful build into {@code repo/} and indexes them. */
    private static void publish(List<BuildRecord> latest, Path data, PrintWriter out)
            throws IOException, InterruptedException {
        Path repo = Files.createDirectories(data.resolve("repo"));
        try (Stream<Path> old = Files.list(repo)) {
            for (Path rpm : old.filter(p -> p.toString().endsWith(".rpm")).toList()) {
                Files.delete(rpm);
            }
        }
        int published = 0;
        for (BuildRecord build : latest) {
            for (String artifact : build.artifacts()) {
                if (!artifact.endsWith(".src.rpm")) {
                    Path rpm = data.resolve(artifact);
                    Files.copy(rpm, repo.resolve(rpm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    published++;
                }
            }
        }
        ProcessRunner.command("createrepo_c", "--update", "--no-database", repo.toString())
                .timeout(Duration.ofMinutes(10)).log(data.resolve("logs/createrepo_c.log")).run()
                .requireSuccess("createrepo_c of " + repo);
        out.printf("published %d RPMs to %s%n", published, repo);
        out.printf("install with: dnf --repofrompath=pp,file://%s --repo pp install <name>%n", repo);
    }
}
