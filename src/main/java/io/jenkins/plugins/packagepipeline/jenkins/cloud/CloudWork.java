package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.DestroyResult;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.cloud.Provisioner;
import io.jenkins.plugins.packagepipeline.cloud.ServerSnapshot;
import io.jenkins.plugins.packagepipeline.cloud.Snapshots;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.config.PackagePipelineConfiguration;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.SystemCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
        return withCloud(cloudName, run, listener, "provision instance", () -> arguments.lease(step),
                (cloud, session, log) -> {
                    InstanceSpec spec = arguments.toSpec(step, cloud, origin(run));
                    Instance instance = new Provisioner(session).provision(spec, log.progress());
                    log.line("instance " + instance.name() + " (" + instance.id() + ") is " + instance.status()
                            + " at " + instance.accessAddress());
                    return instance;
                });
    }

    /** Snapshots a server, then keeps the newest {@code keep} snapshots of its label series (0: keep all). */
    static ServerSnapshot snapshot(String cloudName, String server, String name, Map<String, String> labels,
            boolean includeVolumes, int keep, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException {
        return withCloud(cloudName, run, listener, "snapshot " + server, (cloud, session, log) -> {
            Snapshots snapshots = new Snapshots(session);
            ServerSnapshot made = snapshots.snapshot(server, name, labels, includeVolumes,
                    cloud.provisionTimeout(), log.progress());
            log.line("snapshot " + made.name() + " is image " + made.imageId());
            if (keep > 0) {
                List<ServerSnapshot> removed = snapshots.retain(labels, keep, false, log.progress());
                log.line("kept the newest " + keep + " snapshots labelled " + labels + ", removed " + removed.size());
            }
            return made;
        });
    }

    /** Boots a new instance from a snapshot, with the instance arguments over the cloud's defaults. */
    static Instance restore(String cloudName, String snapshot, InstanceArguments arguments, Run<?, ?> run,
            TaskListener listener) throws IOException, InterruptedException {
        return withCloud(cloudName, run, listener, "restore " + snapshot, () -> arguments.lease("restoreInstance"),
                (cloud, session, log) -> {
                    InstanceSpec spec = arguments.toSpec("restoreInstance", cloud, origin(run));
                    Instance instance = new Snapshots(session).restore(snapshot, spec, log.progress());
                    log.line("instance " + instance.name() + " (" + instance.id() + ") is " + instance.status()
                            + " at " + instance.accessAddress());
                    return instance;
                });
    }

    /** Work done with a session to a configured cloud (the engine reports failures unchecked). */
    @FunctionalInterface
    private interface SessionWork<T> {
        T run(OpenStackCloud cloud, CloudSession session, ConsoleLog log);
    }

    private static <T> T withCloud(String cloudName, Run<?, ?> run, TaskListener listener, String what,
            SessionWork<T> work) throws IOException, InterruptedException {
        return withCloud(cloudName, run, listener, what, () -> { }, work);
    }

    /** {@code check} runs first: a bad argument fails before the cloud, its credentials or a session. */
    private static <T> T withCloud(String cloudName, Run<?, ?> run, TaskListener listener, String what,
            Runnable check, SessionWork<T> work) throws IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog(listener.getLogger(), SecretMasker.none());
        try {
            check.run();
            OpenStackCloud cloud = PackagePipelineConfiguration.get().cloud(cloudName);
            CloudCredentials credentials = CloudCredentialsLookup.of(cloud, SystemCredentials.forBuild(run));
            ConsoleLog masked = log.masking(credentials.secrets());
            log = masked;
            return masked.phase(what + " on cloud '" + cloud.getName() + "'",
                    () -> CloudLogin.withSession(cloud, credentials, masked.progress(),
                            session -> work.run(cloud, session, masked)));
        } catch (Exception e) {
            throw UserErrors.rethrow(e, log.masker());
        }
    }

    private static InstanceArguments.Origin origin(Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        return new InstanceArguments.Origin(root == null ? "jenkins" : root, run.getParent().getFullName(),
                String.valueOf(run.getNumber()));
    }

    static DestroyResult destroy(String cloudName, String reference, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException {
        return withCloud(cloudName, run, listener, "destroy instance " + reference,
                (cloud, session, log) -> new Provisioner(session).destroy(reference, log.progress()));
    }
}
