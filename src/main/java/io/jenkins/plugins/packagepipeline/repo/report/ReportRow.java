package io.jenkins.plugins.packagepipeline.repo.report;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * @param log the build's main log file relative to the repos directory, empty when it has none
 * @param purged whether its snapshot was purged (logs stay)
 * @param notes what went wrong, for failures; empty otherwise
 */
public record ReportRow(String packageName, String status, String sourceCommit, String distgitCommit, String nvr,
        String buildTime, String component, String logs, String log, boolean purged, String notes) {

    /** The log files a build output directory may hold, the most useful first (build engine's, then DLRN's). */
    static final List<String> LOG_FILES = List.of("build.log", "rpmbuild.log", "mock.log");

    static ReportRow of(BuildRecord build, Path reposDir) {
        String repoDir = build.repoDir() != null ? build.repoDir()
                : BuildRecord.outputDir(build.sourceCommit(), build.distgitCommit());
        String logs = (repoDir.startsWith("repos/") ? repoDir.substring("repos/".length()) : repoDir) + "/";
        String log = LOG_FILES.stream().map(name -> logs + name)
                .filter(candidate -> Files.isRegularFile(reposDir.resolve(candidate))).findFirst().orElse("");
        return new ReportRow(build.packageName(), build.status().name(), build.sourceCommit(), build.distgitCommit(),
                orEmpty(build.nvr()), build.buildTime() == null ? "" : build.buildTime().toString(),
                orEmpty(build.component()), logs, log, build.purged(), orEmpty(build.notes()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
