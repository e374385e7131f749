package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code restoreInstance(cloud: 'rdo', snapshot: imageId)}: boots a new instance from a snapshot made by
 * {@code snapshotInstance} (its volumes recreated from their snapshots and attached), with the same arguments as
 * {@code provisionInstance} for everything else; returns the same map. Destroy it with {@code destroyInstance}.
 */
public final class RestoreInstanceStep extends InstanceStep {

    private final String snapshot;

    @DataBoundConstructor
    public RestoreInstanceStep(String cloud, String snapshot) {
        super(cloud);
        this.snapshot = snapshot;
    }

    public String getSnapshot() {
        return snapshot;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** Restores on a thread of its own; an abort interrupts and the engine removes what it created. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient RestoreInstanceStep step;

        Execution(StepContext context, RestoreInstanceStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            if (step.snapshot == null || step.snapshot.isBlank()) {
                throw new hudson.AbortException("restoreInstance: pass snapshot: the image id or name that"
                        + " snapshotInstance returned.");
            }
            return GroovyValues.map(CloudWork.restore(step.getCloud(), step.snapshot.strip(), step.arguments,
                    getContext().get(Run.class), getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name; its context and cloud list come from {@link CloudStepDescriptor}. */
    @Extension
    public static final class DescriptorImpl extends CloudStepDescriptor {
        @Override
        public String getFunctionName() {
            return "restoreInstance";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Restore an OpenStack instance from a snapshot";
        }

        @POST
        public FormValidation doCheckLease(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> InstanceArguments.checkLease(value));
        }
    }
}
