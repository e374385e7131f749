package io.jenkins.plugins.packagepipeline.jenkins.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceSettingsTest {

    private final InstanceSettings cloud = new InstanceSettings("CentOS-Stream-9", "m1.small", "private", "jenkins",
            List.of("default", "ssh"), 20, "public");

    @Test
    void aStepArgumentWinsAndAnOmittedOneKeepsTheCloudDefault() {
        InstanceSettings step = new InstanceSettings(null, "m1.large", " ", null, null, 0, null);
        InstanceSettings merged = cloud.overriddenBy(step);
        assertEquals(new InstanceSettings("CentOS-Stream-9", "m1.large", "private", "jenkins",
                List.of("default", "ssh"), 0, "public"), merged);
    }

    @Test
    void anEmptyListOfSecurityGroupsReplacesTheDefaultOnes() {
        InstanceSettings step = new InstanceSettings(null, null, null, null, List.of(), null, null);
        assertEquals(List.of(), cloud.overriddenBy(step).securityGroups());
        assertEquals(List.of("default", "ssh"), cloud.overriddenBy(InstanceSettings.NONE).securityGroups());
    }

    @Test
    void missingImageAndFlavorSayWhereToSetThem() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> InstanceSettings.NONE.requireComplete("provisionInstance", "rdo"));
        assertTrue(e.getMessage().startsWith("provisionInstance: no image and flavor"), e.getMessage());
        assertTrue(e.getMessage().contains("cloud 'rdo'"), e.getMessage());
        assertEquals(cloud, cloud.requireComplete("provisionInstance", "rdo"));
    }

    @Test
    void aNegativeVolumeSizeIsRefused() {
        InstanceSettings bad = cloud.overriddenBy(new InstanceSettings(null, null, null, null, null, -5, null));
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> bad.requireComplete("withInstance", "rdo"));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
    }

    @Test
    void namesAreSplitOnCommasAndSpaces() {
        assertEquals(List.of("default", "ssh", "web"), InstanceSettings.parseNames(" default, ssh  web,ssh "));
        assertNull(InstanceSettings.parseNames("  "));
    }
}
