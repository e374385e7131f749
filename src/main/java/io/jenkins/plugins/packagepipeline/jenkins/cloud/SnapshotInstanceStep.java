package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code snapshotInstance(cloud: 'rdo', server: env.INSTANCE_ID, labels: ['trunk', 'commit=3f7a9c1'], keep: 5)}:
 * snapshots a server (and its volumes) to an image carrying the labels, keeps the newest {@code keep} snapshots
 * with the same labels, and returns the image id.
 */
public final class SnapshotInstanceStep extends Step {

    private final String cloud;
    private final String server;
    private final SnapshotArguments arguments = new SnapshotArguments();

    @DataBoundConstructor
    public SnapshotInstanceStep(String cloud, String server) {
        this.cloud = cloud;
        this.server = server;
    }

    public String getCloud() {
        return cloud;
    }

    public String getServer() {
        return server;
    }

    public String getName() {
        return arguments.getName();
    }

    @DataBoundSetter
    public void setName(String name) {
        arguments.setName(name);
    }

    public List<String> getLabels() {
        return arguments.getLabels();
    }

    @DataBoundSetter
    public void setLabels(List<String> labels) {
        arguments.setLabels(labels);
    }

    public int getKeep() {
        return arguments.getKeep();
    }

    @DataBoundSetter
    public void setKeep(int keep) {
        arguments.setKeep(keep);
    }

    public boolean isIncludeVolumes() {
        return arguments.isIncludeVolumes();
    }

    @DataBoundSetter
    public void setIncludeVolumes(boolean includeVolumes) {
        arguments.setIncludeVolumes(includeVolumes);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, cloud, server, arguments);
    }

    /** Snapshots on a thread of its own; an abort interrupts and the engine removes the partial snapshot. */
    static final class Execution extends SynchronousNonBlockingStepExecution<String> {
        private static final long serialVersionUID = 1L;

        private final transient String cloud;
        private final transient String server;
        private final transient SnapshotArguments arguments;

        Execution(StepContext context, String cloud, String server, SnapshotArguments arguments) {
            super(context);
            this.cloud = cloud;
            this.server = server;
            this.arguments = arguments;
        }

        @Override
        protected String run() throws Exception {
            return SnapshotWork.snapshot(cloud, server, arguments, getContext().get(Run.class),
                    getContext().get(TaskListener.class)).imageId();
        }
    }

    /** The step's name; its context and cloud list come from {@link CloudStepDescriptor}. */
    @Extension
    public static final class DescriptorImpl extends CloudStepDescriptor {
        @Override
        public String getFunctionName() {
            return "snapshotInstance";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Snapshot an OpenStack instance";
        }
    }
}
