package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.storage.block.Volume;

/** Provision and destroy against the real test OpenStack (src/test/openstack). */
@Tag("openstack")
class OpenStackProvisionerTest {
    private final CloudSession session = TestOpenStack.session();
    private final Provisioner provisioner = new Provisioner(session);

    private InstanceSpec.Builder spec(String prefix) {
        return InstanceSpec.builder().namePrefix(prefix).image(TestOpenStack.IMAGE).flavor(TestOpenStack.FLAVOR)
                .network(TestOpenStack.NETWORK).owner("test").job("OpenStackProvisionerTest", "1");
    }

    @Test
    void provisionsEverythingTaggedThenDestroyRemovesExactlyThatAndIsHarmlessTwice() throws Exception {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        StringBuilder cloudConfig = new StringBuilder("#cloud-config\nwrite_files:\n");
        for (int i = 0; i < 2000; i++) {
            cloudConfig.append("  - path: /etc/pp/").append(i).append("\n    content: line ").append(i).append('\n');
        }
        byte[] userData = cloudConfig.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(userData.length > UserData.GZIP_ABOVE);
        Instance instance = provisioner.provision(spec("pp-full").generateKeyPair(true)
                .createSecurityGroup(List.of(SecurityGroupRule.tcp(22), SecurityGroupRule.tcp(80),
                        SecurityGroupRule.tcp(443), SecurityGroupRule.tcp(3300)))
                .availabilityZone("nova").metadata("role", "trunk-repo").userData(userData, "trunk.yaml")
                .dataVolumeGb(1).floatingIpPool(TestOpenStack.FLOATING_POOL).build(), lines);
        OSClientV3 os = session.client();
        try {
            assertEquals("ACTIVE", instance.status());
            assertTrue(instance.name().matches("pp-full-[a-z0-9]{6}"), instance.name());
            Server server = os.compute().servers().get(instance.id());
            assertEquals("trunk-repo", server.getMetadata().get("role"));
            assertEquals(instance.allocation(), server.getMetadata().get(Ownership.ALLOCATION));
            assertEquals("OpenStackProvisionerTest", server.getMetadata().get(Ownership.JOB));
            assertNotNull(server.getMetadata().get(Ownership.LEASE_UNTIL));
            assertEquals("nova", server.getAvailabilityZone());
            // the generated key pair exists and its private key came back once
            assertTrue(instance.privateKey().startsWith("-----BEGIN"), "private key returned");
            assertEquals(instance.keyPair(), server.getKeyName());
            assertFalse(instance.toString().contains(instance.privateKey()));
            assertFalse(instance.toMap().toString().contains("BEGIN"));
            // data volume attached and tagged
            String volumeId = instance.idsOf(CreatedResource.Kind.VOLUME).get(0);
            Volume volume = os.blockStorage().volumes().get(volumeId);
            assertEquals(Volume.Status.IN_USE, volume.getStatus());
            assertEquals(instance.allocation(), volume.getMetaData().get(Ownership.ALLOCATION));
            assertEquals(instance.id(), volume.getAttachments().get(0).getServerId());
            // security group created with the four rules
            SecurityGroup group = os.networking().securitygroup()
                    .get(instance.idsOf(CreatedResource.Kind.SECURITY_GROUP).get(0));
            assertEquals(List.of(22, 80, 443, 3300), group.getRules().stream()
                    .filter(r -> "ingress".equals(r.getDirection())).map(r -> r.getPortRangeMin()).sorted().toList());
            // floating IP from the pool, associated and tagged
            NetFloatingIP ip = os.networking().floatingip().get(instance.idsOf(CreatedResource.Kind.FLOATING_IP).get(0));
            assertEquals(instance.floatingIp(), ip.getFloatingIpAddress());
            assertNotNull(ip.getPortId());
            assertTrue(ip.getDescription().contains("allocation=" + instance.allocation()));
            // user-data reached Nova gzip-compressed and base64-encoded, and decodes back to the original
            JsonNode detail = RawOpenStack.call(session, "GET", RawOpenStack.endpoint(session, "compute")
                    + "/servers/" + instance.id(), null, "OpenStack-API-Version", "compute 2.3").json();
            String stored = detail.path("server").path("OS-EXT-SRV-ATTR:user_data").asText();
            byte[] decoded = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))
                    .readAllBytes();
            assertEquals(cloudConfig.toString(), new String(decoded, StandardCharsets.UTF_8));
            assertTrue(lines.all().contains("server " + instance.name() + ": ACTIVE"), lines.all());
            assertEquals(5, provisioner.resourcesOf(instance.allocation()).size(),
                    "server, volume, floating IP, security group, key pair");
        } finally {
            DestroyResult first = provisioner.destroy(instance.id(), lines);
            assertEquals(5, first.removed().size(), first.toString());
        }
        assertTrue(provisioner.resourcesOf(instance.allocation()).isEmpty());
        assertNull(os.compute().servers().get(instance.id()));
        assertNull(os.compute().keypairs().get(instance.keyPair()));
        DestroyResult again = provisioner.destroy(instance.id(), lines);
        assertTrue(again.removed().isEmpty());
        DestroyResult byAllocation = provisioner.destroy(instance.allocation(), lines);
        assertTrue(byAllocation.removed().isEmpty());
    }

    @Test
    void failureAfterVolumeAndFloatingIpExistLeavesNothingBehind() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        // The failure is injected by the progress listener once the floating IP exists (after the attached volume)
        ProgressListener failAfterFloatingIp = line -> {
            lines.progress(line);
            if (line.startsWith("created floating IP")) {
                throw new IllegalStateException("injected failure");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> provisioner.provision(
                spec("pp-fail").generateKeyPair(true).createSecurityGroup(List.of(SecurityGroupRule.tcp(22)))
                        .dataVolumeGb(1).floatingIpPool(TestOpenStack.FLOATING_POOL).build(), failAfterFloatingIp));
        assertEquals("injected failure", e.getMessage());
        String all = lines.all();
        assertTrue(all.contains("created volume") && all.contains("created floating IP"), all);
        String allocation = lines.allocation();
        assertTrue(provisioner.resourcesOf(allocation).isEmpty());
        assertNothingTagged(allocation);
    }

    @Test
    void interruptedProvisioningStopsWaitingAndCleansUp() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        ProgressListener interruptAtBoot = line -> {
            lines.progress(line);
            if (line.startsWith("created server")) {
                Thread.currentThread().interrupt();
            }
        };
        CloudException e = assertThrows(CloudException.class,
                () -> provisioner.provision(spec("pp-interrupt").dataVolumeGb(1).build(), interruptAtBoot));
        assertEquals(CloudException.Kind.INTERRUPTED, e.kind());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
        assertNothingTagged(lines.allocation());
    }

    @Test
    void bootFromVolumeWithExistingKeyPairAndSecurityGroupLeavesThemAlone() {
        OSClientV3 os = session.client();
        String keyName = "pp-test-existing-" + Ownership.randomText(5);
        os.compute().keypairs().create(keyName, null);
        SecurityGroup group = os.networking().securitygroup().create(Builders.securityGroup()
                .name("pp-test-existing-" + Ownership.randomText(5)).build());
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        try {
            Instance instance = provisioner.provision(spec("pp-bfv").keyPair(keyName).securityGroup(group.getName())
                    .bootVolumeGb(1).build(), lines);
            Server server = os.compute().servers().get(instance.id());
            assertEquals(keyName, server.getKeyName());
            assertNull(instance.privateKey());
            String bootVolume = instance.idsOf(CreatedResource.Kind.VOLUME).get(0);
            assertTrue(server.getOsExtendedVolumesAttached().contains(bootVolume));
            assertTrue(os.blockStorage().volumes().get(bootVolume).bootable());
            provisioner.destroy(instance.name(), lines);
            assertNull(os.blockStorage().volumes().get(bootVolume));
            assertNotNull(os.compute().keypairs().get(keyName), "existing key pair kept");
            assertNotNull(os.networking().securitygroup().get(group.getId()), "existing group kept");
        } finally {
            os.compute().keypairs().delete(keyName);
            os.networking().securitygroup().delete(group.getId());
        }
    }

    @Test
    void overLimitUserDataIsRefusedBeforeAnythingIsCreated() {
        byte[] random = new byte[60_000];
        new Random(42).nextBytes(random);
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        CloudException e = assertThrows(CloudException.class, () -> provisioner.provision(
                spec("pp-big").userData(random, "big-user-data.bin").generateKeyPair(true).build(), lines));
        assertEquals(CloudException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("big-user-data.bin") && e.getMessage().contains("Nova's limit of 65535"),
                e.getMessage());
        assertTrue(lines.lines.stream().noneMatch(l -> l.startsWith("created ")), lines.all());
        assertNothingTagged(lines.allocation());
    }

    @Test
    void unknownImageIsNamedInTheError() {
        CloudException e = assertThrows(CloudException.class, () -> provisioner.provision(
                spec("pp-noimage").image("no-such-image").build(), ProgressListener.NONE));
        assertEquals(CloudException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("'no-such-image'") && e.getMessage().contains("cirros"), e.getMessage());
    }

    @Test
    void overQuotaIsReportedAsQuotaAndCleansUp() {
        OSClientV3 os = session.client();
        String flavorName = "pp-test-overquota-" + Ownership.randomText(5);
        var flavor = os.compute().flavors().create(Builders.flavor().name(flavorName).ram(64 * 1024 * 1024).vcpus(1)
                .disk(1).build());
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        try {
            CloudException e = assertThrows(CloudException.class, () -> provisioner.provision(
                    spec("pp-quota").flavor(flavorName).dataVolumeGb(1).build(), lines));
            assertEquals(CloudException.Kind.QUOTA, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("project quota exceeded")
                    && e.getMessage().contains("HTTP 403 Quota exceeded for ram"), e.getMessage());
            assertTrue(lines.all().contains("created volume"), "the volume existed before the refusal");
            assertNothingTagged(lines.allocation());
        } finally {
            os.compute().flavors().delete(flavor.getId());
        }
    }

    @Test
    void noValidHostIsRetriedOnANewServerThenReportedAsCapacityWithNothingLeft() {
        OSClientV3 os = session.client();
        String flavorName = "pp-test-huge-" + Ownership.randomText(5);
        // within the project's RAM quota (4096000 MB), beyond the fake hypervisor's 800000 MB
        var flavor = os.compute().flavors().create(Builders.flavor().name(flavorName).ram(900_000).vcpus(1)
                .disk(1).build());
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        try {
            CloudException e = assertThrows(CloudException.class, () -> destroyIfCreated(fastRetries(),
                    spec("pp-huge").flavor(flavorName).dataVolumeGb(1).capacityAttempts(2).build(), lines));
            assertEquals(CloudException.Kind.CAPACITY, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("went to ERROR: No valid host was found")
                    && e.getMessage().contains("(attempt 2 of 2). The cloud has no room for flavor '" + flavorName
                    + "' now"), e.getMessage());
            List<String> booted = lines.lines.stream().filter(l -> l.startsWith("created server pp-huge-")).toList();
            assertEquals(2, booted.size(), "one server per attempt: " + lines.all());
            assertFalse(booted.get(0).equals(booted.get(1)), "a new server (id) for the second attempt");
            int failed = indexOf(lines, "attempt 1 of 2 failed for lack of capacity: Server pp-huge-");
            int removed = indexOf(lines, "removed: " + booted.get(0).substring("created ".length()));
            int second = indexOf(lines, "booting server pp-huge-");
            assertTrue(failed >= 0 && removed > failed && lines.lines.indexOf(booted.get(1)) > removed,
                    "the failed server is deleted before the next boot: " + lines.all());
            assertTrue(second >= 0 && lines.all().contains(", attempt 2 of 2"), lines.all());
            assertNothingTagged(lines.allocation());
        } finally {
            os.compute().flavors().delete(flavor.getId());
        }
    }

    @Test
    void capacityFreedDuringTheBackoffLetsTheNextAttemptSucceed() {
        OSClientV3 os = session.client();
        String flavorName = "pp-test-half-" + Ownership.randomText(5);
        // two of these do not fit the fake hypervisor's 800000 MB: the second has "No valid host" until the first
        // (the blocker) is deleted, which this test does when the engine reports the failed attempt
        var flavor = os.compute().flavors().create(Builders.flavor().name(flavorName).ram(450_000).vcpus(1)
                .disk(1).build());
        Provisioner fast = fastRetries();
        Instance blocker = null;
        Instance instance = null;
        try {
            blocker = fast.provision(spec("pp-blocker").flavor(flavorName).capacityAttempts(1).build(),
                    ProgressListener.NONE);
            Instance theBlocker = blocker;
            TestOpenStack.Lines lines = new TestOpenStack.Lines() {
                @Override
                public void progress(String line) {
                    super.progress(line);
                    if (line.startsWith("attempt 1 of 3 failed for lack of capacity")) {
                        fast.destroy(theBlocker.id(), ProgressListener.NONE);
                    }
                }
            };
            instance = fast.provision(spec("pp-after").flavor(flavorName).capacityAttempts(3).build(), lines);
            assertEquals("ACTIVE", instance.status());
            assertTrue(lines.all().contains("attempt 1 of 3 failed for lack of capacity: Server pp-after-"),
                    lines.all());
            assertTrue(lines.all().contains(", attempt 2 of 3") && !lines.all().contains(", attempt 3 of 3"),
                    lines.all());
            assertEquals(1, instance.idsOf(CreatedResource.Kind.SERVER).size(), "only the placed server is kept");
            assertEquals(instance.id(), instance.idsOf(CreatedResource.Kind.SERVER).get(0));
        } finally {
            if (instance != null) {
                provisioner.destroy(instance.id(), ProgressListener.NONE);
            }
            if (blocker != null) {
                provisioner.destroy(blocker.id(), ProgressListener.NONE);
            }
            os.compute().flavors().delete(flavor.getId());
        }
    }

    /** A provisioner retrying capacity failures after 1 s instead of 30 s. */
    private Provisioner fastRetries() {
        return new Provisioner(session, java.time.Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(1));
    }

    private static int indexOf(TestOpenStack.Lines lines, String start) {
        for (int i = 0; i < lines.lines.size(); i++) {
            if (lines.lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void tenServersInParallelShareOneToken() throws Exception {
        int before = session.authentications();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Instance>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(pool.submit(() -> provisioner.provision(spec("pp-par").build(), ProgressListener.NONE)));
        }
        List<Instance> instances = new ArrayList<>();
        try {
            for (Future<Instance> f : futures) {
                instances.add(f.get());
            }
            assertEquals(3, instances.stream().map(Instance::id).distinct().count());
            assertEquals(before, session.authentications(), "no re-authentication per thread");
        } finally {
            for (Instance instance : instances) {
                provisioner.destroy(instance.id(), ProgressListener.NONE);
            }
            pool.shutdownNow();
        }
    }

    /** Provisions; if that unexpectedly works, destroys at once so a failing test leaks nothing. */
    private Instance destroyIfCreated(InstanceSpec spec, ProgressListener listener) {
        return destroyIfCreated(provisioner, spec, listener);
    }

    private Instance destroyIfCreated(Provisioner using, InstanceSpec spec, ProgressListener listener) {
        Instance instance = using.provision(spec, listener);
        provisioner.destroy(instance.id(), listener);
        return instance;
    }

    private void assertNothingTagged(String allocation) {
        assertNotNull(allocation);
        OSClientV3 os = session.client();
        assertTrue(os.compute().servers().list(true).stream()
                .noneMatch(s -> allocation.equals(s.getMetadata().get(Ownership.ALLOCATION))), "server left");
        assertTrue(os.blockStorage().volumes().list().stream()
                .noneMatch(v -> allocation.equals(v.getMetaData().get(Ownership.ALLOCATION))), "volume left");
        assertTrue(os.networking().floatingip().list().stream()
                .noneMatch(ip -> String.valueOf(ip.getDescription()).contains(allocation)), "floating IP left");
        assertTrue(os.networking().securitygroup().list().stream()
                .noneMatch(g -> String.valueOf(g.getDescription()).contains(allocation)), "security group left");
        assertNull(os.compute().keypairs().get(CloudResources.keyPairName(allocation)), "key pair left");
    }
}
