package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        cloud.setProvisionTimeout("10m");
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
        assertEquals(Duration.ofMinutes(10), spec.activeTimeout());
        assertEquals(Duration.ofHours(24), spec.lease());
        assertEquals(InstanceArguments.DEFAULT_LEASE, new InstanceArguments().getLease());
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
        args.setLease("2h");
        args.setCapacityAttempts(1);
        args.setUserData("#cloud-config\npackages: [rpm-build]\n");
        InstanceSpec spec = args.toSpec("withInstance", cloud(), ORIGIN);
        assertEquals("trunk-builder", spec.name());
        assertEquals("m1.large", spec.flavor());
        assertEquals("CentOS-Stream-9", spec.image());
        assertEquals(List.of("web", "ssh"), spec.securityGroups());
        assertEquals(0, spec.bootVolumeGb());
        assertEquals(22, spec.waitForPort());
        assertEquals(Duration.ofMinutes(10), spec.portTimeout());
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
    void theLeaseTakesTheDurationSyntaxAndEmptyKeepsTheDefault() {
        InstanceArguments args = new InstanceArguments();
        for (var lease : Map.of("90m", Duration.ofMinutes(90), "3d", Duration.ofDays(3), "PT36H",
                Duration.ofHours(36), " ", Duration.ofHours(24)).entrySet()) {
            args.setLease(lease.getKey());
            assertEquals(lease.getValue(), args.toSpec("withInstance", cloud(), ORIGIN).lease(), lease.getKey());
        }
        args.setLease(" ");
        assertEquals("24h", args.getLease(), "blank: the default");
    }

    @Test
    void aBadLeaseIsRefusedNamingTheStepTheArgumentAndTheValue() {
        String write = "; write " + Durations.SYNTAX + ".";
        java.util.Map<String, String> expected = Map.of(
                "24", "provisionInstance: lease '24' is not a duration (a bare number is refused: add its unit, e.g."
                        + " 24s or 24m)" + write,
                "0h", "provisionInstance: lease '0h' must be more than zero" + write,
                "PT-1H", "provisionInstance: lease 'PT-1H' is negative" + write,
                "-1h", "provisionInstance: lease '-1h' is not a duration" + write,
                "tomorrow", "provisionInstance: lease 'tomorrow' is not a duration" + write);
        for (var bad : expected.entrySet()) {
            InstanceArguments args = new InstanceArguments();
            args.setLease(bad.getKey());
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> args.toSpec("provisionInstance", cloud(), ORIGIN));
            assertEquals(bad.getValue(), e.getMessage());
            assertEquals(bad.getValue(), assertThrows(PackagePipelineException.class,
                    () -> args.lease("provisionInstance")).getMessage(), "the check made before the cloud is asked");
            assertEquals(bad.getValue().substring("provisionInstance: ".length()),
                    InstanceArguments.checkLease(bad.getKey()).message(), "the form says the same");
        }
    }

    @Test
    void aBadProvisioningTimeoutOfTheCloudIsRefusedNamingTheCloud() {
        OpenStackCloud cloud = cloud();
        cloud.setProvisionTimeout("600");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> new InstanceArguments().toSpec("provisionInstance", cloud, ORIGIN));
        assertTrue(e.getMessage().startsWith("Cloud 'rdo': provisionTimeout '600' is not a duration (a bare number"
                + " is refused"), e.getMessage());
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
