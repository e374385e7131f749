package io.jenkins.plugins.packagepipeline.jenkins.repo;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code publishRepo(target: 'trunk')}: publishes the latest build of every package of a repo target (or only the
 * {@code builds:} a {@code buildPackage} made, or the latest of the {@code packages:} named) as signed
 * YUM/DNF repository snapshots ({@code current}, and {@code consistent} when every package's latest build
 * succeeded) with their status reports, on the agent of the enclosing {@code node} (the one holding the target's
 * data directory). Returns the published packages and the repository's URLs.
 */
public final class PublishRepoStep extends Step {

    /** The list arguments' form fields (text areas, one item a line), shared with the build step. */
    static final ListField PACKAGES = ListField.names("packages");
    static final ListField BUILDS = ListField.names("builds");
    static final ListField DLRN_SKIP = ListField.names("dlrnSkip");

    private final String target;
    private boolean mirror = true;
    private boolean dlrnImport = true;
    private List<String> packages = new ArrayList<>(); // lists XStream saves as plain lists
    private List<String> builds = new ArrayList<>();
    private List<String> dlrnSkip = new ArrayList<>();

    @DataBoundConstructor
    public PublishRepoStep(String target) {
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

    /** The builds given, {@code null} for none. */
    public List<String> getBuilds() {
        return ListField.nullIfEmpty(builds);
    }

    /**
     * Publish exactly these builds: the {@code builds} of a {@code buildPackage} result, as DLRN's post-build step
     * publishes the build just made (default: every package's latest build).
     */
    @DataBoundSetter
    public void setBuilds(List<String> builds) {
        this.builds = new ArrayList<>(new PublishSelection(List.of(), builds).builds());
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
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** Waits for the agent on a thread of its own; an abort interrupts the agent's work. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient PublishRepoStep step;

        Execution(StepContext context, PublishRepoStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GroovyValues.map(PublishWork.publish(step.target, step.mirror, step.dlrnImport,
                    step.dlrnSkip, new PublishSelection(step.packages, step.builds), getContext().get(Run.class),
                    getContext().get(FilePath.class), getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name, context and form. */
    @Extension
    public static final class DescriptorImpl extends TargetStepDescriptor {
        @Override
        public String getFunctionName() {
            return "publishRepo";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Publish the repositories of a repo target";
        }

        /** The packages', builds' and dlrnSkip's text areas (one a line) become lists; see {@link ListField}. */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, PACKAGES, BUILDS, DLRN_SKIP));
        }
    }
}
