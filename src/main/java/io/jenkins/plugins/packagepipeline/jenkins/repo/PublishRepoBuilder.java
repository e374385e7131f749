package io.jenkins.plugins.packagepipeline.jenkins.repo;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "Publish the repositories of a repo target", the Freestyle build step doing what {@code publishRepo} does (for
 * the administrators' scheduled refresh jobs); its summary is on the build's Package Pipeline page.
 */
public final class PublishRepoBuilder extends Builder implements SimpleBuildStep {

    private final String target;
    private boolean mirror = true;
    private boolean dlrnImport = true;
    private List<String> packages = new ArrayList<>(); // lists XStream saves as plain lists
    private List<String> dlrnSkip = new ArrayList<>();

    @DataBoundConstructor
    public PublishRepoBuilder(String target) {
        this.target = target;
    }

    public String getTarget() {
        return target;
    }

    public boolean isMirror() {
        return mirror;
    }

    /** Whether to mirror to the target's secondary, if it has one (default true). */
    @DataBoundSetter
    public void setMirror(boolean mirror) {
        this.mirror = mirror;
    }

    public boolean isDlrnImport() {
        return dlrnImport;
    }

    /** Whether to import the published builds its DLRN API lacks, if the target has one (default true). */
    @DataBoundSetter
    public void setDlrnImport(boolean dlrnImport) {
        this.dlrnImport = dlrnImport;
    }

    /** The packages given, {@code null} for none. */
    public List<String> getPackages() {
        return ListField.nullIfEmpty(packages);
    }

    /** Publish only the latest build of these packages (default: every package's). */
    @DataBoundSetter
    public void setPackages(List<String> packages) {
        this.packages = new ArrayList<>(new PublishSelection(packages, List.of()).packages());
    }

    /** The builds to skip for the DLRN API, {@code null} for none. */
    public List<String> getDlrnSkip() {
        return ListField.nullIfEmpty(dlrnSkip);
    }

    /**
     * Give up sending these builds (build ids) to the target's DLRN API, e.g. one it refuses for good that holds
     * back the builds after it: recorded skipped before anything is published (default: none).
     */
    @DataBoundSetter
    public void setDlrnSkip(List<String> dlrnSkip) {
        this.dlrnSkip = new ArrayList<>(new PublishSelection(List.of(), dlrnSkip).builds());
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        PublishWork.publish(target, mirror, dlrnImport, dlrnSkip, new PublishSelection(packages, List.of()), run,
                workspace, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends TargetBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Publish the repositories of a repo target";
        }

        /** The packages' and dlrnSkip's text areas (one a line) become lists; see {@link ListField}. */
        @Override
        public Builder newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req,
                    Forms.bindLists(formData, PublishRepoStep.PACKAGES, PublishRepoStep.DLRN_SKIP));
        }
    }
}
