package io.jenkins.plugins.packagepipeline.catalog;

/**
 * A release of the catalog (rdoinfo's "releases"): its name and the branches its packages follow by default.
 *
 * @param sourceBranch the upstream branch or tag followed unless a package's tag pins another
 * @param distgitBranch the distgit branch followed unless a package's tag pins another
 */
public record Release(String name, String sourceBranch, String distgitBranch) {
}
