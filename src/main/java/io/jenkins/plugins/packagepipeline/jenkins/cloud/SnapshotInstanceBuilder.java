package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Snapshot an OpenStack instance", the Freestyle build step doing what {@code snapshotInstance} does; the server
 * may name a build variable, e.g. {@code ${INSTANCE_ID}} inside "Provision an OpenStack instance for the build".
 * Labels are typed separated by spaces.
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

    /** The labels as the form shows them: separated by spaces. */
    public String getLabels() {
        return String.join(" ", arguments.getLabels());
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        List<String> parsed = InstanceSettings.parseNames(labels);
        arguments.setLabels(parsed == null ? List.of() : parsed);
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
    }
}
