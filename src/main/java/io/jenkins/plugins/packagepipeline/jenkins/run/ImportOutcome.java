package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one {@code importBuild} did: the builds it imported into a repo target's records and data directory (made
 * elsewhere: by workers on other agents, or by DLRN), and the build output directories it found already recorded.
 * A plain class because Jenkins stores it with the build.
 */
public final class ImportOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<PackageRow> rows;
    private final List<String> alreadyRecorded;
    private final String summary;

    /**
     * @param rows one per build imported
     * @param alreadyRecorded the build output directories whose builds were recorded already (nothing imported)
     */
    public ImportOutcome(String target, List<PackageRow> rows, List<String> alreadyRecorded, String summary) {
        this.target = target;
        this.rows = new ArrayList<>(rows);
        this.alreadyRecorded = new ArrayList<>(alreadyRecorded);
        this.summary = summary;
    }

    public String getTarget() {
        return target;
    }

    /** The builds imported, one row each. */
    public List<PackageRow> getRows() {
        return List.copyOf(rows);
    }

    /** The ids of the builds imported ({@code publishRepo(builds: ...)} takes them). */
    public List<String> getBuildIds() {
        return rows.stream().map(PackageRow::getBuildId).toList();
    }

    /** The build output directories whose builds were recorded already. */
    public List<String> getAlreadyRecorded() {
        return List.copyOf(alreadyRecorded);
    }

    public String getSummary() {
        return summary;
    }

    /** As the {@code importBuild} step returns it when it did not publish. */
    public Map<String, Object> toMap() {
        return toMap(null);
    }

    /**
     * As the {@code importBuild} step returns it: {@code target}, {@code summary}, {@code builds} (the ids),
     * {@code packages} (a row per build imported, {@code published} set when {@code published} made or reused its
     * snapshot), {@code alreadyRecorded}, and the published repository's {@code repoUrl}, {@code statusReportUrl}
     * and {@code consistent} (null when nothing was published).
     *
     * @param published what publishing the imported builds did, or null when they were not published
     */
    public Map<String, Object> toMap(PublishOutcome published) {
        Set<String> inSnapshots = published == null ? Set.of() : published.getRows().stream()
                .filter(PackageRow::isPublished).map(PackageRow::getBuildId).collect(Collectors.toSet());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("summary", summary);
        map.put("builds", getBuildIds());
        map.put("packages", rows.stream().map(row -> {
            Map<String, Object> item = row.toMap();
            item.put("published", inSnapshots.contains(row.getBuildId()));
            return item;
        }).toList());
        map.put("alreadyRecorded", List.copyOf(alreadyRecorded));
        map.put("repoUrl", published == null ? null : published.getRepoUrl());
        map.put("statusReportUrl", published == null ? null : published.getStatusReportUrl());
        map.put("consistent", published == null ? null : published.isConsistent());
        return map;
    }
}
