package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.cloud.DestroyResult;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.cloud.Provisioner;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * What the cloud steps do, once: find the cloud by name, its credentials, open a session, call the engine, log each
 * phase with its duration and the engine's progress (secrets masked), and turn user errors into
 * {@code AbortException}s. If the build is aborted while provisioning, the engine removes what it created before
 * the interruption surfaces.
 */
final class CloudWork {

    private CloudWork() {
    }

    static Instance provision(String step, String cloudName, InstanceArguments arguments, Run<?, ?> run,
            TaskListener listener) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), SecretMasker.none());
        try {
            OpenStackCloud cloud = PackagePipelineConfiguration.get().cloud(cloudName);
            String root = Jenkins.get().getRootUrl();
            InstanceSpec spec = arguments.toSpec(step, cloud, new InstanceArguments.Origin(
                    root == null ? "jenkins" : root, run.getParent().getFullName(), String.valueOf(run.getNumber())));
            CloudCredentials credentials = CloudCredentialsLookup.of(cloud, run);
            ConsoleLog masked = log.masking(credentials.secrets());
            log = masked;
            Instance instance = masked.phase("provision instance on cloud '" + cloud.getName() + "'",
                    () -> CloudLogin.withSession(cloud, credentials, masked.progress(),
                            session -> new Provisioner(session).provision(spec, masked.progress())));
            masked.line("instance " + instance.name() + " (" + instance.id() + ") is " + instance.status()
                    + " at " + instance.accessAddress());
            return instance;
        } catch (Exception e) {
            throw UserErrors.rethrow(e, log.masker());
        }
    }

    static DestroyResult destroy(String cloudName, String reference, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), SecretMasker.none());
        try {
            OpenStackCloud cloud = PackagePipelineConfiguration.get().cloud(cloudName);
            CloudCredentials credentials = CloudCredentialsLookup.of(cloud, run);
            ConsoleLog masked = log.masking(credentials.secrets());
            log = masked;
            return masked.phase("destroy instance " + reference + " on cloud '" + cloud.getName() + "'",
                    () -> CloudLogin.withSession(cloud, credentials, masked.progress(),
                            session -> new Provisioner(session).destroy(reference, masked.progress())));
        } catch (Exception e) {
            throw UserErrors.rethrow(e, log.masker());
        }
    }
}
