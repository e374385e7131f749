package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PurgeOutcome;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPurger;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code purgeRepo} does on the agent that holds the data directory: removes the repo snapshots of builds
 * finished longer ago than a duration with the repo engine's purger (never a package's newest successful build,
 * nor what {@code current} or {@code consistent} name; records and logs stay, flagged purged), then brings the
 * target's secondary in line. A dry run changes nothing, the secondary included. Nothing Jenkins-specific.
 */
public final class RepoPurging {

    private RepoPurging() {
    }

    /**
     * The age {@code olderThan} gives, checked the same way on the controller (before the agent is contacted) and
     * on the agent.
     *
     * @throws io.jenkins.plugins.packagepipeline.PackagePipelineException naming the bad value
     */
    public static Duration age(String olderThan) {
        return Durations.parseAge(olderThan, "purgeRepo: olderThan");
    }

    public static PurgeOutcome purge(PurgeRequest request, Consumer<String> progress)
            throws IOException, InterruptedException {
        String owner = "Repo target '" + request.target() + "'";
        Duration age = age(request.olderThan());
        Path dataDir = Path.of(request.dataDirectory());
        RepoConfig config = RepoPublishing.config(request.target(), dataDir, request.publicBaseUrl(),
                request.options());
        Instant cutoff = Instant.now().minus(age);
        try (BuildStore store = request.database().open(dataDir, true, owner)) {
            RepoPurger.PurgeResult result = new RepoPurger(config, store).purge(cutoff, request.dryRun());
            String reposUrl = config.publicUrlOf("");
            List<PackageRow> rows = result.purged().stream()
                    .map(b -> PackageRow.of(b, reposUrl, false, false)).toList();
            for (PackageRow row : rows) {
                progress.accept((request.dryRun() ? "would purge " : "purged ") + row.getBuildId()
                        + (row.getNvr() == null ? "" : " (" + row.getNvr() + ")"));
            }
            progress.accept(result.summary());
            if (!request.dryRun() && request.mirror() != null) {
                RepoPublishing.mirror(config, request.mirror(), progress);
            }
            return new PurgeOutcome(request.target(), request.dryRun(), Durations.format(age), rows, result.kept(),
                    result.bytesFreed(), result.summary());
        }
    }
}
