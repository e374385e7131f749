package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.SystemCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * What {@code publishRepo} and the Freestyle "Publish a repo target" build step do, once: find the target, read
 * its signing key from its credentials, publish on the agent of the workspace (where the data directory is), record
 * the outcome on the build's {@link PackagePipelineAction}, and turn user errors into {@code AbortException}s.
 */
final class PublishWork {

    private PublishWork() {
    }

    static PublishOutcome publish(String targetName, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        try {
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            String key = null;
            if (target.getSigningKeyCredentialsId() != null) {
                FileCredentials file = SystemCredentials.find(FileCredentials.class,
                        target.getSigningKeyCredentialsId(), "Repo target '" + target.getName() + "'",
                        "a secret file (the ASCII-armored signing key)", run);
                try (InputStream in = file.getContent()) {
                    key = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            PublishRequest request = new PublishRequest(target.getName(), target.getDataDirectory(),
                    target.getPublicBaseUrl(), key);
            PublishOutcome outcome = workspace.act(new PublishCallable(request, listener));
            PackagePipelineAction.record(run, outcome);
            return outcome;
        } catch (Exception e) {
            throw UserErrors.rethrow(e, SecretMasker.none());
        }
    }
}
