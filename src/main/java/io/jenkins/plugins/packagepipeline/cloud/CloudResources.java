package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.storage.block.Volume;

/**
 * Finds the resources tagged with an allocation and removes them in dependency order: floating IPs, servers (and
 * wait until gone), volumes (once detached), security groups, the generated key pair. Deleting what is already gone
 * is not an error, so removal is idempotent; a conflict (a volume still detaching, a group still in use) is retried
 * with backoff because that is exactly where waiting helps.
 */
final class CloudResources {
    /** Name of the key pair generated for an allocation. */
    static String keyPairName(String allocation) {
        return "package-pipeline-" + allocation;
    }

    private final CloudSession session;
    private final ProgressListener listener;
    private final Waiter waiter;
    private final Duration deleteTimeout;

    CloudResources(CloudSession session, ProgressListener listener, Duration poll, Duration deleteTimeout) {
        this.session = session;
        this.listener = listener;
        this.waiter = new Waiter(listener, poll);
        this.deleteTimeout = deleteTimeout;
    }

    /** One resource carrying our ownership tags, as listed, with its creation time when the API gives one. */
    record Tagged(CreatedResource resource, Ownership ownership, Instant created) {
    }

    /**
     * Every server, floating IP, volume and security group of the project that carries our ownership tags;
     * with {@code skipVolumesWithSnapshots}, volumes kept for volume snapshots are left out.
     */
    List<Tagged> listTagged(boolean skipVolumesWithSnapshots) {
        OSClientV3 os = session.client();
        List<Tagged> found = new ArrayList<>();
        for (Server server : call("list servers", () -> os.compute().servers().list(true))) {
            Ownership.fromMetadata(server.getMetadata()).ifPresent(o -> found.add(new Tagged(new CreatedResource(
                    CreatedResource.Kind.SERVER, server.getId(), server.getName()), o, instant(server.getCreated()))));
        }
        for (NetFloatingIP ip : call("list floating IPs", () -> os.networking().floatingip().list())) {
            Ownership.fromDescription(ip.getDescription()).ifPresent(o -> found.add(new Tagged(new CreatedResource(
                    CreatedResource.Kind.FLOATING_IP, ip.getId(), ip.getFloatingIpAddress()), o,
                    instant(ip.getCreatedAt()))));
        }
        Set<String> withSnapshots = new HashSet<>();
        if (skipVolumesWithSnapshots) {
            call("list volume snapshots", () -> os.blockStorage().snapshots().list())
                    .forEach(s -> withSnapshots.add(s.getVolumeId()));
        }
        for (Volume volume : call("list volumes", () -> os.blockStorage().volumes().list())) {
            if (!withSnapshots.contains(volume.getId())) {
                Ownership.fromMetadata(volume.getMetaData()).ifPresent(o -> found.add(new Tagged(new CreatedResource(
                        CreatedResource.Kind.VOLUME, volume.getId(), volume.getName()), o,
                        instant(volume.getCreated()))));
            }
        }
        for (SecurityGroup group : call("list security groups", () -> os.networking().securitygroup().list())) {
            Ownership.fromDescription(group.getDescription()).ifPresent(o -> found.add(new Tagged(new CreatedResource(
                    CreatedResource.Kind.SECURITY_GROUP, group.getId(), group.getName()), o, null)));
        }
        return found;
    }

    /** Every instance-scope resource tagged with {@code allocation} (key pair included when it exists). */
    List<CreatedResource> find(String allocation) {
        List<CreatedResource> found = new ArrayList<>(listTagged(false).stream()
                .filter(t -> t.ownership().allocation().equals(allocation)).map(Tagged::resource).toList());
        keyPair(allocation).ifPresent(found::add);
        return found;
    }

