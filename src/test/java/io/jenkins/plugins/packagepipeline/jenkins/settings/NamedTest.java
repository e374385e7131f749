package io.jenkins.plugins.packagepipeline.jenkins.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NamedTest {

    private final List<String> clouds = List.of("rdo", "vexxhost");

    @Test
    void findsByExactName() {
        assertEquals("vexxhost", Named.find(clouds, Function.identity(), "cloud", "cloud", "vexxhost"));
    }

    @Test
    void anUnknownNameListsTheConfiguredOnes() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> Named.find(clouds, Function.identity(), "cloud", "cloud", "RDO"));
        assertEquals("No cloud named 'RDO': configured are 'rdo', 'vexxhost'.", e.getMessage());
    }

    @Test
    void aMissingNameSaysWhichArgumentToPass() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> Named.find(clouds, Function.identity(), "repo target", "target", null));
        assertTrue(e.getMessage().startsWith("No repo target given: pass target: '<name>'"), e.getMessage());
    }

    @Test
    void nothingConfiguredSaysWhereToConfigure() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> Named.find(List.<String>of(), Function.identity(), "cloud", "cloud", "rdo"));
        assertTrue(e.getMessage().contains("Manage Jenkins » System"), e.getMessage());
    }

    @Test
    void findsTheFirstDuplicate() {
        assertEquals("b", Named.firstDuplicate(List.of("a", "b", "c", "b"), Function.identity()));
        assertNull(Named.firstDuplicate(clouds, Function.identity()));
    }
}
