package io.jenkins.plugins.packagepipeline.jenkins.build;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildOptions;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@code buildPackage} run needs on the agent, after merging the step's arguments over the repo
 * target's defaults: an argument given wins, one left out takes the target's value, and the engine's embedded
 * defaults fill the rest. Crosses the agent channel; holds no secret.
 *
 * @param target the repo target's name, or null when the step names a data directory itself
 * @param dataDirectory absolute data directory on the agent
 * @param publicBaseUrl where the data directory's {@code repos} directory is served, or null
 * @param catalog the catalog file: absolute, or relative to the workspace
 * @param packages the packages to build; empty for every package of the release
 * @param release the catalog release, or null for the catalog's first
 * @param builder {@code rpmbuild} or {@code mock}
 * @param workers how many builds run at once
 * @param dist the {@code %{dist}} tag, or null for the engine's default
 * @param buildTimeout how long one build may run, or null for the engine's default
 * @param headOnly build only each package's newest commit pair
 * @param recheck rebuild head pairs recorded FAILED
 * @param forceRecheck rebuild head pairs recorded SUCCESS too
 * @param allowForceRechecks whether the repo target allows forced rechecks (never without a target)
 */
public record BuildPlan(String target, String dataDirectory, String publicBaseUrl, String catalog,
        List<String> packages, String release, String builder, int workers, String dist, Duration buildTimeout,
        boolean headOnly, boolean recheck, boolean forceRecheck, boolean allowForceRechecks)
        implements Serializable {

    public BuildPlan {
        packages = List.copyOf(packages);
    }

    /** The data directory, or a message saying what to pass. */
    static String requireDataDirectory(String target, String dataDirectory) {
        if (dataDirectory == null) {
            throw new PackagePipelineException("buildPackage: pass target: '<repo target>' (whose data directory and"
                    + " builder defaults apply) or dataDirectory: '/absolute/path'.");
        }
        if (!dataDirectory.startsWith("/")) {
            throw new PackagePipelineException("buildPackage: the data directory '" + dataDirectory + "'"
                    + (target == null ? "" : " of repo target '" + target + "'") + " must be an absolute path.");
        }
        return dataDirectory;
    }

    /** The engine's settings for this plan. */
    public BuildSettings settings() {
        BuildSettings settings = BuildSettings.defaults(Path.of(dataDirectory)).withBuilder(builder)
                .withWorkers(workers).withRelease(release).withAllowForceRechecks(allowForceRechecks);
        if (dist != null) {
            settings = settings.withDist(dist);
        }
        if (buildTimeout != null) {
            settings = settings.withBuildTimeout(buildTimeout);
        }
        return settings;
    }

    /** The engine's options for this plan. */
    public BuildOptions options() {
        return new BuildOptions(Set.copyOf(packages), headOnly, recheck, forceRecheck);
    }

    /** The catalog file, relative paths taken from the workspace. */
    public Path catalogFile(Path workspace) {
        if (catalog == null) {
            throw new PackagePipelineException("buildPackage: pass catalog: the path of the package catalog (YAML),"
                    + " absolute or relative to the workspace.");
        }
        return workspace.resolve(catalog).normalize();
    }
}
