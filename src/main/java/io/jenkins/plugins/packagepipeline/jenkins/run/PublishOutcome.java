package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code publishRepo} did: the target, the package rows published, the links to the published
 * repository ({@code current}) and its status report, and why the mirror failed if it did. A plain class because
 * Jenkins stores it with the build.
 */
public final class PublishOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<PackageRow> rows;
    private final String repoUrl;
    private final String statusReportUrl;
    private final boolean consistent;
    /** Null when the mirror succeeded or was not asked for, and in outcomes saved before it was recorded. */
    private final String mirrorFailure;

    public PublishOutcome(String target, List<PackageRow> rows, String repoUrl, String statusReportUrl,
            boolean consistent) {
        this(target, rows, repoUrl, statusReportUrl, consistent, null);
    }

    private PublishOutcome(String target, List<PackageRow> rows, String repoUrl, String statusReportUrl,
            boolean consistent, String mirrorFailure) {
        this.target = target;
        this.rows = new ArrayList<>(rows);
        this.repoUrl = repoUrl;
        this.statusReportUrl = statusReportUrl;
        this.consistent = consistent;
        this.mirrorFailure = mirrorFailure;
    }

    /** This outcome of a publish whose mirror then failed with {@code message} (the publish itself stands). */
    public PublishOutcome withMirrorFailure(String message) {
        return new PublishOutcome(target, rows, repoUrl, statusReportUrl, consistent, message);
    }

    public String getTarget() {
        return target;
    }

    public List<PackageRow> getRows() {
        return List.copyOf(rows);
    }

    /** The URL of the repository clients install from ({@code current}). */
    public String getRepoUrl() {
        return repoUrl;
    }

    public String getStatusReportUrl() {
        return statusReportUrl;
    }

    /** Whether {@code consistent} points at the same snapshot as {@code current}: no package's build failed since. */
    public boolean isConsistent() {
        return consistent;
    }

    /**
     * Why mirroring to the target's secondary failed after the publish, or null: the repositories are published and
     * served here, the secondary keeps what it served.
     */
    public String getMirrorFailure() {
        return mirrorFailure;
    }

    /** As the {@code publishRepo} step returns it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("repoUrl", repoUrl);
        map.put("statusReportUrl", statusReportUrl);
        map.put("consistent", consistent);
        map.put("packages", rows.stream().map(PackageRow::toMap).toList());
        return map;
    }
}
