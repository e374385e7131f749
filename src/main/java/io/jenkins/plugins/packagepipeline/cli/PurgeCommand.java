package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.repo.RepoPurger;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code purge}: removes old snapshots, keeping each package's newest success and what the pointers name. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Removes the snapshots of builds older than a duration (records and logs stay, flagged purged).")
public final class PurgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepoOptions repo;

    @Option(names = "--older-than", required = true, paramLabel = "AGE",
            description = "Purge builds finished more than AGE ago: a duration such as 14d or 36h; a bare number"
                    + " is a number of days.")
    String olderThan;

    @Option(names = "--dry-run", description = "Only list what would be purged.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Duration age = Durations.parseAge(olderThan, "--older-than");
        PrintWriter out = spec.commandLine().getOut();
        try (BuildStore store = repo.openStore()) {
            RepoPurger.PurgeResult result = new RepoPurger(repo.config(store), store)
                    .purge(Instant.now().minus(age), dryRun);
            for (BuildRecord b : result.purged()) {
                out.printf("%s %s %s (%s, %s)%n", dryRun ? "would purge" : "purged", b.packageName(),
                        b.repoDir(), b.status(), b.buildTime());
            }
            out.println(result.summary());
        }
        return 0;
    }
}
