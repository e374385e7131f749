package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.util.List;

/** What one run of the engine did, package by package in catalog order. */
public record BuildReport(List<PackageResult> packages) {

    public BuildReport {
        packages = List.copyOf(packages);
    }

    /** Whether any package failed (an error, a FAILED or a RETRY build). */
    public boolean failed() {
        return packages.stream().anyMatch(PackageResult::failed);
    }

    public List<PackageResult> failedPackages() {
        return packages.stream().filter(PackageResult::failed).toList();
    }

    public List<BuildRecord> builds() {
        return packages.stream().flatMap(p -> p.builds().stream()).toList();
    }

    /**
     * One line for a console, e.g. {@code 3 packages: 4 builds (3 SUCCESS, 1 FAILED, 0 RETRY), 1 up to date,
     * 0 errors; failed: hello-broken}.
     */
    public String summary() {
        List<BuildRecord> builds = builds();
        long errors = packages.stream().filter(p -> p.error() != null).count();
        String line = packages.size() + (packages.size() == 1 ? " package: " : " packages: ") + builds.size()
                + (builds.size() == 1 ? " build (" : " builds (") + count(builds, BuildStatus.SUCCESS) + " SUCCESS, "
                + count(builds, BuildStatus.FAILED) + " FAILED, " + count(builds, BuildStatus.RETRY) + " RETRY), "
                + packages.stream().filter(PackageResult::upToDate).count() + " up to date, " + errors
                + (errors == 1 ? " error" : " errors");
        List<String> failed = failedPackages().stream().map(PackageResult::packageName).toList();
        return failed.isEmpty() ? line : line + "; failed: " + String.join(", ", failed);
    }

    private static long count(List<BuildRecord> builds, BuildStatus status) {
        return builds.stream().filter(b -> b.status() == status).count();
    }
}
