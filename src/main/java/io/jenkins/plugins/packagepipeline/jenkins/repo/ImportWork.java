package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.BuildCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.CredentialsLookup;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.TargetCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.run.ImportOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackagePipelineAction;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What {@code importBuild} and its Freestyle build step do, once: check the locations (a badly written one fails
 * on the controller, before any credential or the agent), find the target, read its database credentials, import
 * on the agent of the workspace (where the data directory is), record the outcome on the build's
 * {@link PackagePipelineAction}, then, if asked, publish the imported builds exactly as
 * {@code publishRepo(target: ..., builds: <the imported builds>)} does ({@link PublishWork}: signed, mirrored,
 * imported into the target's DLRN API). User errors become {@code AbortException}s with the secrets masked.
 */
final class ImportWork {

    private ImportWork() {
    }

    /**
     * What the step did: the import, and the publish of the imported builds (null when not asked, or when nothing
     * new was imported).
     */
    record Done(ImportOutcome imported, PublishOutcome published) {
        /** As the step returns it; see {@link ImportOutcome#toMap(PublishOutcome)}. */
        Map<String, Object> toMap() {
            return imported.toMap(published);
        }
    }

    static Done importBuilds(String targetName, List<String> from, boolean publish, Run<?, ?> run,
            FilePath workspace, TaskListener listener) throws IOException, InterruptedException {
        ImportOutcome imported;
        SecretMasker masker = SecretMasker.none();
        try {
            RepoImporting.check(from); // a badly written location fails here, before the target, credentials or agent
            RepoTarget target = PackagePipelineConfiguration.get().repoTarget(targetName);
            ImportRequest request = request(target, from, BuildCredentials.of(run));
            masker = request.database().masker();
            imported = workspace.act(new ImportCallable(request, listener));
            PackagePipelineAction.record(run, imported);
        } catch (Exception e) {
            throw UserErrors.rethrow(e, masker);
        }
        if (!publish || imported.getRows().isEmpty()) {
            return new Done(imported, null);
        }
        try {
            return new Done(imported, PublishWork.publish(targetName, true, true, List.of(),
                    new PublishSelection(List.of(), imported.getBuildIds()), run, workspace, listener));
        } catch (AbortException e) {
            throw new AbortException("importBuild: imported and recorded " + imported.getRows().size() + " build(s),"
                    + " but publishing them failed: " + e.getMessage() + " Publish them with publishRepo(target: '"
                    + targetName + "') once that is fixed.");
        }
    }

    /** What the agent is asked to do; checks the locations before reading any credential. */
    static ImportRequest request(RepoTarget target, List<String> from, CredentialsLookup credentials) {
        List<String> locations = RepoImporting.check(from);
        return new ImportRequest(target.getName(), target.getDataDirectory(), target.getPublicBaseUrl(),
                PublishOptions.of(target), TargetCredentials.database(target, credentials), locations);
    }

    /** The form's check of the {@code from} text area (one location a line). */
    static FieldCheck checkFrom(String text) {
        try {
            RepoImporting.check(ImportBuildStep.FROM.parse(text));
            return FieldCheck.ok();
        } catch (PackagePipelineException e) {
            return FieldCheck.error(e.getMessage());
        }
    }
}
