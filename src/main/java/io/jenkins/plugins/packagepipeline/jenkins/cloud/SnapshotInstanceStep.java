package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code snapshotInstance(cloud: 'rdo', server: env.INSTANCE_ID, labels: ['trunk', 'commit=3f7a9c1'], keep: 5)}:
 * snapshots a server (and its volumes) to an image carrying the labels, keeps the newest {@code keep} snapshots
 * with the same labels, and returns the image id.
 */
public final class SnapshotInstanceStep extends Step {

    /** The list arguments' form fields (text areas, one item a line), shared with the build step. */
    static final ListField LABELS = ListField.labels("labels");

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

    /** The labels given, {@code null} for none. */
    public List<String> getLabels() {
        return ListField.nullIfEmpty(arguments.getLabels());
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

        /** The labels' text area (one label a line) becomes the {@code labels} list; see {@link ListField}. */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, LABELS));
        }

        @POST
        public FormValidation doCheckLabels(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkList(item, LABELS, value);
        }
    }
}
