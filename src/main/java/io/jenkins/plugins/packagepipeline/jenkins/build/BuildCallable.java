package io.jenkins.plugins.packagepipeline.jenkins.build;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs {@link PackageBuilding} on the agent of the workspace (never on the controller: the builds run where the
 * data directory is), its progress streamed to the build's console as the engine's threads report it, the build
 * database's password masked.
 */
final class BuildCallable extends MasterToSlaveFileCallable<BuildOutcome> {

    private static final long serialVersionUID = 1L;

    private final BuildPlan plan;
    private final BuildDatabase database;
    private final TaskListener listener;

    BuildCallable(BuildPlan plan, BuildDatabase database, TaskListener listener) {
        this.plan = plan;
        this.database = database;
        this.listener = listener;
    }

    @Override
    public BuildOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), database.masker());
        String where = plan.target() != null ? "repo target '" + plan.target() + "'" : plan.dataDirectory();
        return log.agentPhase("build packages into " + where + " with " + plan.builder() + " (" + plan.workers()
                + " workers)",
                () -> PackageBuilding.build(plan, database, workspace.toPath(), line -> log.line("  " + line)));
    }
}
