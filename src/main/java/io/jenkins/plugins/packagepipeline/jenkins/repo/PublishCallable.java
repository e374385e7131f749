package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs {@link RepoPublishing} on the agent of the workspace, its progress streamed to the build's console with the
 * request's secrets (passphrase, database password) masked.
 */
final class PublishCallable extends MasterToSlaveFileCallable<PublishOutcome> {

    private static final long serialVersionUID = 1L;

    private final PublishRequest request;
    private final TaskListener listener;

    PublishCallable(PublishRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public PublishOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), request.masker());
        return log.agentPhase("publish repo target '" + request.target() + "'",
                () -> RepoPublishing.publish(request, line -> log.line("  " + line)));
    }
}
