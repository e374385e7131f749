package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeSnapshot;

/**
 * Server snapshots with labels, retention and restore. A snapshot is an image made by Nova from the server plus a
 * Cinder snapshot of each attached volume; the image carries the source server, the labels and the volume snapshot
 * ids as {@code package-pipeline.*} properties, so a restore finds everything from the image alone.
 */
public final class Snapshots {
    public static final String SOURCE_SERVER = Ownership.PREFIX + "source-server";
    public static final String SOURCE_NAME = Ownership.PREFIX + "source-name";
    public static final String VOLUME_SNAPSHOTS = Ownership.PREFIX + "volume-snapshots";
    public static final String LABEL_PREFIX = Ownership.PREFIX + "label.";
    /** Server metadata of a restored instance: the snapshot image it was booted from. */
    public static final String RESTORED_FROM = Ownership.PREFIX + "restored-from";
    /** Server metadata of a restored instance: the server the snapshot was taken of. */
    public static final String RESTORED_FROM_SERVER = Ownership.PREFIX + "restored-from-server";

    private final CloudSession session;
    private final Provisioner provisioner;
    private final Clock clock;
    private final Duration poll;

    public Snapshots(CloudSession session) {
        this(session, new Provisioner(session), Clock.systemUTC(), Duration.ofSeconds(1));
    }

