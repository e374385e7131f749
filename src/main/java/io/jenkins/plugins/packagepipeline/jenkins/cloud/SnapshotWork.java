package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.ServerSnapshot;
import io.jenkins.plugins.packagepipeline.jenkins.settings.Labels;
import java.io.IOException;
import java.util.Map;

/** What {@code snapshotInstance} and its Freestyle build step do, once. */
final class SnapshotWork {

    private SnapshotWork() {
    }

    static ServerSnapshot snapshot(String cloud, String server, SnapshotArguments arguments, Run<?, ?> run,
            TaskListener listener) throws IOException, InterruptedException {
        if (server == null || server.isBlank()) {
            throw new AbortException("snapshotInstance: pass server: the id or name of the server to snapshot, e.g."
                    + " env.INSTANCE_ID inside withInstance.");
        }
        if (arguments.getKeep() < 0) {
            throw new AbortException("snapshotInstance: keep " + arguments.getKeep() + " is negative: use 0 to keep"
                    + " every snapshot, or how many of the newest to keep.");
        }
        Map<String, String> labels;
        try {
            labels = Labels.parse(arguments.getLabels());
        } catch (PackagePipelineException e) {
            throw new AbortException("snapshotInstance: " + e.getMessage());
        }
        if (arguments.getKeep() > 0 && labels.isEmpty()) {
            throw new AbortException("snapshotInstance: keep " + arguments.getKeep() + " needs labels: it deletes the"
                    + " older snapshots carrying the same labels, and without labels that would be every snapshot of"
                    + " the project.");
        }
        String name = arguments.nameFor(server.strip(), run.getParent().getFullName().replace('/', '-') + "-"
                + run.getNumber());
        return CloudWork.snapshot(cloud, server.strip(), name, labels, arguments.isIncludeVolumes(),
                arguments.getKeep(), run, listener);
    }
}
