package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.store.BuildIds;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which recorded builds {@code publishRepo} publishes: by default the latest build of every package; or exactly
 * the builds a {@code buildPackage} made (its result's {@code builds}, ids as {@link PackageRow#getBuildId()}
 * writes them), as DLRN's post-build step publishes the build just made; or the latest build of the packages
 * named. Builds and packages may be combined; each build is published once.
 *
 * @param packages package names whose latest build to publish
 * @param builds build ids ({@code <package>/<source-hash>_<distgit-hash[0:8]>}) to publish
 */
public record PublishSelection(List<String> packages, List<String> builds) implements Serializable {

    public PublishSelection {
        packages = clean(packages);
        builds = clean(builds);
    }

    /** Every package's latest build (the default). */
    public static PublishSelection latest() {
        return new PublishSelection(List.of(), List.of());
    }

    /** Whether this is the default: every package's latest build. */
    public boolean isLatest() {
        return packages.isEmpty() && builds.isEmpty();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    /**
     * The records to publish, in the order asked.
     *
     * @param owner who asks, for messages ("Repo target 'trunk'")
     * @throws PackagePipelineException naming every package or build id the build database does not hold
     */
    public List<BuildRecord> select(BuildStore store, String owner) {
        if (isLatest()) {
            return store.latestPerPackage();
        }
        Map<Long, BuildRecord> selected = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        if (!packages.isEmpty()) {
            Map<String, BuildRecord> latest = new LinkedHashMap<>();
            store.latestPerPackage().forEach(b -> latest.put(b.packageName(), b));
            for (String name : packages) {
                BuildRecord build = latest.get(name);
                if (build == null) {
                    unknown.add("package '" + name + "'");
                } else {
                    selected.putIfAbsent(build.id(), build);
                }
            }
        }
        for (String id : builds) {
            Optional<BuildRecord> build = BuildIds.find(store, id);
            if (build.isEmpty()) {
                unknown.add("build '" + id + "'");
            } else {
                selected.putIfAbsent(build.get().id(), build.get());
            }
        }
        if (!unknown.isEmpty()) {
            throw new PackagePipelineException(owner + ": the build database holds no " + String.join(", ", unknown)
                    + ". Pass builds: the result of buildPackage's builds (ids <package>/<source-hash>_<distgit-hash"
                    + "[0:8]>) or packages: names of packages built into this target; nothing was published.");
        }
        return List.copyOf(selected.values());
    }
}
