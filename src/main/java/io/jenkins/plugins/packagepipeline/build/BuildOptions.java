package io.jenkins.plugins.packagepipeline.build;

import java.util.Set;

/**
 * What one run of the engine builds.
 *
 * @param packageNames the packages to consider; empty for every package of the release
 * @param headOnly build only each package's head pair (skip the commits in between)
 * @param recheck rebuild each package's head pair even when it was already built
 */
public record BuildOptions(Set<String> packageNames, boolean headOnly, boolean recheck) {

    public BuildOptions {
        packageNames = Set.copyOf(packageNames);
    }

    /** Every package, every new commit. */
    public static BuildOptions all() {
        return new BuildOptions(Set.of(), false, false);
    }
}
