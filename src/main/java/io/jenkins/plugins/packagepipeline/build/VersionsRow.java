package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.time.Instant;

/**
 * One line of a DLRN {@code versions.csv}: which commits of one package a build output (or a repository) holds.
 *
 * @param lastSuccess when the package last built successfully (DLRN's "Last Success Timestamp"), or null
 */
public record VersionsRow(String packageName, String sourceUrl, String sourceCommit, String distgitUrl,
        String distgitCommit, String status, Instant lastSuccess, String component, String nvr) {

    /** DLRN's column names, in order. */
    public static final String HEADER = "Project,Source Repo,Source Sha,Dist Repo,Dist Sha,Status,"
            + "Last Success Timestamp,Component,Extended Sha,Pkg NVR";

    /** The row of a recorded build, with the URLs the catalog gives its package. */
    public static VersionsRow of(BuildRecord build, String sourceUrl, String distgitUrl) {
        return new VersionsRow(build.packageName(), sourceUrl, build.sourceCommit(), distgitUrl,
                build.distgitCommit(), build.status().name(),
                build.status() == BuildStatus.SUCCESS ? build.buildTime() : null,
                build.component(), build.nvr());
    }

    /** The CSV line (no newline): epoch seconds for the timestamp (0 when never), "None" for the extended hash. */
    public String toCsv() {
        return String.join(",", csv(packageName), csv(sourceUrl), csv(sourceCommit), csv(distgitUrl),
                csv(distgitCommit), csv(status), lastSuccess == null ? "0" : Long.toString(lastSuccess.getEpochSecond()),
                csv(component == null ? "None" : component), "None", csv(nvr == null ? "" : nvr));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
