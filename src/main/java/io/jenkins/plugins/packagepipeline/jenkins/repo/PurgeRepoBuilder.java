package io.jenkins.plugins.packagepipeline.jenkins.repo;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * "Purge old snapshots of a repo target", the Freestyle build step doing what {@code purgeRepo} does (for the
 * administrators' scheduled clean-up jobs).
 */
public final class PurgeRepoBuilder extends Builder implements SimpleBuildStep {

    private final String target;
    private final String olderThan;
    private boolean dryRun;
    private boolean mirror = true;

    @DataBoundConstructor
    public PurgeRepoBuilder(String target, String olderThan) {
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
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        PurgeWork.purge(target, olderThan, dryRun, mirror, run, workspace, listener);
    }

    /** The build step's name and form. */
    @Extension
    public static final class DescriptorImpl extends TargetBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Purge old snapshots of a repo target";
        }
    }
}
