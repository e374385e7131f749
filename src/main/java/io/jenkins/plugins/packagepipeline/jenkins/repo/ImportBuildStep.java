package io.jenkins.plugins.packagepipeline.jenkins.repo;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
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
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code importBuild(target: 'trunk', from: ['worker-1/repos'])}: imports builds made elsewhere (by
 * {@code buildPackage} on other agents, or by DLRN) into a repo target's records and data directory, on the agent
 * of the enclosing {@code node} (the one holding the target's data directory): how distributed builds come
 * together. {@code from} lists build output directories, or directories holding them (a worker's data directory or
 * its {@code repos}), by path (absolute, or relative to the workspace), or served build output directories by
 * http(s) URL. Then, unless {@code publish: false}, publishes the imported builds as
 * {@code publishRepo(target: ..., builds: ...)} does. Returns the imported builds and, when published, the
 * repository's URLs.
 */
public final class ImportBuildStep extends Step {

    /** The {@code from} form field: a text area, one location a line (a path may hold spaces). */
    static final ListField FROM = ListField.wholeLines("from");

    private final String target;
    private final List<String> from;
    private boolean publish = true;

    @DataBoundConstructor
    public ImportBuildStep(String target, List<String> from) {
        this.target = target;
        this.from = from == null ? new ArrayList<>() : new ArrayList<>(from);
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

    /**
     * Whether to publish the imported builds, as {@code publishRepo(target: ..., builds: ...)} does, after
     * importing them (default true; the command line's {@code import --no-publish} is {@code publish: false}).
     */
    @DataBoundSetter
    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** Waits for the agent on a thread of its own; an abort interrupts the agent's work. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient ImportBuildStep step;

        Execution(StepContext context, ImportBuildStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GroovyValues.map(ImportWork.importBuilds(step.target, step.from, step.publish,
                    getContext().get(Run.class), getContext().get(FilePath.class),
                    getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name, context and form. */
    @Extension
    public static final class DescriptorImpl extends TargetStepDescriptor {
        @Override
        public String getFunctionName() {
            return "importBuild";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Import builds made elsewhere into a repo target";
        }

        @POST
        public FormValidation doCheckFrom(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> ImportWork.checkFrom(value));
        }

        /** The locations' text area (one a line) becomes the {@code from} list; see {@link ListField}. */
        @Override
        public Step newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData)
                throws Descriptor.FormException {
            return super.newInstance(req, Forms.bindLists(formData, FROM));
        }
    }
}
