package io.jenkins.plugins.packagepipeline.catalog;

/**
 * A catalog package as one release builds it: with the upstream and distgit branches it follows there (the
 * package's pin, else the release's default).
 */
public record PackageInRelease(CatalogPackage definition, String release, String sourceBranch,
        String distgitBranch) {

    public String name() {
        return definition.name();
    }

    /** The spec's file name at the root of the distgit: {@code <name>.spec}. */
    public String specFileName() {
        return definition.name() + ".spec";
    }
}
