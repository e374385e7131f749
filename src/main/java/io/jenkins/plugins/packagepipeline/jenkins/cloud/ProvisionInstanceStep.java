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
 * {@code provisionInstance(cloud: 'rdo', image: ..., flavor: ...)}: creates an instance on a configured cloud and
 * returns what describes it (id, name, address, floating IP, key pair, volumes, every resource created) as a map.
 * The instance outlives the step: destroy it with {@code destroyInstance}, or use {@code withInstance} instead.
 */
public final class ProvisionInstanceStep extends InstanceStep {

    @DataBoundConstructor
    public ProvisionInstanceStep(String cloud) {
        super(cloud);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, getCloud(), arguments);
    }

    /** Provisions on a thread of its own, so the Pipeline is not blocked; an abort interrupts and cleans up. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient String cloud;
        private final transient InstanceArguments arguments;

        Execution(StepContext context, String cloud, InstanceArguments arguments) {
            super(context);
            this.cloud = cloud;
            this.arguments = arguments;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GroovyValues.map(CloudWork.provision("provisionInstance", cloud, arguments,
                    getContext().get(Run.class), getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name; its context and cloud list come from {@link CloudStepDescriptor}. */
    @Extension
    public static final class DescriptorImpl extends CloudStepDescriptor {
        @Override
        public String getFunctionName() {
            return "provisionInstance";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Provision an OpenStack instance";
        }

        @POST
        public FormValidation doCheckLease(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> InstanceArguments.checkLease(value));
        }
    }
}
