package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildConfig;
import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.build.BuildWorker;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogSource;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build}: DLRN's main command on the engine. Refreshes the catalog's repositories, builds every new commit
 * of every package (or of those named), records the builds and prints a line per build and a one-line summary;
 * exits 1 when any package failed.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the new commits of the catalog's packages into RPMs (DLRN-style).")
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--catalog", description = "The catalog file, without --config (or overriding its catalog).")
    Path catalog;

    @Option(names = "--package-name", description = "Build only this package (repeatable).")
    List<String> packageNames = new ArrayList<>();

    @Option(names = "--head-only", description = "Build only each package's head commit, skipping those between.")
    boolean headOnly;

    @Option(names = "--recheck", description = "Rebuild each package's head commit if its build FAILED (a"
            + " successful build is refused, a RETRY one left to the retry rule).")
    boolean recheck;

    @Option(names = "--force-recheck", description = "Rebuild each package's head commit even if it built"
            + " successfully; implies --recheck and needs allow-force-rechecks: true in the configuration file.")
    boolean forceRecheck;

    @Option(names = "--dev", description = "Local-checkout mode: build each package's head with its distgit"
            + " checkout as it is on disk (uncommitted changes included) into <data-directory>/dev; nothing is"
            + " recorded.")
    boolean dev;

    @Option(names = "--workers", description = "How many builds run at once.")
    Integer workers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BuildConfig configuration = configuration();
        BuildSettings settings = configuration.settings();
        if (workers != null) {
            settings = settings.withWorkers(workers);
        }
        Catalog loaded = configuration.loadCatalog();
        if (dev) {
            return dev(settings, loaded, out);
        }
        try (BuildStore store = configuration.openStore()) {
            BuildReport report = new BuildEngine(settings, store).run(loaded,
                    new BuildOptions(new LinkedHashSet<>(packageNames), headOnly, recheck,
                            forceRecheck), line -> {
                        synchronized (out) {
                            out.println(line);
                        }
                    });
            return report.failed() ? 1 : 0;
        }
    }

    private BuildConfig configuration() {
        BuildConfig loaded = configOptions.buildConfig();
        if (loaded != null) {
            return catalog == null ? loaded : loaded.withCatalog(CatalogSource.ofFile(catalog));
        }
        if (catalog == null || configOptions.dataDir == null) {
            throw new PackagePipelineException("Say what to build: --config <file>, or --catalog <file> and"
                    + " --data-directory <directory>.");
        }
        return new BuildConfig(BuildSettings.defaults(configOptions.dataDir), CatalogSource.ofFile(catalog), null, null,
                null);
    }

    private int dev(BuildSettings settings, Catalog loaded, PrintWriter out) throws Exception {
        BuildWorker worker = new BuildWorker(settings);
        Path output = settings.dataDir().resolve("dev");
        int failed = 0;
        List<PackageInRelease> packages = loaded.packagesIn(settings.release(), new LinkedHashSet<>(packageNames));
        for (PackageInRelease pkg : packages) {
            BuildRecord build = worker.buildCheckout(pkg, output, out::println);
            if (build.status() != BuildStatus.SUCCESS) {
                failed++;
                out.println(pkg.name() + ": " + build.notes());
            }
        }
        out.printf("dev: %d packages, %d built, %d failed, output in %s%n", packages.size(), packages.size() - failed,
                failed, output);
        return failed == 0 ? 0 : 1;
    }
}