    Snapshots(CloudSession session, Provisioner provisioner, Clock clock, Duration poll) {
        this.session = session;
        this.provisioner = provisioner;
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * Snapshots a server (id or name) to an image named {@code name}, with {@code labels}; with
     * {@code includeVolumes}, also snapshots every attached volume. Waits until all are available/active; on
     * failure removes the partial snapshot.
     */
    public ServerSnapshot snapshot(String server, String name, Map<String, String> labels, boolean includeVolumes,
            Duration timeout, ProgressListener listener) {
        OSClientV3 os = session.client();
        Server source = findServer(os, server);
        Ownership ownership = Ownership.fromMetadata(source.getMetadata())
                .orElseGet(() -> new Ownership(Ownership.newAllocationId(), session.userName(), "", "", null, null))
                .withAllocation(Ownership.newAllocationId()).withScope(Ownership.SCOPE_SNAPSHOT, null);
        Waiter waiter = new Waiter(listener, poll);
        List<CreatedResource> created = new ArrayList<>();
        try {
            List<String> volumeSnapshots = new ArrayList<>();
            if (includeVolumes && source.getOsExtendedVolumesAttached() != null) {
                for (String volumeId : source.getOsExtendedVolumesAttached()) {
                    Map<String, String> metadata = new LinkedHashMap<>(ownership.toMetadata());
                    metadata.put(SOURCE_SERVER, source.getId());
                    VolumeSnapshot snap = CloudResources.call("snapshot volume " + volumeId, () -> os.blockStorage()
                            .snapshots().create(Builders.volumeSnapshot().volume(volumeId).name(name + "-" + volumeId)
                                    .metadata(metadata).force(true).build()));
                    created.add(new CreatedResource(CreatedResource.Kind.VOLUME_SNAPSHOT, snap.getId(), snap.getName()));
                    listener.progress("created volume snapshot " + snap.getId() + " of volume " + volumeId);
                    waiter.until("volume snapshot " + snap.getId(), timeout,
                            () -> CloudResources.call("get volume snapshot",
                                    () -> session.client().blockStorage().snapshots().get(snap.getId())),
                            s -> {
                                if (s == null || s.getStatus() == Volume.Status.ERROR) {
                                    throw new CloudException(CloudException.Kind.RESOURCE_ERROR, "Volume snapshot "
                                            + snap.getId() + " of volume " + volumeId + " failed");
                                }
                                return s.getStatus() == Volume.Status.AVAILABLE ? Optional.of(s) : Optional.empty();
                            }, s -> s == null ? "gone" : s.getStatus().value());
                    volumeSnapshots.add(snap.getId());
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>(ownership.toMetadata());
            metadata.put(SOURCE_SERVER, source.getId());
            metadata.put(SOURCE_NAME, source.getName());
            if (!volumeSnapshots.isEmpty()) {
                metadata.put(VOLUME_SNAPSHOTS, String.join(",", volumeSnapshots));
            }
            labels.forEach((k, v) -> metadata.put(LABEL_PREFIX + k, v));
            String imageId = CloudResources.call("snapshot server " + source.getName(),
                    () -> os.compute().servers().createSnapshot(source.getId(), name, metadata));
            if (imageId == null) {
                throw new CloudException(CloudException.Kind.CLOUD_ERROR, "Nova returned no image id for the "
                        + "snapshot of " + source.getName());
            }
            created.add(new CreatedResource(CreatedResource.Kind.IMAGE, imageId, name));
            listener.progress("created snapshot image " + name + " (" + imageId + ")");
            Image image = waiter.until("snapshot image " + name, timeout,
                    () -> CloudResources.call("get image " + imageId, () -> session.client().imagesV2().get(imageId)),
                    i -> {
                        if (i == null || i.getStatus() == Image.ImageStatus.KILLED
                                || i.getStatus() == Image.ImageStatus.DELETED) {
                            throw new CloudException(CloudException.Kind.RESOURCE_ERROR, "Snapshot image " + name
                                    + " of server " + source.getName() + " failed ("
                                    + (i == null ? "gone" : i.getStatus()) + ")");
                        }
                        return i.getStatus() == Image.ImageStatus.ACTIVE ? Optional.of(i) : Optional.empty();
                    }, i -> i == null ? "gone" : String.valueOf(i.getStatus()).toLowerCase(java.util.Locale.ROOT));
            return toSnapshot(image);
        } catch (RuntimeException failure) {
            boolean interrupted = Thread.interrupted();
            try {
                new CloudResources(session, listener, poll, Duration.ofMinutes(5)).remove(created);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw failure;
        }
    }

    /** Our snapshots that carry all of {@code labels}, newest first. */
    public List<ServerSnapshot> list(Map<String, String> labels) {
        OSClientV3 os = session.client();
        List<ServerSnapshot> result = new ArrayList<>();
        for (Image image : CloudResources.call("list images", () -> os.imagesV2().list())) {
            if (!Ownership.SCOPE_SNAPSHOT.equals(image.getAdditionalPropertyValue(Ownership.SCOPE))) {
                continue;
            }
            ServerSnapshot snapshot = toSnapshot(image);
            if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(snapshot.labels().get(e.getKey())))) {
                result.add(snapshot);
            }
        }
        result.sort(Comparator.comparing(ServerSnapshot::created, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return result;
    }

    /** Keeps the newest {@code keep} snapshots carrying {@code labels}; deletes (or with dryRun, lists) the rest. */
    public List<ServerSnapshot> retain(Map<String, String> labels, int keep, boolean dryRun, ProgressListener listener) {
        if (keep < 0) {
            throw CloudException.invalidRequest("Retention must keep 0 or more snapshots, not " + keep);
        }
        List<ServerSnapshot> all = list(labels);
        List<ServerSnapshot> older = all.size() <= keep ? List.of() : all.subList(keep, all.size());
        for (ServerSnapshot snapshot : older) {
            listener.progress((dryRun ? "would delete" : "deleting") + " snapshot " + snapshot.name() + " ("
                    + snapshot.imageId() + ", " + snapshot.created() + ")");
            if (!dryRun) {
                delete(snapshot, listener);
            }
        }
        return List.copyOf(older);
    }

    /**
     * Deletes a snapshot image and its volume snapshots; a source volume kept only for those snapshots (its
     * instance was destroyed) is removed with its last snapshot.
     */
    public void delete(ServerSnapshot snapshot, ProgressListener listener) {
        OSClientV3 os = session.client();
        List<CreatedResource> parts = new ArrayList<>();
        parts.add(new CreatedResource(CreatedResource.Kind.IMAGE, snapshot.imageId(), snapshot.name()));
        List<String> sourceVolumes = new ArrayList<>();
        for (String id : snapshot.volumeSnapshotIds()) {
            parts.add(new CreatedResource(CreatedResource.Kind.VOLUME_SNAPSHOT, id, null));
            VolumeSnapshot volumeSnapshot = CloudResources.call("get volume snapshot " + id,
                    () -> os.blockStorage().snapshots().get(id));
            if (volumeSnapshot != null) {
                sourceVolumes.add(volumeSnapshot.getVolumeId());
            }
        }
        CloudResources resources = new CloudResources(session, listener, poll, Duration.ofMinutes(5));
        resources.remove(parts);
        for (String volumeId : sourceVolumes) {
            Volume volume = CloudResources.call("get volume " + volumeId, () -> os.blockStorage().volumes().get(volumeId));
            String allocation = volume == null ? null : CloudResources.allocationOf(volume.getMetaData());
            if (allocation != null && volume.getAttachments().isEmpty()
                    && resources.find(allocation).stream().noneMatch(r -> r.kind() == CreatedResource.Kind.SERVER)) {
                resources.remove(List.of(new CreatedResource(CreatedResource.Kind.VOLUME, volumeId, volume.getName())));
            }
        }
    }

    /** Finds one of our snapshots by image id or name. */
    public ServerSnapshot find(String imageIdOrName) {
        List<ServerSnapshot> matches = list(Map.of()).stream()
                .filter(s -> s.imageId().equals(imageIdOrName) || imageIdOrName.equals(s.name())).toList();
        if (matches.isEmpty()) {
            throw new CloudException(CloudException.Kind.NOT_FOUND, "No Package Pipeline snapshot with id or name '"
                    + imageIdOrName + "'");
        }
        return matches.get(0);
    }

    /**
     * Boots a new instance from a snapshot: {@code spec}'s image is replaced by the snapshot image, a volume is
     * made from each volume snapshot and attached, and the server's metadata records where it came from.
     */
    public Instance restore(String snapshotImage, InstanceSpec spec, ProgressListener listener) {
        ServerSnapshot snapshot = find(snapshotImage);
        InstanceSpec.Builder restored = spec.toBuilder().image(snapshot.imageId())
                .metadata(RESTORED_FROM, snapshot.imageId())
                .metadata(RESTORED_FROM_SERVER, snapshot.sourceServerName() + " " + snapshot.sourceServerId());
        snapshot.volumeSnapshotIds().forEach(restored::volumeFromSnapshot);
        listener.progress("restoring snapshot " + snapshot.name() + " (" + snapshot.imageId() + ") of "
                + snapshot.sourceServerName());
        return provisioner.provision(restored.build(), listener);
    }

    Server findServer(OSClientV3 os, String server) {
        for (Server s : CloudResources.call("list servers", () -> os.compute().servers().list(true))) {
            if (server.equals(s.getId()) || server.equals(s.getName())) {
                return s;
            }
        }
        throw new CloudException(CloudException.Kind.NOT_FOUND, "No server with id or name '" + server + "'");
    }

    Clock clock() {
        return clock;
    }

    static ServerSnapshot toSnapshot(Image image) {
        Map<String, String> labels = new LinkedHashMap<>();
        // Glance returns custom properties as additional properties; labels are those under our label prefix
        String volumes = image.getAdditionalPropertyValue(VOLUME_SNAPSHOTS);
        for (String key : propertyKeys(image)) {
            if (key.startsWith(LABEL_PREFIX)) {
                labels.put(key.substring(LABEL_PREFIX.length()), image.getAdditionalPropertyValue(key));
            }
        }
        return new ServerSnapshot(image.getId(), image.getName(),
                String.valueOf(image.getStatus()).toLowerCase(java.util.Locale.ROOT),
                image.getAdditionalPropertyValue(SOURCE_SERVER), image.getAdditionalPropertyValue(SOURCE_NAME), labels,
                volumes == null || volumes.isBlank() ? List.of() : Arrays.asList(volumes.split(",")),
                image.getCreatedAt() == null ? null : image.getCreatedAt().toInstant());
    }

    private static List<String> propertyKeys(Image image) {
        if (image instanceof org.openstack4j.openstack.image.v2.domain.GlanceImage glance) {
            return new ArrayList<>(glance.getAdditionalProperties().keySet());
        }
        return List.of();
    }
}
