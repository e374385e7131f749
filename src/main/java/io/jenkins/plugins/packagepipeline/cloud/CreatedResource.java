package io.jenkins.plugins.packagepipeline.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/** One cloud resource the engine created (or found tagged as ours), by kind, id and name. */
public record CreatedResource(Kind kind, String id, String name) {

    /** The kinds of resources the engine creates. */
    public enum Kind {
        SERVER("server"), VOLUME("volume"), FLOATING_IP("floating IP"), SECURITY_GROUP("security group"),
        KEY_PAIR("key pair"), IMAGE("image"), VOLUME_SNAPSHOT("volume snapshot");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        map.put("id", id);
        if (name != null && !name.isEmpty()) {
            map.put("name", name);
        }
        return map;
    }

    @Override
    public String toString() {
        return kind.label() + " " + (name == null || name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")");
    }
}
