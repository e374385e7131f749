package io.jenkins.plugins.packagepipeline.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link Provisioner#destroy} removed: empty when there was nothing left (destroy is idempotent). */
public record DestroyResult(String reference, String allocation, List<CreatedResource> removed) {
    public DestroyResult {
        removed = List.copyOf(removed);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", reference);
        map.put("allocation", allocation);
        map.put("removed", removed.stream().map(CreatedResource::toMap).toList());
        return map;
    }
}
