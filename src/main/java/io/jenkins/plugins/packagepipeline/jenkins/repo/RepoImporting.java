package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.ImportOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.remote.BuildImporter;
import io.jenkins.plugins.packagepipeline.repo.remote.ImportLocations;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code importBuild} does on the agent that holds the data directory: finds the build output directories
 * each location names ({@link ImportLocations}: a build output directory or a directory holding them, by path, or a
 * served one by http(s) URL), and imports each with the repo engine's {@link BuildImporter} into the target's data
 * directory and build database (SQLite in the data directory, made on the first import, or PostgreSQL): RPMs
 * checked, moved into place, then recorded; a build already recorded as successful is skipped, so importing again
 * is harmless. Every location is checked before anything is imported (how it is written, and a path's build output
 * directories found); a URL is first read when its turn comes. Publishing is the caller's next step.
 * Nothing Jenkins-specific: the glue only runs it on the right agent.
 */
public final class RepoImporting {

    /** Names the argument in messages. */
    static final String FROM = "importBuild: from";

    private RepoImporting() {
    }

    /**
     * Checks how the locations are written (the controller does so before it reads any credential or contacts the
     * agent; the agent again).
     *
     * @throws PackagePipelineException naming the first bad location, or saying that there is none
     */
    public static List<String> check(List<String> from) {
        if (from == null || from.isEmpty()) {
            throw new PackagePipelineException(FROM + " names no location: give the build output directories to"
                    + " import, e.g. from: ['worker-1/repos'] (paths, absolute or relative to the workspace) or"
                    + " from: ['https://worker-1.example.org/repos/3f/7a/<build>/'] (served ones).");
        }
        return from.stream().map(location -> ImportLocations.check(location, FROM)).toList();
    }

    /**
     * Imports the request's locations, in the order given.
     *
     * @param workspace what a relative path is relative to
     * @throws PackagePipelineException with a message naming what to fix (a location that is not a build output
     *     directory, an incomplete or damaged one, a data directory missing on this agent or held by a build)
     */
    public static ImportOutcome importBuilds(ImportRequest request, Path workspace, Consumer<String> progress)
            throws IOException, InterruptedException {
        String owner = "Repo target '" + request.target() + "'";
        Path dataDir = Path.of(request.dataDirectory());
        if (!Files.isDirectory(dataDir)) {
            throw new PackagePipelineException(owner + ": its data directory " + dataDir + " does not exist on this"
                    + " agent: run importBuild on the agent that holds it (node('<its label>') { ... }), or create"
                    + " it there first.");
        }
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        for (String location : check(request.from())) {
            Path path = ImportLocations.isUrl(location) ? null : workspace.resolve(location);
            if (path != null && Files.exists(path) && path.toRealPath().startsWith(dataDir.toRealPath())) {
                throw new PackagePipelineException(FROM + " '" + location + "' is inside the data directory of "
                        + owner + " (" + dataDir + "): its builds are recorded there already; give a worker's"
                        + " output.");
            }
            outputs.put(location, ImportLocations.expand(location, workspace, FROM));
        }
        RepoConfig config = RepoPublishing.config(request.target(), dataDir, request.publicBaseUrl(),
                request.options());
        String reposUrl = config.publicUrlOf("");
        List<PackageRow> rows = new ArrayList<>();
        List<String> alreadyRecorded = new ArrayList<>();
        Map<BuildStatus, Integer> byStatus = new EnumMap<>(BuildStatus.class);
        try (BuildStore store = request.database().open(dataDir, false, owner)) {
            BuildImporter importer = new BuildImporter(config, store).onProgress(line -> progress.accept("  " + line));
            for (Map.Entry<String, List<String>> location : outputs.entrySet()) {
                long started = System.nanoTime();
                int imported = 0;
                for (String dir : location.getValue()) {
                    List<BuildRecord> builds = importOne(importer, dir, rows.size(), request.target());
                    if (builds.isEmpty()) {
                        alreadyRecorded.add(dir);
                    }
                    for (BuildRecord build : builds) {
                        PackageRow row = PackageRow.of(build, reposUrl, false, false);
                        rows.add(row);
                        byStatus.merge(build.status(), 1, Integer::sum);
                        imported++;
                        progress.accept("imported " + row.getBuildId() + " (" + build.status()
                                + (build.nvr() == null ? "" : ", " + build.nvr()) + ")");
                    }
                }
                long known = location.getValue().stream().filter(alreadyRecorded::contains).count();
                progress.accept("from " + location.getKey() + ": " + imported + " build(s) imported"
                        + (known == 0 ? "" : ", " + known + " build output director" + (known == 1 ? "y" : "ies")
                                + " recorded already") + ", in " + seconds(started));
            }
        }
        String summary = summary(rows.size(), byStatus, outputs.size(), alreadyRecorded.size());
        progress.accept(summary);
        return new ImportOutcome(request.target(), rows, alreadyRecorded, summary);
    }

    /**
     * Imports one build output directory; a failure says which builds this import recorded before it, since they
     * stay recorded (and are not published by this step).
     */
    private static List<BuildRecord> importOne(BuildImporter importer, String dir, int importedBefore, String target)
            throws IOException, InterruptedException {
        try {
            return importer.importBuild(dir);
        } catch (PackagePipelineException e) {
            if (importedBefore == 0) {
                throw e;
            }
            throw new PackagePipelineException(e.getMessage() + " (the " + importedBefore + " build(s) imported before"
                    + " it stay recorded; publish them with publishRepo(target: '" + target + "'))", e);
        }
    }

    private static String summary(int imported, Map<BuildStatus, Integer> byStatus, int locations, int known) {
        StringBuilder text = new StringBuilder("Imported " + imported + " build(s)");
        if (!byStatus.isEmpty()) {
            List<String> counts = new ArrayList<>();
            byStatus.forEach((status, count) -> counts.add(count + " " + status));
            text.append(" (").append(String.join(", ", counts)).append(")");
        }
        text.append(" from ").append(locations).append(" location(s)");
        if (known > 0) {
            text.append("; ").append(known).append(" build output director").append(known == 1 ? "y was" : "ies were")
                    .append(" recorded already");
        }
        return text.append('.').toString();
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
