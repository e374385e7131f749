package io.jenkins.plugins.packagepipeline.repo.report;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;

/**
 * One build as the reports show it.
 *
 * @param packageName the package
 * @param status SUCCESS, FAILED or RETRY
 * @param sourceCommit the full source commit hash
 * @param distgitCommit the full distgit commit hash
 * @param nvr name-version-release, empty when not built
 * @param buildTime when it was built, ISO-8601 UTC, empty when unknown
 * @param component the component, empty when none
 * @param logs the build's output directory (logs, RPMs) relative to the repos directory, ending with '/'
 * @param purged whether its snapshot was purged (logs stay)
 * @param notes what went wrong, for failures; empty otherwise
 */
public record ReportRow(String packageName, String status, String sourceCommit, String distgitCommit, String nvr,
        String buildTime, String component, String logs, boolean purged, String notes) {

    static ReportRow of(BuildRecord build) {
        String repoDir = build.repoDir() != null ? build.repoDir()
                : BuildRecord.outputDir(build.sourceCommit(), build.distgitCommit());
        String logs = (repoDir.startsWith("repos/") ? repoDir.substring("repos/".length()) : repoDir) + "/";
        return new ReportRow(build.packageName(), build.status().name(), build.sourceCommit(), build.distgitCommit(),
                orEmpty(build.nvr()), build.buildTime() == null ? "" : build.buildTime().toString(),
                orEmpty(build.component()), logs, build.purged(), orEmpty(build.notes()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
