package io.jenkins.plugins.packagepipeline.jenkins.build;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import io.jenkins.plugins.packagepipeline.jenkins.repo.TargetStepDescriptor;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import java.util.List;
import java.util.Map;
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
 * {@code buildPackage(target: 'trunk', catalog: 'catalog.yaml', packages: ['hello'])}: builds every new commit of
 * the catalog's packages (DLRN-style) on the agent of the enclosing {@code node}, into the repo target's data
 * directory (or {@code dataDirectory:}), and returns one row per build. The build ends per {@link BuildVerdict}.
 */
public final class BuildPackageStep extends Step {

    /** The list arguments' form fields (text areas, one item a line), shared with the build step. */
    static final ListField PACKAGES = ListField.names("packages");

    private final BuildArguments arguments = new BuildArguments();

    @DataBoundConstructor
    public BuildPackageStep() {
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
    public StepExecution start(StepContext context) {
        return new Execution(context, arguments);
    }

    /** Waits for the agent on a thread of its own; an abort interrupts it and the engine kills running builds. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient BuildArguments arguments;

        Execution(StepContext context, BuildArguments arguments) {
            super(context);
            this.arguments = arguments;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GroovyValues.map(BuildWork.build(arguments, getContext().get(Run.class),
                    getContext().get(FilePath.class), getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name, context and form. */
    @Extension
    public static final class DescriptorImpl extends TargetStepDescriptor {
        @Override
        public String getFunctionName() {
            return "buildPackage";
        }

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
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, PACKAGES));
        }
    }
}
