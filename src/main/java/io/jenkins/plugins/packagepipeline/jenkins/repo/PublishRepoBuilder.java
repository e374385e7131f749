package io.jenkins.plugins.packagepipeline.jenkins.repo;

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
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;

/**
 * "Publish the repositories of a repo target", the Freestyle build step doing what {@code publishRepo} does (for
 * the administrators' scheduled refresh jobs); its summary is on the build's Package Pipeline page.
 */
public final class PublishRepoBuilder extends Builder implements SimpleBuildStep {

    private final String target;

    @DataBoundConstructor
    public PublishRepoBuilder(String target) {
        this.target = target;
    }

    public String getTarget() {
        return target;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        PublishWork.publish(target, run, workspace, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Publish the repositories of a repo target";
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @POST
        public ListBoxModel doFillTargetItems(@AncestorInPath Item item) {
            return Forms.repoTargetNames(item);
        }
    }
}
