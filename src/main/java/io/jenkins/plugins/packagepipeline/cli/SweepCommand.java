package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.LeakSweeper;
import io.jenkins.plugins.packagepipeline.cloud.SweepReport;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: finds leaked instance resources (dry run unless --remove) and prints them as JSON. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Finds resources created by Package Pipeline whose lease expired or that are orphaned; "
                + "reports them (dry run) unless --remove is given.")
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    CloudOptions cloud;

    @Option(names = "--remove", description = "Remove what is found (default: dry run, report only).")
    boolean remove;

    @Option(names = "--grace", description = "Orphans younger than this are left alone (default: ${DEFAULT-VALUE}).")
    String grace = "30m";

    @Override
    public Integer call() {
        Duration orphanGrace = Durations.parse(grace, "--grace");
        CloudSession session = cloud.open();
        SweepReport report = new LeakSweeper(session, Clock.systemUTC(), orphanGrace)
                .sweep(!remove, ownership -> false, cloud.progress());
        cloud.printJson(report.toMap());
        return 0;
    }
}
