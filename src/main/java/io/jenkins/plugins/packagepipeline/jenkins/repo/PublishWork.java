package io.jenkins.plugins.packagepipeline.jenkins.repo;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
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
 * data directory is), record the outcome on the build's {@link PackagePipelineAction} (also when the mirror then
 * failed), import every published build the target's DLRN API lacks from the controller ({@link DlrnImport}), and
 * turn user errors into {@code AbortException}s with every secret masked.
 */
final class PublishWork {

    private PublishWork() {
    }

    /**
     * @param mirror whether to mirror to the target's secondary (if it has one)
     * @param dlrnImport whether to import into the target's DLRN API (if it has one)
     * @param dlrnSkip builds to record skipped for the target's DLRN API before anything is published
     *     ({@link DlrnImport#skip}), which needs the DLRN import; null (a build step saved before the argument
     *     existed) for none
     * @param selection which builds to publish
     */
    static PublishOutcome publish(String targetName, boolean mirror, boolean dlrnImport, List<String> dlrnSkip,
            PublishSelection selection, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.none();
        try {
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            CredentialsLookup credentials = BuildCredentials.of(run);
            PublishRequest request = request(target, mirror, selection, credentials);
            StandardUsernamePasswordCredentials dlrnUser = dlrnImport
                    ? TargetCredentials.dlrnApiUser(target, credentials) : null;
            masker = masker(request, dlrnUser);
            if (dlrnSkip != null && !dlrnSkip.isEmpty()) {
                if (dlrnUser == null) {
                    throw new PackagePipelineException("dlrnSkip " + dlrnSkip + " needs the DLRN import: "
                            + (target.getDlrnApiUrl() == null ? "repo target '" + target.getName() + "' has no DLRN"
                                    + " API" : "dlrnImport is false") + "; a build is skipped for one DLRN API.");
                }
                ConsoleLog log = new ConsoleLog(listener.getLogger(), masker);
                log.phase("skip builds for the DLRN API at " + target.getDlrnApiUrl(), () -> {
                    DlrnImport.skip(request, workspace::act, URI.create(target.getDlrnApiUrl()), dlrnSkip,
                            log.progress()::progress);
                    return null;
                });
            }
            PublishOutcome outcome = workspace.act(new PublishCallable(request, listener));
            PackagePipelineAction.record(run, outcome);
            PackagePipelineException dlrnFailure = null;
            if (dlrnUser != null) {
                try {
                    importIntoDlrn(target, request, dlrnUser, workspace::act, listener, masker);
                } catch (PackagePipelineException e) {
                    dlrnFailure = e;
                }
            }
            PackagePipelineException failure = failure(outcome, dlrnFailure);
            if (failure != null) {
                throw failure;
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

    /**
     * How a publish that was made (and recorded) still fails the step: its mirror failed, its DLRN import failed, or
     * both (one line naming both); null when neither did. The DLRN import runs after a failed mirror too: DLRN
     * fetches the builds from the public URL, not from the secondary.
     */
    static PackagePipelineException failure(PublishOutcome outcome, PackagePipelineException dlrnFailure) {
        String mirrorFailure = outcome.getMirrorFailure();
        if (mirrorFailure == null) {
            return dlrnFailure;
        }
        return new PackagePipelineException(dlrnFailure == null ? mirrorFailure
                : mirrorFailure + " The DLRN import failed too: " + dlrnFailure.getMessage(), dlrnFailure);
    }

    private static void importIntoDlrn(RepoTarget target, PublishRequest request,
            StandardUsernamePasswordCredentials user, DlrnImport.Agent agent, TaskListener listener,
            SecretMasker masker) throws Exception {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), masker);
        try (DlrnApiClient client = new DlrnApiClient(URI.create(target.getDlrnApiUrl()), user.getUsername(),
                user.getPassword().getPlainText().toCharArray(), Duration.ofMinutes(5))) {
            log.phase("import into the DLRN API at " + target.getDlrnApiUrl(),
                    () -> DlrnImport.importPending(request, agent, client, text -> log.line("  " + text)));
        }
    }
}
