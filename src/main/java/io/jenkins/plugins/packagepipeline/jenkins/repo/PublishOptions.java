package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a repo target's repositories are published, as its settings {@code sources}, {@code components} and
 * {@code toolTimeout} say (the command line's {@code --sources}, {@code --components} and {@code --tool-timeout}).
 * It crosses the agent channel in {@link PublishRequest} and {@link PurgeRequest}, the timeout already checked on
 * the controller.
 *
 * @param sources whether SRPMs are part of the repositories
 * @param components whether each snapshot holds one sub-repository per catalog component, with an aggregate
 *     {@code .repo} file, instead of one flat repository
 * @param toolTimeout how long one run of createrepo_c, rpmsign, gpg, rsync or ssh, or a wait for the publish lock,
 *     may take
 */
public record PublishOptions(boolean sources, boolean components, Duration toolTimeout) implements Serializable {

    public PublishOptions {
        Objects.requireNonNull(toolTimeout, "toolTimeout");
    }

    /** The engine's defaults: no SRPMs, one flat repository, its tool timeout. */
    public static PublishOptions defaults() {
        RepoConfig engine = RepoConfig.defaults(Path.of("/"));
        return new PublishOptions(engine.includeSources(), engine.components(), engine.toolTimeout());
    }

    /**
     * The options a repo target's settings give.
     *
     * @throws io.jenkins.plugins.packagepipeline.PackagePipelineException naming the target, the setting and the
     *     value, when its {@code toolTimeout} is not a duration within limits
     */
    public static PublishOptions of(RepoTarget target) {
        return new PublishOptions(target.isSources(), target.isComponents(), target.toolTimeout());
    }

    /** {@code config} with these options. */
    RepoConfig applyTo(RepoConfig config) {
        return config.withSources(sources).withComponents(components).withToolTimeout(toolTimeout);
    }
}
