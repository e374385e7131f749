package io.jenkins.plugins.packagepipeline.jenkins.repo;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.SystemCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * What {@code publishRepo} and its Freestyle build step do, once: find the target, read its signing key and mirror
 * key from their credentials, publish (and mirror) on the agent of the workspace (where the data directory is),
 * record the outcome on the build's {@link PackagePipelineAction}, import the fresh builds into the target's DLRN
 * API from the controller, and turn user errors into {@code AbortException}s with the DLRN password masked.
 */
final class PublishWork {

    private PublishWork() {
    }

    /**
     * @param mirror whether to mirror to the target's secondary (if it has one)
     * @param dlrnImport whether to import into the target's DLRN API (if it has one)
     */
    static PublishOutcome publish(String targetName, boolean mirror, boolean dlrnImport, Run<?, ?> run,
            FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.none();
        try {
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            String owner = "Repo target '" + target.getName() + "'";
            String key = target.getSigningKeyCredentialsId() == null ? null
                    : secretFile(target.getSigningKeyCredentialsId(), owner, "the ASCII-armored signing key", run);
            PublishRequest.Mirror secondary = null;
            if (mirror && target.getMirrorTarget() != null) {
                secondary = new PublishRequest.Mirror(target.getMirrorTarget(), target.getMirrorSshPort(),
                        target.getMirrorKeyCredentialsId() == null ? null
                                : secretFile(target.getMirrorKeyCredentialsId(), owner, "the mirror's SSH key", run),
                        target.getMirrorKnownHosts());
            }
            PublishRequest request = new PublishRequest(target.getName(), target.getDataDirectory(),
                    target.getPublicBaseUrl(), key, secondary);
            PublishOutcome outcome = workspace.act(new PublishCallable(request, listener));
            PackagePipelineAction.record(run, outcome);
            if (dlrnImport && target.getDlrnApiUrl() != null) {
                StandardUsernamePasswordCredentials user = SystemCredentials.find(
                        StandardUsernamePasswordCredentials.class, target.getDlrnApiCredentialsId() == null ? ""
                                : target.getDlrnApiCredentialsId(), owner, "a username with password", run);
                String password = user.getPassword().getPlainText();
                masker = SecretMasker.of(password);
                ConsoleLog log = new ConsoleLog(listener.getLogger(), masker);
                try (DlrnApiClient client = new DlrnApiClient(URI.create(target.getDlrnApiUrl()), user.getUsername(),
                        password.toCharArray(), Duration.ofMinutes(5))) {
                    log.phase("import into the DLRN API at " + target.getDlrnApiUrl(),
                            () -> DlrnImport.importFresh(outcome, client, text -> log.line("  " + text)));
                }
            }
            return outcome;
        } catch (Exception e) {
            throw UserErrors.rethrow(e, masker);
        }
    }

    private static String secretFile(String id, String owner, String what, Run<?, ?> run) throws IOException {
        FileCredentials file = SystemCredentials.find(FileCredentials.class, id, owner, "a secret file (" + what + ")",
                run);
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
