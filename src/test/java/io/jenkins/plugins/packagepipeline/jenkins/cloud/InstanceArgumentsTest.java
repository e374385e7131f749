package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceArgumentsTest {

    private static final InstanceArguments.Origin ORIGIN =
            new InstanceArguments.Origin("https://ci.example.org/", "trunk/refresh", "42");

    private static OpenStackCloud cloud() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setImage("CentOS-Stream-9");
        cloud.setFlavor("m1.small");
        cloud.setNetwork("private");
        cloud.setKeyPair("jenkins");
        cloud.setSecurityGroups("default ssh");
        cloud.setVolumeSizeGb(20);
        cloud.setFloatingIpPool("public");
        cloud.setProvisionTimeoutSeconds(600);
        return cloud;
    }

    @Test
    void theCloudsDefaultsApplyWhenTheStepSaysNothing() {
        InstanceSpec spec = new InstanceArguments().toSpec("provisionInstance", cloud(), ORIGIN);
        assertEquals("CentOS-Stream-9", spec.image());
        assertEquals("m1.small", spec.flavor());
        assertEquals(List.of("private"), spec.networks());
        assertEquals("jenkins", spec.keyPair());
        assertEquals(List.of("default", "ssh"), spec.securityGroups());
        assertEquals(20, spec.bootVolumeGb());
        assertEquals("public", spec.floatingIpPool());
        assertNull(spec.name());
        assertEquals(InstanceArguments.DEFAULT_NAME_PREFIX, spec.namePrefix());
        assertEquals(Duration.ofSeconds(600), spec.activeTimeout());
        assertEquals(Duration.ofHours(24), spec.lease());
        assertEquals(0, spec.waitForPort());
        assertEquals(InstanceSpec.DEFAULT_CAPACITY_ATTEMPTS, spec.capacityAttempts(), "null: the engine's default");
    }

    @Test
    void stepArgumentsWinAndEveryResourceNamesItsBuild() {
        InstanceArguments args = new InstanceArguments();
        args.setName("trunk-builder");
        args.setFlavor("m1.large");
        args.setSecurityGroups("web, ssh");
        args.setVolumeSizeGb(0);
        args.setWaitForSsh(true);
        args.setLeaseHours(2);
        args.setCapacityAttempts(1);
        args.setUserData("#cloud-config\npackages: [rpm-build]\n");
        InstanceSpec spec = args.toSpec("withInstance", cloud(), ORIGIN);
        assertEquals("trunk-builder", spec.name());
        assertEquals("m1.large", spec.flavor());
        assertEquals("CentOS-Stream-9", spec.image());
        assertEquals(List.of("web", "ssh"), spec.securityGroups());
        assertEquals(0, spec.bootVolumeGb());
        assertEquals(22, spec.waitForPort());
        assertEquals(Duration.ofHours(2), spec.lease());
        assertEquals(1, spec.capacityAttempts());
        assertEquals("https://ci.example.org/", spec.owner());
        assertEquals("trunk/refresh", spec.job());
        assertEquals("42", spec.build());
        assertEquals("#cloud-config\npackages: [rpm-build]\n", new String(spec.userData()));
    }

    @Test
    void withoutAnImageAnywhereTheMessageSaysWhereToSetOne() {
        OpenStackCloud bare = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-appcred");
        InstanceArguments args = new InstanceArguments();
        args.setFlavor("m1.small");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> args.toSpec("provisionInstance", bare, ORIGIN));
        assertTrue(e.getMessage().startsWith("provisionInstance: no image for the instance"), e.getMessage());
        assertTrue(e.getMessage().contains("cloud 'rdo'"), e.getMessage());
    }

    @Test
    void aLeaseUnderAnHourIsRefused() {
        InstanceArguments args = new InstanceArguments();
        args.setLeaseHours(0);
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> args.toSpec("provisionInstance", cloud(), ORIGIN));
        assertTrue(e.getMessage().contains("leaseHours 0"), e.getMessage());
    }

    @Test
    void capacityAttemptsUnderOneAreRefusedNamingTheStep() {
        InstanceArguments args = new InstanceArguments();
        args.setCapacityAttempts(0);
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> args.toSpec("restoreInstance", cloud(), ORIGIN));
        assertEquals("restoreInstance: capacityAttempts 0 must be at least 1 (1: no retry when the cloud has no room;"
                + " leave it out for 3).", e.getMessage());
    }
}
