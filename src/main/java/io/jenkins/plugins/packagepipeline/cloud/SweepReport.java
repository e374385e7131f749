package io.jenkins.plugins.packagepipeline.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the leak sweeper found (and, unless a dry run, removed), one entry per leaked allocation. */
public record SweepReport(boolean dryRun, List<Leak> leaks) {
    public SweepReport {
        leaks = List.copyOf(leaks);
    }

    /** One allocation judged leaked, why, and its resources. */
    public record Leak(String allocation, String reason, Ownership ownership, List<CreatedResource> resources) {
        public Leak {
            resources = List.copyOf(resources);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("allocation", allocation);
            map.put("reason", reason);
            map.put("ownership", ownership == null ? Map.of() : ownership.toMetadata());
            map.put("resources", resources.stream().map(CreatedResource::toMap).toList());
            return map;
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dryRun", dryRun);
        map.put("leaks", leaks.stream().map(Leak::toMap).toList());
        return map;
    }
}