    /** The key pair generated for {@code allocation}, if it exists. */
    Optional<CreatedResource> keyPair(String allocation) {
        String keyName = keyPairName(allocation);
        Keypair key = call("get key pair " + keyName, () -> session.client().compute().keypairs().get(keyName));
        return key == null ? Optional.empty()
                : Optional.of(new CreatedResource(CreatedResource.Kind.KEY_PAIR, keyName, keyName));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Removes the given resources (as found by {@link #find}); returns what was removed. */
    List<CreatedResource> remove(List<CreatedResource> resources) {
        List<CreatedResource> removed = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (CreatedResource.Kind kind : List.of(CreatedResource.Kind.FLOATING_IP, CreatedResource.Kind.SERVER,
                CreatedResource.Kind.IMAGE, CreatedResource.Kind.VOLUME_SNAPSHOT, CreatedResource.Kind.VOLUME,
                CreatedResource.Kind.SECURITY_GROUP, CreatedResource.Kind.KEY_PAIR)) {
            for (CreatedResource resource : resources) {
                if (resource.kind() != kind) {
                    continue;
                }
                try {
                    if (removeOne(resource)) {
                        removed.add(resource);
                    }
                } catch (CloudException e) {
                    if (e.kind() == CloudException.Kind.INTERRUPTED) {
                        throw e;
                    }
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            CloudException error = new CloudException(CloudException.Kind.CLOUD_ERROR, "Could not remove "
                    + failures.size() + " resource(s): " + failures.stream().map(Throwable::getMessage).toList()
                    + "; run destroy again or the leak sweeper");
            failures.forEach(error::addSuppressed);
            throw error;
        }
        return removed;
    }

    private boolean removeOne(CreatedResource resource) {
        OSClientV3 os = session.client();
        String what = "delete " + resource;
        return switch (resource.kind()) {
            case FLOATING_IP -> deleted(what, () -> os.networking().floatingip().delete(resource.id()));
            case SERVER -> {
                boolean existed = deleted(what, () -> os.compute().servers().delete(resource.id()));
                if (existed) {
                    waiter.until(resource + " deleted", deleteTimeout,
                            () -> call("get " + resource, () -> session.client().compute().servers().get(resource.id())),
                            s -> s == null || s.getStatus() == Server.Status.DELETED ? Optional.of(true)
                                    : Optional.empty(),
                            s -> s == null ? "gone" : String.valueOf(s.getStatus()));
                }
                yield existed;
            }
            case VOLUME -> {
                List<String> snapshots = snapshotsOf(resource.id());
                if (!snapshots.isEmpty()) {
                    listener.progress("kept " + resource + ": it holds volume snapshot(s) " + snapshots
                            + " of a server snapshot; it is removed with the last of them");
                    yield false;
                }
                boolean existed = retryingDelete(what, () -> {
                    Volume volume = session.client().blockStorage().volumes().get(resource.id());
                    if (volume == null) {
                        return ActionResponse.actionFailed("gone", 404);
                    }
                    return session.client().blockStorage().volumes().delete(resource.id());
                });
                if (existed) {
                    waitGone(resource, () -> session.client().blockStorage().volumes().get(resource.id()),
                            v -> v.getStatus().value());
                }
                yield existed;
            }
            case SECURITY_GROUP -> retryingDelete(what,
                    () -> session.client().networking().securitygroup().delete(resource.id()));
            case KEY_PAIR -> deleted(what, () -> os.compute().keypairs().delete(resource.id()));
            case IMAGE -> deleted(what, () -> os.imagesV2().delete(resource.id()));
            case VOLUME_SNAPSHOT -> {
                boolean existed = retryingDelete(what,
                        () -> session.client().blockStorage().snapshots().delete(resource.id()));
                if (existed) {
                    waitGone(resource, () -> session.client().blockStorage().snapshots().get(resource.id()),
                            s -> s.getStatus().value());
                }
                yield existed;
            }
        };
    }

    /** The volume snapshots of a volume (Cinder refuses to delete a volume that has some). */
    List<String> snapshotsOf(String volumeId) {
        return call("list snapshots of volume " + volumeId, () -> session.client().blockStorage().snapshots()
                .list(Map.of("volume_id", volumeId))).stream().filter(s -> volumeId.equals(s.getVolumeId()))
                .map(s -> s.getId()).toList();
    }

    /** Cinder deletes asynchronously: wait until the resource is really gone so listings are truthful. */
    private <T> void waitGone(CreatedResource resource, Supplier<T> get, java.util.function.Function<T, String> state) {
        waiter.until(resource + " deleted", deleteTimeout, () -> call("get " + resource, get),
                r -> r == null ? Optional.of(true) : Optional.empty(), r -> r == null ? "gone" : state.apply(r));
    }

    /** Deletes once; false when it was already gone. */
    private boolean deleted(String what, Supplier<ActionResponse> delete) {
        ActionResponse response = call(what, delete);
        if (response != null && response.getCode() == 404) {
            return false;
        }
        CloudErrors.check(what, response, true);
        listener.progress("removed: " + what.substring("delete ".length()));
        return true;
    }

    /** Deletes, retrying 400/409 answers (still attached, detaching, in use) with backoff until the timeout. */
    private boolean retryingDelete(String what, Supplier<ActionResponse> delete) {
        long deadline = System.nanoTime() + deleteTimeout.toNanos();
        long pauseMillis = 500;
        while (true) {
            ActionResponse response = call(what, delete);
            if (response == null || response.isSuccess()) {
                listener.progress("removed: " + what.substring("delete ".length()));
                return true;
            }
            if (response.getCode() == 404) {
                return false;
            }
            boolean retryable = response.getCode() == 400 || response.getCode() == 409;
            if (!retryable || System.nanoTime() > deadline) {
                CloudErrors.check(what, response, true);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CloudErrors.interrupted(what);
            }
            pauseMillis = Math.min(pauseMillis * 2, 5000);
        }
    }

    static String allocationOf(Map<String, String> metadata) {
        return metadata == null ? null : metadata.get(Ownership.ALLOCATION);
    }

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw CloudErrors.translate(what, e);
        }
    }
}
