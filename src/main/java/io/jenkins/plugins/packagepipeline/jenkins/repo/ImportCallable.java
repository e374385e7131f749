package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.ImportOutcome;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs {@link RepoImporting} on the agent of the workspace (relative paths are relative to it), its progress
 * streamed to the build's console with the database password masked.
 */
final class ImportCallable extends MasterToSlaveFileCallable<ImportOutcome> {

    private static final long serialVersionUID = 1L;

    private final ImportRequest request;
    private final TaskListener listener;

    ImportCallable(ImportRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public ImportOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), request.database().masker());
        return log.agentPhase("import into repo target '" + request.target() + "' from " + request.from().size()
                + " location(s)", () -> RepoImporting.importBuilds(request, workspace.toPath(),
                        line -> log.line("  " + line)));
    }
}
