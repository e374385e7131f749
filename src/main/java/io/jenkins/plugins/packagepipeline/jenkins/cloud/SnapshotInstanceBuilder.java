package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * "Snapshot an OpenStack instance", the Freestyle build step doing what {@code snapshotInstance} does; the server
 * may name a build variable, e.g. {@code ${INSTANCE_ID}} inside "Provision an OpenStack instance for the build".
 * Labels are typed one a line.
 */
public final class SnapshotInstanceBuilder extends Builder implements SimpleBuildStep {

    private final String cloud;
    private final String server;
    private final SnapshotArguments arguments = new SnapshotArguments();

    @DataBoundConstructor
    public SnapshotInstanceBuilder(String cloud, String server) {
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
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        SnapshotWork.snapshot(cloud, env.expand(server), arguments, run, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Snapshot an OpenStack instance";
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public ListBoxModel doFillCloudItems(@AncestorInPath Item item) {
            return Forms.cloudNames(item);
        }

        /** The labels' text area (one label a line) becomes the {@code labels} list; see {@link ListField}. */
        @Override
        public Builder newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, SnapshotInstanceStep.LABELS));
        }

        @POST
        public FormValidation doCheckLabels(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkList(item, SnapshotInstanceStep.LABELS, value);
        }

        /** The text area's content: one label a line. */
        public String lines(List<String> items) {
            return ListField.lines(items);
        }
    }
}
