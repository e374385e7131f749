package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.LeakSweeper;
import io.jenkins.plugins.packagepipeline.cloud.SweepReport;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: finds leaked instance resources (dry run unless --remove) and prints them as JSON. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Finds resources created by Package Pipeline whose lease expired or that are orphaned; "
                + "reports them (dry run) unless --remove is given.")
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Option(names = "--remove", description = "Remove what is found (default: dry run, report only).")
    boolean remove;

    @Option(names = "--grace", description = "Orphans younger than this are left alone (default: ${DEFAULT-VALUE}).")
    String grace = "30m";

    @Override
    public Integer call() {
        CloudSession session = cloud.open(spec.commandLine().getErr());
        SweepReport report = new LeakSweeper(session, Clock.systemUTC(), DurationOption.parse(grace, "--grace"))
                .sweep(!remove, ownership -> false, CloudOptions.progress(spec.commandLine().getErr()));
        CloudOptions.printJson(spec.commandLine().getOut(), report.toMap());
        return 0;
    }
}
