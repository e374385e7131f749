package io.jenkins.plugins.packagepipeline.build;

import java.util.Set;

/**
 * What one run of the engine builds.
 *
 * @param packageNames the packages to consider; empty for every package of the release
 * @param headOnly build only each package's head pair (skip the commits in between)
 * @param recheck rebuild each package's head pair when it is recorded FAILED (as DLRN's {@code --recheck}: a
 *     SUCCESS pair is refused, a RETRY pair is left to the retry rule)
 * @param forceRecheck also rebuild a head pair recorded SUCCESS (DLRN's {@code --force-recheck}); implies
 *     {@code recheck} and needs {@link BuildSettings#allowForceRechecks()}
 */
public record BuildOptions(Set<String> packageNames, boolean headOnly, boolean recheck, boolean forceRecheck) {

    public BuildOptions {
        packageNames = Set.copyOf(packageNames);
        recheck = recheck || forceRecheck;
    }

    /** Options without a forced recheck. */
    public BuildOptions(Set<String> packageNames, boolean headOnly, boolean recheck) {
        this(packageNames, headOnly, recheck, false);
    }

    /** Every package, every new commit. */
    public static BuildOptions all() {
        return new BuildOptions(Set.of(), false, false);
    }
}
