package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code purgeRepo} did (or, in a dry run, would do): the builds whose snapshots were removed (their
 * records and logs stay), how many old builds were kept because they are still served, and the space freed.
 */
public final class PurgeOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final boolean dryRun;
    private final String olderThan;
    private final List<PackageRow> purged;
    private final int kept;
    private final long bytesFreed;
    private final String summary;

    public PurgeOutcome(String target, boolean dryRun, String olderThan, List<PackageRow> purged, int kept,
            long bytesFreed, String summary) {
        this.target = target;
        this.dryRun = dryRun;
        this.olderThan = olderThan;
        this.purged = new ArrayList<>(purged);
        this.kept = kept;
        this.bytesFreed = bytesFreed;
        this.summary = summary;
    }

    public String getTarget() {
        return target;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** The builds purged (or that a dry run would purge). */
    public List<PackageRow> getPurged() {
        return List.copyOf(purged);
    }

    public int getKept() {
        return kept;
    }

    public long getBytesFreed() {
        return bytesFreed;
    }

    public String getSummary() {
        return summary;
    }

    /** As the {@code purgeRepo} step returns it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("dryRun", dryRun);
        map.put("olderThan", olderThan);
        map.put("summary", summary);
        map.put("kept", kept);
        map.put("bytesFreed", bytesFreed);
        map.put("purged", purged.stream().map(PackageRow::toMap).toList());
        return map;
    }
}
