package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code buildPackage} did: where, the engine's one-line summary, the verdict on the Jenkins build
 * (SUCCESS, UNSTABLE or FAILURE) and a row per build made (or per package that made none). A plain class because
 * Jenkins stores it with the build.
 */
public final class BuildOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String where;
    private final String summary;
    private final String verdict;
    private final List<PackageRow> rows;

    public BuildOutcome(String where, String summary, String verdict, List<PackageRow> rows) {
        this.where = where;
        this.summary = summary;
        this.verdict = verdict;
        this.rows = new ArrayList<>(rows);
    }

    /** The repo target's name, or the data directory when the step named no target. */
    public String getWhere() {
        return where;
    }

    public String getSummary() {
        return summary;
    }

    public String getVerdict() {
        return verdict;
    }

    public List<PackageRow> getRows() {
        return List.copyOf(rows);
    }

    /** The ids of the builds this run made, whatever their status: what {@code publishRepo(builds: ...)} takes. */
    public List<String> getBuildIds() {
        return rows.stream().map(PackageRow::getBuildId).filter(java.util.Objects::nonNull).toList();
    }

    /** As the {@code buildPackage} step returns it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("where", where);
        map.put("result", verdict);
        map.put("summary", summary);
        map.put("builds", getBuildIds());
        map.put("packages", rows.stream().map(PackageRow::toMap).toList());
        return map;
    }
}
