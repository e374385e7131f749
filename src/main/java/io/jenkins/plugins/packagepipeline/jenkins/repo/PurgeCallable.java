package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.PurgeOutcome;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/** Runs {@link RepoPurging} on the agent of the workspace, its progress streamed to the build's console. */
final class PurgeCallable extends MasterToSlaveFileCallable<PurgeOutcome> {

    private static final long serialVersionUID = 1L;

    private final PurgeRequest request;
    private final TaskListener listener;

    PurgeCallable(PurgeRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public PurgeOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), request.database().masker());
        return log.agentPhase((request.dryRun() ? "dry run of the purge of" : "purge") + " repo target '"
                + request.target() + "' (builds older than " + request.olderThan() + ")",
                () -> RepoPurging.purge(request, line -> log.line("  " + line)));
    }
}
