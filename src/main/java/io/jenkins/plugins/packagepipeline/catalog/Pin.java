package io.jenkins.plugins.packagepipeline.catalog;

/**
 * What a package's {@code tags} entry pins for one release (rdoinfo's per-release tag): either branch may be null,
 * meaning the release's default.
 *
 * @param sourceBranch the upstream branch or tag to follow, or null
 * @param distgitBranch the distgit branch to follow, or null
 */
public record Pin(String sourceBranch, String distgitBranch) {
    static final Pin RELEASE_DEFAULTS = new Pin(null, null);
}
