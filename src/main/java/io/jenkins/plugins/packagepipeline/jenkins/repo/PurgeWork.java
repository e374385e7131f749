package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.BuildCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.CredentialsLookup;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.TargetCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.PurgeOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;

/**
 * What {@code purgeRepo} and its Freestyle build step do, once: check {@code olderThan} (so a bad value fails on
 * the controller, before the agent is contacted), find the target, read its database credentials
 * (and mirror key), purge on the agent of the workspace, record the outcome on the build's
 * {@link PackagePipelineAction}, and turn user errors into {@code AbortException}s with the
 * database password masked.
 */
final class PurgeWork {

    private PurgeWork() {
    }

    static PurgeOutcome purge(String targetName, String olderThan, boolean dryRun, boolean mirror, Run<?, ?> run,
            FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.none();
        try {
            RepoPurging.age(olderThan); // a bad value fails here, before the target, credentials or agent
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            PurgeRequest request = request(target, olderThan, dryRun, mirror, BuildCredentials.of(run));
            masker = request.database().masker();
            PurgeOutcome outcome = workspace.act(new PurgeCallable(request, listener));
            PackagePipelineAction.record(run, outcome);
            return outcome;
        } catch (Exception e) {
            throw UserErrors.rethrow(e, masker);
        }
    }

    /** What the agent is asked to do; checks {@code olderThan} and the target's settings before any credential. */
    static PurgeRequest request(RepoTarget target, String olderThan, boolean dryRun, boolean mirror,
            CredentialsLookup credentials) throws IOException {
        RepoPurging.age(olderThan);
        PublishOptions options = PublishOptions.of(target);
        PublishRequest.Mirror secondary = mirror && !dryRun ? PublishWork.secondary(target, credentials) : null;
        return new PurgeRequest(target.getName(), target.getDataDirectory(), target.getPublicBaseUrl(),
                TargetCredentials.database(target, credentials), olderThan, dryRun, secondary, options);
    }
}
