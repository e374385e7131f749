package io.jenkins.plugins.packagepipeline.jenkins.repo;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.BuildCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.CredentialsLookup;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.TargetCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What {@code publishRepo} and its Freestyle build step do, once: find the target, read its signing key and
 * passphrase, mirror key and database credentials, publish (and mirror) on the agent of the workspace (where the
 * data directory is), record the outcome on the build's {@link PackagePipelineAction}, import the fresh builds into
 * the target's DLRN API from the controller, and turn user errors into {@code AbortException}s with every secret
 * masked.
 */
final class PublishWork {

    private PublishWork() {
    }

    /**
     * @param mirror whether to mirror to the target's secondary (if it has one)
     * @param dlrnImport whether to import into the target's DLRN API (if it has one)
     * @param selection which builds to publish
     */
    static PublishOutcome publish(String targetName, boolean mirror, boolean dlrnImport, PublishSelection selection,
            Run<?, ?> run, FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.none();
        try {
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            CredentialsLookup credentials = BuildCredentials.of(run);
            PublishRequest request = request(target, mirror, selection, credentials);
            StandardUsernamePasswordCredentials dlrnUser = dlrnImport
                    ? TargetCredentials.dlrnApiUser(target, credentials) : null;
            masker = masker(request, dlrnUser);
            PublishOutcome outcome = workspace.act(new PublishCallable(request, listener));
            PackagePipelineAction.record(run, outcome);
            if (dlrnUser != null) {
                importIntoDlrn(target, dlrnUser, outcome, listener, masker);
            }
            return outcome;
        } catch (Exception e) {
            throw UserErrors.rethrow(e, masker);
        }
    }

    /**
     * The request for the agent: the target's settings with the secrets of its credentials; a bad setting fails
     * before any credential is read.
     */
    static PublishRequest request(RepoTarget target, boolean mirror, PublishSelection selection,
            CredentialsLookup credentials) throws IOException {
        PublishOptions options = PublishOptions.of(target);
        String key = TargetCredentials.signingKey(target, credentials);
        PublishRequest.Signing signing = key == null ? null
                : new PublishRequest.Signing(key, TargetCredentials.signingPassphrase(target, credentials));
        return new PublishRequest(target.getName(), target.getDataDirectory(), target.getPublicBaseUrl(), signing,
                mirror ? secondary(target, credentials) : null, TargetCredentials.database(target, credentials),
                selection, options);
    }

    /** Hides every secret a publish uses in console lines and messages: the request's and the DLRN API's. */
    static SecretMasker masker(PublishRequest request, StandardUsernamePasswordCredentials dlrnUser) {
        return dlrnUser == null ? request.masker()
                : request.masker().with(List.of(dlrnUser.getPassword().getPlainText()));
    }

    /** The target's secondary with its SSH key, or null when it has none. */
    static PublishRequest.Mirror secondary(RepoTarget target, CredentialsLookup credentials) throws IOException {
        return target.getMirrorTarget() == null ? null
                : new PublishRequest.Mirror(target.getMirrorTarget(), target.getMirrorSshPort(),
                        TargetCredentials.mirrorKey(target, credentials), target.getMirrorKnownHosts(),
                        target.getMirrorKeyCredentialsId());
    }

    private static void importIntoDlrn(RepoTarget target, StandardUsernamePasswordCredentials user,
            PublishOutcome outcome, TaskListener listener, SecretMasker masker) throws Exception {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), masker);
        try (DlrnApiClient client = new DlrnApiClient(URI.create(target.getDlrnApiUrl()), user.getUsername(),
                user.getPassword().getPlainText().toCharArray(), Duration.ofMinutes(5))) {
            log.phase("import into the DLRN API at " + target.getDlrnApiUrl(),
                    () -> DlrnImport.importFresh(outcome, client, text -> log.line("  " + text)));
        }
    }
}
