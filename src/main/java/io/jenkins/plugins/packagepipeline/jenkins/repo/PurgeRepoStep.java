package io.jenkins.plugins.packagepipeline.jenkins.repo;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.run.GroovyValues;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code purgeRepo(target: 'trunk', olderThan: '14d')}: removes the repository snapshots of builds finished longer
 * ago than that duration (a bare number is days), as DLRN's purge does, on the agent of the enclosing {@code node}
 * (the one holding the target's data directory). Never a package's newest successful build, nor what
 * {@code current} or {@code consistent} name; records and logs stay. {@code dryRun: true} only reports. Returns what
 * was purged.
 */
public final class PurgeRepoStep extends Step {

    private final String target;
    private final String olderThan;
    private boolean dryRun;
    private boolean mirror = true;

    @DataBoundConstructor
    public PurgeRepoStep(String target, String olderThan) {
        this.target = target;
        this.olderThan = olderThan;
    }

    public String getTarget() {
        return target;
    }

    public String getOlderThan() {
        return olderThan;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Only report what would be purged; change nothing (default false). */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isMirror() {
        return mirror;
    }

    /** Whether to bring the target's secondary in line after purging, if it has one (default true). */
    @DataBoundSetter
    public void setMirror(boolean mirror) {
        this.mirror = mirror;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /** Waits for the agent on a thread of its own; an abort interrupts the agent's work. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient PurgeRepoStep step;

        Execution(StepContext context, PurgeRepoStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return GroovyValues.map(PurgeWork.purge(step.target, step.olderThan, step.dryRun, step.mirror,
                    getContext().get(Run.class), getContext().get(FilePath.class),
                    getContext().get(TaskListener.class)).toMap());
        }
    }

    /** The step's name, context and form. */
    @Extension
    public static final class DescriptorImpl extends TargetStepDescriptor {
        @Override
        public String getFunctionName() {
            return "purgeRepo";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Purge old snapshots of a repo target";
        }
    }
}
