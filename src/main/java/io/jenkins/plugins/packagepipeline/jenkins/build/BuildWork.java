package io.jenkins.plugins.packagepipeline.jenkins.build;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.BuildCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.TargetCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;

/**
 * What {@code buildPackage} and the Freestyle "Build packages" step do, once: merge the arguments over the repo
 * target's defaults, build on the agent of the workspace, record the outcome on the build's page and apply the
 * {@link BuildVerdict}: UNSTABLE marks the build and returns, FAILURE fails the step with the summary.
 */
final class BuildWork {

    private BuildWork() {
    }

    static BuildOutcome build(BuildArguments arguments, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        BuildOutcome outcome;
        SecretMasker masker = SecretMasker.none();
        try {
            RepoTarget target = arguments.getTarget() == null ? null
                    : PackagePipelineConfiguration.get().repoTarget(arguments.getTarget());
            BuildDatabase database = database(arguments, target, run);
            masker = database.masker();
            outcome = workspace.act(new BuildCallable(arguments.plan(target), database, listener));
        } catch (Exception e) {
            throw UserErrors.rethrow(e, masker);
        }
        PackagePipelineAction.record(run, outcome);
        switch (BuildVerdict.valueOf(outcome.getVerdict())) {
            case UNSTABLE -> {
                listener.getLogger().println(ConsoleLog.PREFIX + "some packages failed, build marked UNSTABLE: "
                        + outcome.getSummary());
                run.setResult(Result.UNSTABLE);
            }
            case FAILURE -> throw new AbortException("buildPackage: every package failed: " + outcome.getSummary());
            case SUCCESS -> { }
        }
        return outcome;
    }

    /**
     * The target's build database, unless the step names its own data directory: a {@code dataDirectory:} of its own
     * has its own SQLite database.
     */
    static BuildDatabase database(BuildArguments arguments, RepoTarget target, Run<?, ?> run) {
        return target == null || arguments.getDataDirectory() != null ? BuildDatabase.inDataDirectory()
                : TargetCredentials.database(target, BuildCredentials.of(run));
    }
}
