package io.jenkins.plugins.packagepipeline.jenkins.build;

import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.PackageResult;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code buildPackage} does on the agent: loads the catalog, runs the build engine on the plan's data
 * directory, recording into the target's build database (SQLite in the data directory, or PostgreSQL), and sums
 * up each package's builds with the {@link BuildVerdict}. Nothing Jenkins-specific: the glue only runs it on
 * the right agent.
 */
public final class PackageBuilding {

    private PackageBuilding() {
    }

    /** Builds into the data directory's own SQLite build database. */
    public static BuildOutcome build(BuildPlan plan, Path workspace, Consumer<String> progress)
            throws IOException, InterruptedException {
        return build(plan, BuildDatabase.inDataDirectory(), workspace, progress);
    }

    /** Builds, recording into {@code database} (the target's: SQLite in the data directory, or PostgreSQL). */
    public static BuildOutcome build(BuildPlan plan, BuildDatabase database, Path workspace, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path dataDir = Path.of(plan.dataDirectory());
        String owner = plan.target() != null ? "Repo target '" + plan.target() + "'" : "buildPackage";
        try (BuildStore store = database.open(dataDir, false, owner)) {
            BuildReport report = new BuildEngine(plan.settings(), store)
                    .run(CatalogLoader.load(plan.catalogFile(workspace)), plan.options(), progress::accept);
            return outcome(plan, report);
        }
    }

    static BuildOutcome outcome(BuildPlan plan, BuildReport report) {
        String reposUrl = plan.publicBaseUrl() == null ? null : withSlash(URI.create(plan.publicBaseUrl()).toString());
        List<PackageRow> rows = new ArrayList<>();
        for (PackageResult result : report.packages()) {
            if (result.builds().isEmpty()) {
                rows.add(result.error() != null
                        ? PackageRow.withoutBuild(result.packageName(), "ERROR", result.error())
                        : PackageRow.withoutBuild(result.packageName(), "UP_TO_DATE", null));
            }
            for (BuildRecord build : result.builds()) {
                rows.add(PackageRow.of(build, reposUrl, false, false));
            }
        }
        return new BuildOutcome(plan.target() != null ? plan.target() : plan.dataDirectory(), report.summary(),
                BuildVerdict.of(report).name(), rows);
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
