package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds an existing DLRN instance with what a publish made: each build whose snapshot was made by this publish
 * (not one reused from an earlier publish, which was imported then) is imported from the URL its output directory
 * is served at. A failure stops at that build and names it; the repositories published stay published.
 */
public final class DlrnImport {

    private DlrnImport() {
    }

    /** Imports the publish's fresh builds; returns the URLs imported. */
    public static List<String> importFresh(PublishOutcome outcome, DlrnApiClient client, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> imported = new ArrayList<>();
        for (PackageRow row : outcome.getRows()) {
            if (!row.isFresh()) {
                continue;
            }
            if (row.getOutputUrl() == null || !row.getOutputUrl().startsWith("http")) {
                throw new PackagePipelineException("Repo target '" + outcome.getTarget() + "': DLRN import of "
                        + row.getPackageName() + " needs its output served over http(s): set the target's public base"
                        + " URL under Manage Jenkins » System » Package Pipeline.");
            }
            client.remoteImport(row.getOutputUrl());
            progress.accept("imported " + row.getPackageName() + " " + row.getShortCommit() + " into DLRN");
            imported.add(row.getOutputUrl());
        }
        return imported;
    }
}
