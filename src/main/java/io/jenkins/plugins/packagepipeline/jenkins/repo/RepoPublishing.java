package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PrivateFiles;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.repo.PublishResult;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import io.jenkins.plugins.packagepipeline.repo.RepoPublisher;
import io.jenkins.plugins.packagepipeline.repo.mirror.MirrorTarget;
import io.jenkins.plugins.packagepipeline.repo.mirror.RsyncMirror;
import io.jenkins.plugins.packagepipeline.repo.mirror.SshAgent;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code publishRepo} does on the agent that holds the data directory: opens the target's build database
 * (SQLite in the data directory, or PostgreSQL), publishes the selected builds (by default every package's latest
 * build) with the repo engine, signed with the key and passphrase of the target's credentials (a build already
 * published is reused, so publishing again is harmless), mirrors the repos to the target's secondary if it has
 * one, and sums up what was published. Nothing Jenkins-specific: the glue only runs it on the right agent.
 */
public final class RepoPublishing {

    /** How much longer than the longest push the mirror's key stays in its agent. */
    private static final Duration AGENT_MARGIN = Duration.ofMinutes(1);

    private RepoPublishing() {
    }

    /**
     * Copies the published repos to the target's secondary; the SSH key is held by a private ssh-agent and
     * known_hosts is a private file while rsync runs, both under the system's temporary directory.
     */
    static void mirror(RepoConfig config, PublishRequest.Mirror mirror, Consumer<String> progress)
            throws IOException, InterruptedException {
        mirror(config, mirror, progress, PrivateFiles.systemTemp());
    }

    /**
     * Copies the published repos to the target's secondary with rsync over SSH. The SSH key of the target's
     * credentials never lies in a file: a private ssh-agent ({@link SshAgent}, its socket in an owner-only directory
     * under {@code tempDir}) takes it through ssh-add's standard input and rsync and ssh reach it through
     * SSH_AUTH_SOCK; known_hosts, not secret, is an owner-only file in an owner-only directory there. When rsync is
     * done, whether it succeeded or not, the agent is stopped and both directories are deleted; no line of progress
     * names the key.
     */
    static void mirror(RepoConfig config, PublishRequest.Mirror mirror, Consumer<String> progress, Path tempDir)
            throws IOException, InterruptedException {
        try (PrivateFiles files = PrivateFiles.in(tempDir)) {
            Path knownHosts = mirror.knownHosts() == null ? null : files.write("known_hosts", mirror.knownHosts());
            MirrorTarget target = MirrorTarget.parse(mirror.destination(), mirror.port(), null, knownHosts);
            try (SshAgent agent = mirror.privateKey() == null ? null // a bad destination failed before the agent
                    : SshAgent.start(tempDir, RsyncMirror.longestPush(config).plus(AGENT_MARGIN))) {
                if (agent != null) {
                    agent.add(mirror.privateKey(), "of repo target '" + config.repoName() + "'"
                            + (mirror.keyCredentialsId() == null ? "" : " (credentials '" + mirror.keyCredentialsId()
                                    + "')"));
                    target = target.withAgent(agent);
                }
                progress.accept("mirroring to " + target);
                progress.accept(new RsyncMirror(config, target).push().summary());
            }
        }
    }

    /**
     * Publishes the request's selection of builds (by default every package's latest build), then mirrors. A mirror
     * that fails does not undo the publish: the outcome says why it failed ({@link PublishOutcome#getMirrorFailure()}),
     * so that the caller records what was published before it fails the step.
     *
     * @throws PackagePipelineException with a message saying what to fix (no build database, an unknown build,
     *     a wrong passphrase: the served repositories stay as they were)
     */
    public static PublishOutcome publish(PublishRequest request, Consumer<String> progress)
            throws IOException, InterruptedException {
        return publish(request, progress, PrivateFiles.systemTemp());
    }

    /** {@link #publish(PublishRequest, Consumer)}, the mirror's private files under {@code tempDir}. */
    static PublishOutcome publish(PublishRequest request, Consumer<String> progress, Path tempDir)
            throws IOException, InterruptedException {
        Path dataDir = Path.of(request.dataDirectory());
        String owner = "Repo target '" + request.target() + "'";
        RepoConfig config = config(request.target(), dataDir, request.publicBaseUrl(), request.options());
        PublishRequest.Signing signing = request.signing();
        try (BuildStore store = request.database().open(dataDir, true, owner);
                SigningKey key = signing == null ? null
                        : SigningKey.of(signing.armoredKey(), signing.passphraseChars())) {
            List<BuildRecord> builds = request.selection().select(store, owner);
            List<PublishResult> results = new RepoPublisher(config, store).onProgress(progress).publish(builds, key);
            String reposUrl = config.publicUrlOf("");
            List<PackageRow> rows = results.stream()
                    .map(r -> PackageRow.of(r.build(), reposUrl, r.snapshotDir() != null,
                            r.snapshotDir() != null && !r.reused())).toList();
            RepoPointers pointers = new RepoPointers(config.reposDir());
            Optional<String> current = pointers.target(RepoPointers.CURRENT);
            boolean consistent = current.isPresent() && current.equals(pointers.target(RepoPointers.CONSISTENT));
            PublishOutcome outcome = new PublishOutcome(request.target(), rows,
                    config.publicUrlOf(RepoPointers.CURRENT + "/"), config.publicUrlOf("status_report.html"),
                    consistent);
            if (request.mirror() != null) {
                try {
                    mirror(config, request.mirror(), progress, tempDir);
                } catch (PackagePipelineException e) {
                    String failure = request.masker().mask(e.getMessage()); // the outcome is saved with the build
                    progress.accept("mirror failed: " + failure);
                    return outcome.withMirrorFailure(failure);
                }
            }
            return outcome;
        }
    }

    /** The engine's configuration of a repo target's repositories: its name, public URL and publish options. */
    static RepoConfig config(String target, Path dataDir, String publicBaseUrl, PublishOptions options) {
        RepoConfig config = options.applyTo(RepoConfig.defaults(dataDir).withRepoName(target));
        return publicBaseUrl == null ? config : config.withPublicUrl(URI.create(publicBaseUrl));
    }
}
