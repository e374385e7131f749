package io.jenkins.plugins.packagepipeline.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroovyValuesTest {

    @Test
    void nestedEngineValuesBecomeMutableSerializableCopiesInOrder() throws Exception {
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("id", "5f1c");
        engine.put("addresses", Map.of("private", List.of("10.0.0.5")));
        engine.put("volumes", List.of("v1", "v2"));
        engine.put("keyPairGenerated", false);
        engine.put("size", 20);
        engine.put("leaseUntil", Instant.parse("2026-11-23T03:00:00Z"));
        engine.put("floatingIp", null);

        LinkedHashMap<String, Object> map = GroovyValues.map(engine);

        assertEquals(List.of("id", "addresses", "volumes", "keyPairGenerated", "size", "leaseUntil", "floatingIp"),
                new ArrayList<>(map.keySet()));
        assertInstanceOf(LinkedHashMap.class, map.get("addresses"));
        assertInstanceOf(ArrayList.class, ((Map<?, ?>) map.get("addresses")).get("private"));
        assertEquals("2026-11-23T03:00:00Z", map.get("leaseUntil"));
        ((List<Object>) map.get("volumes")).add("v3");
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(map);
        }
    }
}
