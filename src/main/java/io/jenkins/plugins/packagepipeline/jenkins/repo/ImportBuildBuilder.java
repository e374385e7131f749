package io.jenkins.plugins.packagepipeline.jenkins.repo;

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
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import java.io.IOException;
import java.util.ArrayList;
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
 * "Import builds made elsewhere into a repo target", the Freestyle build step doing what {@code importBuild} does
 * (e.g. a job that gathers the outputs its upstream worker jobs archived); its summary is on the build's Package
 * Pipeline page.
 */
public final class ImportBuildBuilder extends Builder implements SimpleBuildStep {

    private final String target;
    private final List<String> from;
    private boolean publish = true;

    @DataBoundConstructor
    public ImportBuildBuilder(String target, List<String> from) {
        this.target = target;
        this.from = from == null ? new ArrayList<>() : new ArrayList<>(from); // a list XStream saves and loads
    }

    public String getTarget() {
        return target;
    }

    /** The locations to import from. */
    public List<String> getFrom() {
        return from;
    }

    public boolean isPublish() {
        return publish;
    }

    /** Whether to publish the imported builds after importing them (default true). */
    @DataBoundSetter
    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        ImportWork.importBuilds(target, from.stream().map(env::expand).toList(), publish, run, workspace, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends TargetBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Import builds made elsewhere into a repo target";
        }

        @POST
        public FormValidation doCheckFrom(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> ImportWork.checkFrom(value));
        }

        /** The locations' text area (one a line) becomes the {@code from} list; see {@code ListField}. */
        @Override
        public Builder newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, ImportBuildStep.FROM));
        }
    }
}
