package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.build.PackageResult;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoNames;
import io.jenkins.plugins.packagepipeline.repo.RepoPublisher;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on embedded defaults: turns the example packages of {@code examples/packages} into git repositories,
 * builds their new commits with the build engine ({@code examples/catalog.yaml}, SQLite in the data directory),
 * and publishes them with the repository engine: {@code repos/current} in the data directory is a YUM/DNF
 * repository holding the latest successful build of every package.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Builds the example packages and publishes a repository a dnf client can install from.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--examples", description = "Folder holding catalog.yaml and packages/<name>/{upstream,distgit}"
            + " (default: ${DEFAULT-VALUE}).")
    Path examples = Path.of("examples");

    @Option(names = "--data-directory", description = "Where builds and the repository go (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of("package-pipeline-data");

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
        Path data = dataDirectory.toAbsolutePath();
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
            publish(store, report.builds(), data, out);
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

    /**
     * Publishes the run's new builds with the repository engine: a snapshot per successful build holding every
     * package's latest good RPMs, {@code current} and {@code consistent} switched to it (unsigned: the embedded
     * defaults have no signing key; {@code publish --sign} signs).
     */
    private static void publish(BuildStore store, List<BuildRecord> builds, Path data, PrintWriter out)
            throws IOException, InterruptedException {
        RepoConfig config = RepoConfig.defaults(data).withRepoName(RepoNames.choose(data, store, null));
        if (!builds.isEmpty()) {
            new RepoPublisher(config, store).onProgress(out::println).publish(builds, null);
        }
        Path current = config.reposDir().resolve("current");
        if (!Files.isDirectory(current)) {
            out.println("nothing published yet: no package has built successfully");
            return;
        }
        out.printf("repository: %s (%s)%n", current, current.toRealPath().getFileName());
        out.printf("install with: dnf --repofrompath=pp,%s --repo pp install <name>%n", config.publicUrlOf("current"));
    }
}
