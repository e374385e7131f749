package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code destroyInstance(cloud: 'rdo', id: server.id)}: removes an instance made by {@code provisionInstance} and
 * everything created with it (volumes, floating IP, generated key pair). {@code id} may be the server id, its
 * name or the allocation id. Servers not created by Package Pipeline are refused; repeating is harmless. Returns
 * what was removed.
 */
public final class DestroyInstanceStep extends Step {

    private final String cloud;
    private final String id;

    @DataBoundConstructor
    public DestroyInstanceStep(String cloud, String id) {
        this.cloud = cloud;
        this.id = id;
    }

    public String getCloud() {
        return cloud;
    }

    public String getId() {
        return id;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, cloud, id);
    }

    /** Destroys on a thread of its own. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient String cloud;
        private final transient String id;

        Execution(StepContext context, String cloud, String id) {
            super(context);
            this.cloud = cloud;
            this.id = id;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            if (id == null || id.isBlank()) {
                throw new hudson.AbortException("destroyInstance: pass id: the server id, name or allocation id"
                        + " that provisionInstance returned.");
            }
            return GroovyValues.map(CloudWork.destroy(cloud, id.strip(), getContext().get(Run.class),
                    getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name; its context and cloud list come from {@link CloudStepDescriptor}. */
    @Extension
    public static final class DescriptorImpl extends CloudStepDescriptor {
        @Override
        public String getFunctionName() {
            return "destroyInstance";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Destroy an OpenStack instance made by provisionInstance";
        }
    }
}
