package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogPackage;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import io.jenkins.plugins.packagepipeline.git.RefreshResult;
import io.jenkins.plugins.packagepipeline.repo.SupersededSnapshots;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The build engine, what DLRN does for a trunk: refreshes every package's upstream and distgit repositories in
 * parallel, picks the commits to build ({@link CommitSelector}), builds them ({@code workers} packages at a time,
 * each package's commits oldest first), moves each finished output into
 * {@code repos/<h[0:2]>/<h[2:4]>/<source-hash>_<distgit-hash[0:8]>/} and records it in the build database. Moving
 * an output into place and recording it happen one build at a time, output first: a crash in between leaves a new
 * pair's output unrecorded (the next run rebuilds and replaces it), and a replaced output (a recheck) is put back
 * by the next run ({@link OutputInstall}), so a pair's record always describes its output directory. A recheck
 * never takes a served repository away: see {@link SupersededSnapshots}.
 *
 * <pre>{@code
 * try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve("build.db"))) {
 *     BuildReport report = new BuildEngine(BuildSettings.defaults(dataDir), store)
 *             .run(CatalogLoader.load(catalogFile), BuildOptions.all(), System.out::println);
 * }
 * }</pre>
 */
public final class BuildEngine {
    private final BuildSettings settings;
    private final BuildStore store;
    private final CommitBuild commitBuild;
    private final Object recordLock = new Object();

    /**
     * @throws PackagePipelineException when the configured builder is unknown or not installed
     */
    public BuildEngine(BuildSettings settings, BuildStore store) {
        this.settings = settings;
        this.store = store;
        this.commitBuild = new CommitBuild(settings, RpmBuilders.create(settings));
    }

