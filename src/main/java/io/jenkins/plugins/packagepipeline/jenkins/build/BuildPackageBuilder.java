package io.jenkins.plugins.packagepipeline.jenkins.build;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.repo.TargetBuilderDescriptor;
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
 * "Build packages from the catalog", the Freestyle build step doing what {@code buildPackage} does (for the
 * administrators' scheduled refresh jobs): same arguments, packages typed one a line; the
 * results are on the build's Package Pipeline page.
 */
public final class BuildPackageBuilder extends Builder implements SimpleBuildStep {

    private final BuildArguments arguments = new BuildArguments();

    @DataBoundConstructor
    public BuildPackageBuilder() {
    }

    public String getTarget() {
        return arguments.getTarget();
    }

    @DataBoundSetter
    public void setTarget(String target) {
        arguments.setTarget(target);
    }

    public String getCatalog() {
        return arguments.getCatalog();
    }

    @DataBoundSetter
    public void setCatalog(String catalog) {
        arguments.setCatalog(catalog);
    }

    public String getDataDirectory() {
        return arguments.getDataDirectory();
    }

    @DataBoundSetter
    public void setDataDirectory(String dataDirectory) {
        arguments.setDataDirectory(dataDirectory);
    }

    /** The packages given, {@code null} for none (every package). */
    public List<String> getPackages() {
        return ListField.nullIfEmpty(arguments.getPackages());
    }

    @DataBoundSetter
    public void setPackages(List<String> packages) {
        arguments.setPackages(packages);
    }

    public String getRelease() {
        return arguments.getRelease();
    }

    @DataBoundSetter
    public void setRelease(String release) {
        arguments.setRelease(release);
    }

    public String getBuilder() {
        return arguments.getBuilder();
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        arguments.setBuilder(builder);
    }

    public int getWorkers() {
        return arguments.getWorkers();
    }

    @DataBoundSetter
    public void setWorkers(int workers) {
        arguments.setWorkers(workers);
    }

    public String getDist() {
        return arguments.getDist();
    }

    @DataBoundSetter
    public void setDist(String dist) {
        arguments.setDist(dist);
    }

    public String getBuildTimeout() {
        return arguments.getBuildTimeout();
    }

    /** How long one build may run, a duration ({@code 45m}); left out, the engine's 30m. */
    @DataBoundSetter
    public void setBuildTimeout(String buildTimeout) {
        arguments.setBuildTimeout(buildTimeout);
    }

    public boolean isHeadOnly() {
        return arguments.isHeadOnly();
    }

    @DataBoundSetter
    public void setHeadOnly(boolean headOnly) {
        arguments.setHeadOnly(headOnly);
    }

    public boolean isRecheck() {
        return arguments.isRecheck();
    }

    @DataBoundSetter
    public void setRecheck(boolean recheck) {
        arguments.setRecheck(recheck);
    }

    public boolean isForceRecheck() {
        return arguments.isForceRecheck();
    }

    @DataBoundSetter
    public void setForceRecheck(boolean forceRecheck) {
        arguments.setForceRecheck(forceRecheck);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        BuildWork.build(arguments, run, workspace, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends TargetBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Build packages from the catalog (DLRN-style)";
        }

        @POST
        public ListBoxModel doFillBuilderItems(@AncestorInPath Item item) {
            return Forms.builderNames(item);
        }

        @POST
        public FormValidation doCheckBuildTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> BuildArguments.checkBuildTimeout(value));
        }

        /** The packages' text area (one name a line) becomes the {@code packages} list; see {@link ListField}. */
        @Override
        public Builder newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, BuildPackageStep.PACKAGES));
        }
    }
}
