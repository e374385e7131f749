package io.jenkins.plugins.packagepipeline.catalog;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The package catalog (rdoinfo/distroinfo's spirit): which packages exist, where their upstream sources and
 * distgits are, and which branches each release follows. Load one with {@link CatalogLoader#load(Path)}.
 *
 * @param file where it was read from, for messages
 * @param releases the releases, the first being the default
 * @param packages the packages, in file order
 */
public record Catalog(Path file, List<Release> releases, List<CatalogPackage> packages) {

    public Catalog {
        releases = List.copyOf(releases);
        packages = List.copyOf(packages);
    }

    /** The named release, or the first one when {@code name} is null. */
    public Release release(String name) {
        if (name == null) {
            return releases.get(0);
        }
        return releases.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new PackagePipelineException("Release '" + name + "' is not in the catalog "
                        + file + " (releases: " + String.join(", ", releases.stream().map(Release::name).toList())
                        + ")."));
    }

    public Optional<CatalogPackage> find(String packageName) {
        return packages.stream().filter(p -> p.name().equals(packageName)).findFirst();
    }

    /**
     * The packages of a release with the branches they follow there, in catalog order; only those named when
     * {@code names} is not empty.
     *
     * @throws PackagePipelineException when a name is not in the catalog or not in that release
     */
    public List<PackageInRelease> packagesIn(String releaseName, Collection<String> names) {
        Release release = release(releaseName);
        for (String name : names) {
            CatalogPackage named = find(name).orElseThrow(() -> new PackagePipelineException("Package '" + name
                    + "' is not in the catalog " + file + "."));
            if (!named.isIn(release.name())) {
                throw new PackagePipelineException("Package '" + name + "' of the catalog " + file
                        + " is not in release '" + release.name() + "' (its tags: "
                        + String.join(", ", named.tags().keySet()) + ").");
            }
        }
        return packages.stream()
                .filter(p -> names.isEmpty() || names.contains(p.name()))
                .filter(p -> p.isIn(release.name()))
                .map(p -> {
                    Pin pin = p.tags().getOrDefault(release.name(), Pin.RELEASE_DEFAULTS);
                    return new PackageInRelease(p, release.name(),
                            pin.sourceBranch() != null ? pin.sourceBranch() : release.sourceBranch(),
                            pin.distgitBranch() != null ? pin.distgitBranch() : release.distgitBranch());
                })
                .toList();
    }
}