    /**
     * Builds what is new in the catalog's release ({@link BuildSettings#release()}). A package that cannot be
     * refreshed or built fails alone; the others go on.
     *
     * @throws PackagePipelineException for a problem of the whole run (unknown package name, a forced recheck the
     *     settings do not allow, another run holding the data directory)
     * @throws InterruptedException when aborted: running builds are killed, nothing half-built is recorded
     */
    public BuildReport run(Catalog catalog, BuildOptions options, BuildListener listener)
            throws IOException, InterruptedException {
        if (options.forceRecheck() && !settings.allowForceRechecks()) {
            throw new PackagePipelineException("A forced recheck (--force-recheck, forceRecheck: true) of "
                    + (options.packageNames().isEmpty() ? "every package" : String.join(", ",
                            new TreeSet<>(options.packageNames())))
                    + " is not allowed by the configuration: it rebuilds successful builds, replacing packages that"
                    + " published snapshots served. Set allow-force-rechecks: true in the configuration file (or"
                    + " allow forced rechecks on the repo target), or use --recheck, which rebuilds FAILED pairs only.");
        }
        List<PackageInRelease> packages = catalog.packagesIn(settings.release(), options.packageNames());
        try (DataDirLock lock = DataDirLock.acquire(settings.dataDir())) {
            OutputInstall.recover(settings.dataDir(), store);
            cleanScratchSpace();
            Map<String, RefreshResult> refreshed = refresh(packages, listener);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.workers(),
                    Math.max(1, packages.size())), runnable -> {
                        Thread thread = new Thread(runnable, "package build");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                Map<String, Future<PackageResult>> futures = new LinkedHashMap<>();
                for (PackageInRelease pkg : packages) {
                    futures.put(pkg.name(), pool.submit(() -> buildPackage(catalog, pkg, refreshed, options,
                            listener)));
                }
                List<PackageResult> results = new ArrayList<>();
                for (Map.Entry<String, Future<PackageResult>> future : futures.entrySet()) {
                    results.add(outcome(future.getKey(), future.getValue(), listener));
                }
                BuildReport report = new BuildReport(results);
                listener.progress(report.summary());
                return report;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private Map<String, RefreshResult> refresh(List<PackageInRelease> packages, BuildListener listener)
            throws InterruptedException {
        List<String> urls = new ArrayList<>();
        for (PackageInRelease pkg : packages) {
            urls.add(pkg.definition().upstream());
            urls.add(pkg.definition().distgit());
        }
        long started = System.nanoTime();
        Map<String, RefreshResult> refreshed = new GitCache(settings.gitCacheDir(), settings.gitTimeout())
                .refreshAll(urls, settings.gitThreads());
        listener.progress(String.format("Refreshed %d git repositories in %.1f s (%d failed)", refreshed.size(),
                (System.nanoTime() - started) / 1e9, refreshed.values().stream().filter(r -> !r.succeeded()).count()));
        return refreshed;
    }

    private PackageResult buildPackage(Catalog catalog, PackageInRelease pkg, Map<String, RefreshResult> refreshed,
            BuildOptions options, BuildListener listener) throws IOException, InterruptedException {
        long started = System.nanoTime();
        RefreshResult source = refreshed.get(pkg.definition().upstream());
        RefreshResult distgit = refreshed.get(pkg.definition().distgit());
        for (RefreshResult repo : List.of(source, distgit)) {
            if (!repo.succeeded()) {
                listener.progress(pkg.name() + ": ERROR " + repo.error());
                return new PackageResult(pkg.name(), List.of(), repo.error(), since(started));
            }
        }
        List<CommitSelector.Pair> pairs;
        try (GitRepository sourceRepo = GitRepository.open(source.directory(), GitCache.redact(source.url()));
                GitRepository distgitRepo = GitRepository.open(distgit.directory(), GitCache.redact(distgit.url()))) {
            pairs = new CommitSelector(store, settings.maxRetries()).select(pkg, sourceRepo, distgitRepo,
                    options.headOnly(), CommitSelector.Recheck.of(options), listener);
        } catch (PackagePipelineException e) {
            listener.progress(pkg.name() + ": ERROR " + e.getMessage());
            return new PackageResult(pkg.name(), List.of(), e.getMessage(), since(started));
        }
        if (pairs.isEmpty()) {
            listener.progress(pkg.name() + ": up to date");
            return new PackageResult(pkg.name(), List.of(), null, since(started));
        }
        listener.progress(pkg.name() + ": " + pairs.size() + (pairs.size() == 1 ? " commit" : " commits")
                + " to build");
        List<BuildRecord> builds = new ArrayList<>();
        for (CommitSelector.Pair pair : pairs) {
            BuildRequest request = new BuildRequest(pkg, source.directory(), distgit.directory(), pair.source(),
                    pair.distgit(), pair.previousRetries(), null);
            long buildStarted = System.nanoTime();
            StagedBuild staged = commitBuild.run(request, otherPackages(catalog));
            BuildRecord recorded;
            synchronized (recordLock) {
                recorded = OutputInstall.installAndRecord(staged.outputDir(), staged.record(), settings.dataDir(),
                        settings.reposDir(), settings.buildTimeout(), store, listener::progress);
            }
            FileTrees.delete(staged.scratchDir());
            builds.add(recorded);
            listener.progress(progressLine(recorded, System.nanoTime() - buildStarted));
        }
        return new PackageResult(pkg.name(), builds, null, since(started));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The other packages' latest successful builds, for versions.csv. */
    private List<VersionsRow> otherPackages(Catalog catalog) {
        List<VersionsRow> rows = new ArrayList<>();
        for (BuildRecord latest : store.latestSuccessfulPerPackage()) {
            catalog.find(latest.packageName()).ifPresent((CatalogPackage p) ->
                    rows.add(VersionsRow.of(latest, GitCache.redact(p.upstream()), GitCache.redact(p.distgit()))));
        }
        return rows;
    }

    private static String progressLine(BuildRecord build, long nanos) {
        String line = String.format("%s: %s %s in %.1f s", build.packageName(), build.sourceCommit().substring(0, 7),
                build.status(), nanos / 1e9);
        if (build.status() == BuildStatus.SUCCESS) {
            return line + " -> " + build.nvr() + " (" + build.repoDir() + ")";
        }
        String notes = build.notes() == null ? "" : build.notes();
        int newline = notes.indexOf('\n');
        return line + ": " + (newline < 0 ? notes : notes.substring(0, newline)) + " (logs: " + build.repoDir() + ")";
    }

    private static PackageResult outcome(String name, Future<PackageResult> future, BuildListener listener)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof PackagePipelineException ? cause.getMessage()
                    : "Build of " + name + " stopped on an unexpected error: " + cause;
            listener.progress(name + ": ERROR " + message);
            return new PackageResult(name, List.of(), message, Duration.ZERO);
        }
    }

    /** Deletes what builds killed by a crash left in the scratch space (we hold the data directory's lock). */
    private void cleanScratchSpace() throws IOException {
        if (!Files.isDirectory(settings.workDir())) {
            return;
        }
        try (Stream<Path> leftovers = Files.list(settings.workDir())) {
            for (Path leftover : leftovers.toList()) {
                FileTrees.delete(leftover);
            }
        }
    }
}
