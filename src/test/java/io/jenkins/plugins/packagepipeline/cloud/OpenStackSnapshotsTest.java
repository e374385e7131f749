package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.storage.block.Volume;

/** Snapshots, retention, restore and backups against the real test OpenStack. */
@Tag("openstack")
class OpenStackSnapshotsTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private final CloudSession session = TestOpenStack.session();
    private final Provisioner provisioner = new Provisioner(session);
    private final Snapshots snapshots = new Snapshots(session);

    private InstanceSpec.Builder spec(String prefix) {
        return InstanceSpec.builder().namePrefix(prefix).image(TestOpenStack.IMAGE).flavor(TestOpenStack.FLAVOR)
                .network(TestOpenStack.NETWORK).owner("test").job("OpenStackSnapshotsTest", "1");
    }

    @Test
    void snapshotWithVolumesRestoresToAServerWhoseMetadataProvesItsOrigin() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        OSClientV3 os = session.client();
        Instance source = provisioner.provision(spec("pp-snapsrc").dataVolumeGb(1).build(), lines);
        ServerSnapshot snapshot = null;
        Instance restored = null;
        try {
            String hash = "1a2b3c4d" + Ownership.randomText(4);
            snapshot = snapshots.snapshot(source.name(), "pp-snap-" + hash, Map.of("git-hash", hash, "role", "repo"),
                    true, TIMEOUT, lines);
            assertEquals("active", snapshot.status());
            Image image = os.imagesV2().get(snapshot.imageId());
            assertEquals(Image.ImageStatus.ACTIVE, image.getStatus());
            assertEquals(source.id(), image.getAdditionalPropertyValue(Snapshots.SOURCE_SERVER));
            assertEquals(hash, image.getAdditionalPropertyValue(Snapshots.LABEL_PREFIX + "git-hash"));
            assertEquals(Ownership.SCOPE_SNAPSHOT, image.getAdditionalPropertyValue(Ownership.SCOPE));
            assertEquals(1, snapshot.volumeSnapshotIds().size());
            assertEquals(Volume.Status.AVAILABLE,
                    os.blockStorage().snapshots().get(snapshot.volumeSnapshotIds().get(0)).getStatus());
            assertEquals(List.of(snapshot.imageId()), snapshots.list(Map.of("git-hash", hash)).stream()
                    .map(ServerSnapshot::imageId).toList());

            restored = snapshots.restore("pp-snap-" + hash, spec("pp-restored").build(), lines);
            Server server = os.compute().servers().get(restored.id());
            assertEquals(snapshot.imageId(), bootImageOf(restored.id()), "booted from the snapshot image");
            assertEquals(snapshot.imageId(), server.getMetadata().get(Snapshots.RESTORED_FROM));
            assertTrue(server.getMetadata().get(Snapshots.RESTORED_FROM_SERVER).contains(source.id()));
            String restoredVolume = restored.idsOf(CreatedResource.Kind.VOLUME).get(0);
            Volume volume = os.blockStorage().volumes().get(restoredVolume);
            assertEquals(snapshot.volumeSnapshotIds().get(0), volume.getSnapshotId());
            assertEquals(Volume.Status.IN_USE, volume.getStatus());
        } finally {
            if (restored != null) {
                provisioner.destroy(restored.id(), lines);
            }
            // the source volume holds the volume snapshot: destroy keeps it, deleting the snapshot removes it
            DestroyResult destroyed = provisioner.destroy(source.id(), lines);
            String sourceVolume = source.idsOf(CreatedResource.Kind.VOLUME).get(0);
            if (snapshot != null) {
                assertTrue(destroyed.removed().stream().noneMatch(r -> r.id().equals(sourceVolume)));
                assertTrue(lines.all().contains("it holds volume snapshot(s)"), lines.all());
                snapshots.delete(snapshot, lines);
                assertNull(os.imagesV2().get(snapshot.imageId()));
                assertNull(os.blockStorage().snapshots().get(snapshot.volumeSnapshotIds().get(0)));
            }
            assertNull(os.blockStorage().volumes().get(sourceVolume), "nothing left behind");
        }
    }

    @Test
    void retentionKeepsTheNewestPerLabel() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        Instance source = provisioner.provision(spec("pp-retain").build(), lines);
        String series = "series-" + Ownership.randomText(6);
        List<ServerSnapshot> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                taken.add(snapshots.snapshot(source.id(), series + "-" + i, Map.of("series", series), false, TIMEOUT,
                        lines));
                sleep(1100); // distinct creation seconds in Glance
            }
            List<ServerSnapshot> wouldDelete = snapshots.retain(Map.of("series", series), 1, true, lines);
            assertEquals(2, wouldDelete.size());
            assertEquals(3, snapshots.list(Map.of("series", series)).size(), "dry run deletes nothing");
            List<ServerSnapshot> deleted = snapshots.retain(Map.of("series", series), 1, false, lines);
            assertEquals(List.of(taken.get(1).imageId(), taken.get(0).imageId()),
                    deleted.stream().map(ServerSnapshot::imageId).toList());
            assertEquals(List.of(taken.get(2).imageId()), snapshots.list(Map.of("series", series)).stream()
                    .map(ServerSnapshot::imageId).toList());
        } finally {
            provisioner.destroy(source.id(), lines);
            snapshots.retain(Map.of("series", series), 0, false, lines);
        }
    }

    @Test
    void backupsHaveDateTimeIdsAndRestoreToAnotherInstance() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        Instant taken = Instant.parse("2026-11-22T03:15:00Z");
        Snapshots fixedTime = new Snapshots(session, provisioner, Clock.fixed(taken, ZoneOffset.UTC),
                Duration.ofSeconds(1));
        Backups backups = new Backups(session, fixedTime);
        String lava = "pp-lava-" + Ownership.randomText(5);
        Instance source = provisioner.provision(spec(null).name(lava).dataVolumeGb(1).build(), lines);
        Instance other = null;
        try {
            ServerSnapshot backup = backups.backup(lava, Map.of(), TIMEOUT, lines);
            assertEquals("20261122T031500Z", backup.labels().get(Backups.BACKUP_ID));
            assertEquals(List.of(backup.imageId()), backups.list(lava).stream().map(ServerSnapshot::imageId).toList());
            CloudException twice = assertThrows(CloudException.class,
                    () -> backups.backup(lava, Map.of(), TIMEOUT, lines));
            assertTrue(twice.getMessage().contains("already has a backup 20261122T031500Z"), twice.getMessage());

            CloudException running = assertThrows(CloudException.class,
                    () -> backups.restore(lava, "20261122T031500Z", spec("x").build(), lines));
            assertTrue(running.getMessage().contains("cannot restore onto a running instance"), running.getMessage());

            String target = lava + "-copy";
            other = backups.restore(target, lava + "/20261122T031500Z", spec("x").build(), lines);
            assertEquals(target, other.name());
            Server server = session.client().compute().servers().get(other.id());
            assertEquals(backup.imageId(), server.getMetadata().get(Snapshots.RESTORED_FROM));
            assertEquals(1, other.idsOf(CreatedResource.Kind.VOLUME).size(), "volume restored from its snapshot");
            CloudException missing = assertThrows(CloudException.class,
                    () -> backups.restore("pp-nowhere", lava + "/20990101T000000Z", spec("x").build(), lines));
            assertTrue(missing.getMessage().contains("No backup 20990101T000000Z of instance " + lava)
                    && missing.getMessage().contains("20261122T031500Z"), missing.getMessage());
            assertNotNull(backup.created());
        } finally {
            if (other != null) {
                provisioner.destroy(other.id(), lines);
            }
            provisioner.destroy(source.id(), lines);
            backups.list(lava).forEach(b -> fixedTime.delete(b, lines));
            assertTrue(provisioner.resourcesOf(source.allocation()).isEmpty(), "source volume removed with its backup");
        }
    }

    private String bootImageOf(String serverId) {
        try {
            return RawOpenStack.call(session, "GET", RawOpenStack.endpoint(session, "compute") + "/servers/" + serverId,
                    null).json().path("server").path("image").path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
