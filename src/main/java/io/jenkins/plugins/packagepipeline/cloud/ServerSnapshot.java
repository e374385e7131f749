package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server snapshot: an image plus the snapshots of the volumes attached at the time, with the labels given
 * (a git hash, a backup id...) and where it came from.
 */
public record ServerSnapshot(String imageId, String name, String status, String sourceServerId,
        String sourceServerName, Map<String, String> labels, List<String> volumeSnapshotIds, Instant created) {

    public ServerSnapshot {
        labels = Map.copyOf(labels);
        volumeSnapshotIds = List.copyOf(volumeSnapshotIds);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("imageId", imageId);
        map.put("name", name);
        map.put("status", status);
        map.put("sourceServerId", sourceServerId);
        map.put("sourceServerName", sourceServerName);
        map.put("labels", new java.util.TreeMap<>(labels));
        map.put("volumeSnapshots", volumeSnapshotIds);
        map.put("created", created == null ? null : created.toString());
        return map;
    }
}
