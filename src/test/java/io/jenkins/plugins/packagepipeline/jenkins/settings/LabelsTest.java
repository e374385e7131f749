package io.jenkins.plugins.packagepipeline.jenkins.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void keyValueAndBareKeysInOrder() {
        assertEquals(List.of(Map.entry("trunk", "true"), Map.entry("commit", "3f7a9c1"), Map.entry("env", "a=b")),
                new ArrayList<>(Labels.parse(Arrays.asList("trunk", " commit = 3f7a9c1", "", null, "env=a=b"))
                        .entrySet()));
    }

    @Test
    void badKeysAndRepeatsAreRefusedByName() {
        PackagePipelineException bad = assertThrows(PackagePipelineException.class,
                () -> Labels.parse(List.of("my label=x")));
        assertTrue(bad.getMessage().contains("'my label'"), bad.getMessage());
        PackagePipelineException twice = assertThrows(PackagePipelineException.class,
                () -> Labels.parse(List.of("trunk", "trunk=yes")));
        assertTrue(twice.getMessage().contains("'trunk' is given twice"), twice.getMessage());
    }
}
