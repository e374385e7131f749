package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Address;
import org.openstack4j.model.compute.BDMDestType;
import org.openstack4j.model.compute.BDMSourceType;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.network.options.PortListOptions;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.builder.VolumeBuilder;

/**
 * Provisions and destroys instances. {@link #provision} creates the server and everything it needs, tags each
 * resource with the {@link Ownership} of one allocation, waits until ACTIVE (and optionally until a TCP port
 * answers), and on any failure or interruption removes everything created so far before rethrowing. A server the
 * cloud has no room for (Nova's "No valid host was found") is deleted and booted again after a growing backoff, up
 * to {@link InstanceSpec#capacityAttempts()} times.
 * {@link #destroy} removes exactly what an allocation created and is harmless to repeat. Thread-safe: calls from
 * several threads share the session's token.
 */
public final class Provisioner {
    /** The wait before the second boot of a server the cloud had no room for; it doubles for each next one. */
    static final Duration CAPACITY_BACKOFF = Duration.ofSeconds(30);

    private final CloudSession session;
    private final Clock clock;
    private final Duration poll;
    private final Duration deleteTimeout;
    private final Duration capacityBackoff;

    public Provisioner(CloudSession session) {
        this(session, Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    Provisioner(CloudSession session, Clock clock, Duration poll, Duration deleteTimeout) {
        this(session, clock, poll, deleteTimeout, CAPACITY_BACKOFF);
    }

    Provisioner(CloudSession session, Clock clock, Duration poll, Duration deleteTimeout, Duration capacityBackoff) {
        this.session = session;
        this.clock = clock;
        this.poll = poll;
        this.deleteTimeout = deleteTimeout;
        this.capacityBackoff = capacityBackoff;
    }

    /** Creates the instance described by {@code spec}; progress lines go to {@code listener}. */
    public Instance provision(InstanceSpec spec, ProgressListener listener) {
        String allocation = Ownership.newAllocationId();
        Ownership ownership = new Ownership(allocation, spec.owner(), spec.job(), spec.build(),
                Ownership.SCOPE_INSTANCE, clock.instant().plus(spec.lease()));
        String name = spec.name() != null ? spec.name() : spec.namePrefix() + "-" + Ownership.randomText(6);
        List<CreatedResource> created = new ArrayList<>();
        listener.progress("provisioning " + name + " (allocation " + allocation + ")");
        try {
            return new Run(spec, listener, ownership, name, created).execute();
        } catch (RuntimeException failure) {
            boolean interrupted = Thread.interrupted();
            try {
                listener.progress("provisioning " + name + " failed: " + failure.getMessage()
                        + "; removing what was created");
                removeAll(allocation, created, listener);
            } catch (RuntimeException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
                listener.progress("WARNING: cleanup of allocation " + allocation + " incomplete: "
                        + cleanupFailure.getMessage());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw failure;
        }
    }

    /**
     * Removes everything of one instance: {@code reference} is a server id or name, or an allocation id. Only
     * resources tagged by this engine are touched; a server without our tags is refused. Repeating is harmless.
     */
    public DestroyResult destroy(String reference, ProgressListener listener) {
        String allocation = allocationOf(reference);
        if (allocation == null) {
            listener.progress("nothing to destroy for '" + reference + "' (already gone)");
            return new DestroyResult(reference, null, List.of());
        }
        List<CreatedResource> removed = removeAll(allocation, List.of(), listener);
        listener.progress("destroyed allocation " + allocation + ": " + removed.size() + " resource(s) removed");
        return new DestroyResult(reference, allocation, removed);
    }

    /** The instance-scope resources currently tagged with this allocation. */
    public List<CreatedResource> resourcesOf(String allocation) {
        return resources(ProgressListener.NONE).find(allocation);
    }

    private String allocationOf(String reference) {
        OSClientV3 os = session.client();
        for (Server server : CloudResources.call("list servers", () -> os.compute().servers().list(true))) {
            if (reference.equals(server.getId()) || reference.equals(server.getName())) {
                String allocation = CloudResources.allocationOf(server.getMetadata());
                if (allocation == null) {
                    throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Server '" + reference + "' ("
                            + server.getId() + ") was not created by Package Pipeline (no " + Ownership.ALLOCATION
                            + " metadata); it is left alone");
                }
                return allocation;
            }
        }
        return resources(ProgressListener.NONE).find(reference).isEmpty() ? null : reference;
    }

    private List<CreatedResource> removeAll(String allocation, List<CreatedResource> known, ProgressListener listener) {
        CloudResources resources = resources(listener);
        LinkedHashSet<CreatedResource> all = new LinkedHashSet<>(known);
        all.addAll(resources.find(allocation));
        return resources.remove(new ArrayList<>(all));
    }

    private CloudResources resources(ProgressListener listener) {
        return new CloudResources(session, listener, poll, deleteTimeout);
    }

    /** One provisioning run: the steps in order, recording each created resource. */
    private final class Run {
        private final InstanceSpec spec;
        private final ProgressListener listener;
        private final Ownership ownership;
        private final String name;
        private final List<CreatedResource> created;
        private final Waiter waiter;
        private final OSClientV3 os;

        Run(InstanceSpec spec, ProgressListener listener, Ownership ownership, String name,
                List<CreatedResource> created) {
            this.spec = spec;
            this.listener = listener;
            this.ownership = ownership;
            this.name = name;
            this.created = created;
            this.waiter = new Waiter(listener, poll);
            this.os = session.client();
        }

        Instance execute() {
            // Everything that can be checked without creating anything, first.
            UserData userData = spec.userData() == null ? null
                    : UserData.encode(spec.userData(), spec.userDataSource());
            NameResolver names = new NameResolver(os);
            String imageId = names.image(spec.image());
            String flavorId = names.flavor(spec.flavor());
            List<String> networkIds = spec.networks().stream().map(names::network).toList();
            List<String> groupIds = new ArrayList<>(spec.securityGroups().stream().map(names::securityGroup).toList());
            String poolId = spec.floatingIpPool() == null ? null : names.network(spec.floatingIpPool());
            if (spec.keyPair() != null) {
                names.requireKeyPair(spec.keyPair());
            }

            String keyPairName = spec.keyPair();
            String privateKey = null;
            if (spec.generateKeyPair()) {
                keyPairName = CloudResources.keyPairName(ownership.allocation());
                String keyName = keyPairName;
                Keypair keypair = CloudResources.call("create key pair " + keyName,
                        () -> os.compute().keypairs().create(keyName, null));
                record(CreatedResource.Kind.KEY_PAIR, keyName, keyName);
                privateKey = keypair.getPrivateKey();
            }
            if (!spec.createSecurityGroupRules().isEmpty()) {
                groupIds.add(createSecurityGroup());
            }

            String bootVolume = null;
            if (spec.bootVolumeGb() > 0) {
                bootVolume = createVolume(name + "-boot", Builders.volume().size(spec.bootVolumeGb())
                        .imageRef(imageId).bootable(true));
            }
            List<String> dataVolumes = new ArrayList<>();
            if (spec.dataVolumeGb() > 0) {
                dataVolumes.add(createVolume(name + "-data", Builders.volume().size(spec.dataVolumeGb())));
            }
            for (String snapshotId : spec.volumesFromSnapshots()) {
                int size = CloudResources.call("get volume snapshot " + snapshotId,
                        () -> Optional.ofNullable(os.blockStorage().snapshots().get(snapshotId))).map(s -> s.getSize())
                        .orElseThrow(() -> new CloudException(CloudException.Kind.NOT_FOUND,
                                "Volume snapshot '" + snapshotId + "' does not exist"));
                dataVolumes.add(createVolume(name + "-restored-" + dataVolumes.size(),
                        Builders.volume().size(size).snapshot(snapshotId)));
            }
            for (String volumeId : created.stream().filter(r -> r.kind() == CreatedResource.Kind.VOLUME)
                    .map(CreatedResource::id).toList()) {
                waitVolume(volumeId, Volume.Status.AVAILABLE);
            }

            Server server = bootUntilPlaced(imageId, flavorId, networkIds, groupIds, keyPairName, bootVolume,
                    userData);
            for (String volumeId : dataVolumes) {
                CloudResources.call("attach volume " + volumeId,
                        () -> os.compute().servers().attachVolume(serverId(), volumeId, null));
                waitVolume(volumeId, Volume.Status.IN_USE);
            }
            String floatingIp = null;
            if (poolId != null) {
                floatingIp = associateFloatingIp(server.getId(), poolId);
            }
            server = CloudResources.call("get server " + name, () -> session.client().compute().servers()
                    .get(serverId()));
            Instance instance = new Instance(server.getId(), server.getName(), ownership.allocation(),
                    String.valueOf(server.getStatus()), addresses(server), floatingIp, keyPairName, privateKey,
                    ownership, created);
            if (spec.waitForPort() > 0) {
                new PortWaiter(waiter).await(name, instance.accessAddress(), spec.waitForPort(), spec.portTimeout());
            }
            listener.progress("instance " + name + " ready at " + instance.accessAddress());
            return instance;
        }

        private String serverId() {
            return created.stream().filter(r -> r.kind() == CreatedResource.Kind.SERVER).map(CreatedResource::id)
                    .findFirst().orElseThrow();
        }

        private void record(CreatedResource.Kind kind, String id, String resourceName) {
            CreatedResource resource = new CreatedResource(kind, id, resourceName);
            created.add(resource);
            listener.progress("created " + resource);
        }

        private String createSecurityGroup() {
            String groupName = name + "-" + ownership.allocation();
            SecurityGroup group = CloudResources.call("create security group " + groupName,
                    () -> os.networking().securitygroup().create(Builders.securityGroup().name(groupName)
                            .description(ownership.toDescription()).build()));
            record(CreatedResource.Kind.SECURITY_GROUP, group.getId(), groupName);
            for (SecurityGroupRule rule : spec.createSecurityGroupRules()) {
                CloudResources.call("add rule " + rule + " to security group " + groupName,
                        () -> os.networking().securityrule().create(Builders.securityGroupRule()
                                .securityGroupId(group.getId()).direction("ingress").ethertype("IPv4")
                                .protocol(rule.protocol()).portRangeMin(rule.portMin()).portRangeMax(rule.portMax())
                                .remoteIpPrefix(rule.remoteCidr()).build()));
            }
            return group.getId();
        }

        private String createVolume(String volumeName, VolumeBuilder builder) {
            Volume volume = CloudResources.call("create volume " + volumeName, () -> os.blockStorage().volumes()
                    .create(builder.name(volumeName).metadata(ownership.toMetadata())
                            .zone(spec.availabilityZone()).build()));
            record(CreatedResource.Kind.VOLUME, volume.getId(), volumeName);
            return volume.getId();
        }

        private void waitVolume(String volumeId, Volume.Status wanted) {
            waiter.until("volume " + volumeId + " " + wanted.value(), spec.activeTimeout(),
                    () -> CloudResources.call("get volume " + volumeId,
                            () -> session.client().blockStorage().volumes().get(volumeId)),
                    v -> {
                        if (v == null) {
                            throw new CloudException(CloudException.Kind.RESOURCE_ERROR, "Volume " + volumeId
                                    + " disappeared");
                        }
                        if (v.getStatus() == Volume.Status.ERROR) {
                            throw new CloudException(CloudException.Kind.RESOURCE_ERROR, "Volume " + volumeId
                                    + " went to error (size " + v.getSize() + " GB): check the block storage "
                                    + "quota and backend capacity");
                        }
                        return v.getStatus() == wanted ? Optional.of(v) : Optional.empty();
                    },
                    v -> v == null ? "gone" : v.getStatus().value());
        }

        /**
         * Boots the server and waits until it is ACTIVE. When it goes to ERROR for lack of capacity ({@link
         * CloudException.Kind#CAPACITY}), deletes it (nothing is left behind), waits a backoff that doubles each
         * time, and boots again, up to the spec's attempts; then the last fault is raised, saying how often.
         */
        private Server bootUntilPlaced(String imageId, String flavorId, List<String> networkIds,
                List<String> groupIds, String keyPairName, String bootVolume, UserData userData) {
            int attempts = spec.capacityAttempts();
            Duration backoff = capacityBackoff;
            for (int attempt = 1; ; attempt++) {
                if (attempts > 1) {
                    listener.progress("booting server " + name + ", attempt " + attempt + " of " + attempts);
                }
                try {
                    Server server = boot(imageId, flavorId, networkIds, groupIds, keyPairName, bootVolume, userData);
                    return waitActive(server.getId());
                } catch (CloudException e) {
                    if (e.kind() != CloudException.Kind.CAPACITY) {
                        throw e;
                    }
                    if (attempt >= attempts) {
                        throw new CloudException(CloudException.Kind.CAPACITY, e.getMessage() + " (attempt " + attempt
                                + " of " + attempts + "). The cloud has no room for flavor '" + spec.flavor()
                                + "' now: try again later, a smaller flavor or another availability zone", e);
                    }
                    listener.progress("attempt " + attempt + " of " + attempts + " failed for lack of capacity: "
                            + e.getMessage() + "; deleting that server, next attempt in " + backoff.toSeconds()
                            + " s");
                    removeServers();
                    if (bootVolume != null) {
                        waitVolume(bootVolume, Volume.Status.AVAILABLE);
                    }
                    waiter.pause(backoff, "attempt " + (attempt + 1) + " of server " + name);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }

        /** Deletes the server(s) booted so far (waiting until gone) and forgets them. */
        private void removeServers() {
            List<CreatedResource> servers = created.stream()
                    .filter(r -> r.kind() == CreatedResource.Kind.SERVER).toList();
            resources(listener).remove(servers);
            created.removeAll(servers);
        }

        private Server boot(String imageId, String flavorId, List<String> networkIds, List<String> groupIds,
                String keyPairName, String bootVolume, UserData userData) {
            Map<String, String> metadata = new LinkedHashMap<>(spec.metadata());
            metadata.putAll(ownership.toMetadata());
            ServerCreateBuilder builder = Builders.server().name(name).flavor(flavorId).addMetadata(metadata);
            if (bootVolume != null) {
                builder.blockDevice(Builders.blockDeviceMapping().uuid(bootVolume).sourceType(BDMSourceType.VOLUME)
                        .destinationType(BDMDestType.VOLUME).bootIndex(0).deleteOnTermination(false).build());
            } else {
                builder.image(imageId);
            }
            if (!networkIds.isEmpty()) {
                builder.networks(networkIds);
            }
            groupIds.forEach(builder::addSecurityGroup);
            if (keyPairName != null) {
                builder.keypairName(keyPairName);
            }
            if (spec.availabilityZone() != null) {
                builder.availabilityZone(spec.availabilityZone());
            }
            if (userData != null) {
                builder.userData(userData.base64());
                listener.progress("user-data: " + userData.rawBytes() + " bytes"
                        + (userData.compressed() ? ", gzip-compressed to " + userData.base64().length()
                        + " base64 characters" : ""));
            }
            Server server = CloudResources.call("boot server " + name, () -> os.compute().servers()
                    .boot(builder.build()));
            record(CreatedResource.Kind.SERVER, server.getId(), name);
            return server;
        }

        private Server waitActive(String serverId) {
            return waiter.until("server " + name, spec.activeTimeout(),
                    () -> CloudResources.call("get server " + name,
                            () -> session.client().compute().servers().get(serverId)),
                    s -> {
                        if (s == null) {
                            throw new CloudException(CloudException.Kind.RESOURCE_ERROR, "Server " + name + " ("
                                    + serverId + ") disappeared while booting");
                        }
                        if (s.getStatus() == Server.Status.ERROR) {
                            String fault = s.getFault() == null ? "no fault message"
                                    : String.valueOf(s.getFault().getMessage()).strip();
                            CloudException.Kind kind = CloudErrors.kindOf(500, fault);
                            throw new CloudException(kind == CloudException.Kind.CAPACITY ? kind
                                    : CloudException.Kind.RESOURCE_ERROR, "Server " + name + " (" + serverId
                                    + ") went to ERROR: " + fault);
                        }
                        return s.getStatus() == Server.Status.ACTIVE ? Optional.of(s) : Optional.empty();
                    },
                    s -> s == null ? "gone" : s.getStatus() + (s.getTaskState() == null ? "" : "/" + s.getTaskState()));
        }

        private String associateFloatingIp(String serverId, String poolId) {
            List<? extends Port> ports = CloudResources.call("list ports of " + name,
                    () -> os.networking().port().list(PortListOptions.create().deviceId(serverId)));
            if (ports.isEmpty()) {
                throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Server " + name
                        + " has no network port to put a floating IP on; give it a network");
            }
            NetFloatingIP ip = CloudResources.call("allocate a floating IP for " + name,
                    () -> os.networking().floatingip().create(Builders.netFloatingIP().floatingNetworkId(poolId)
                            .portId(ports.get(0).getId()).description(ownership.toDescription()).build()));
            record(CreatedResource.Kind.FLOATING_IP, ip.getId(), ip.getFloatingIpAddress());
            return ip.getFloatingIpAddress();
        }
    }

    static Map<String, List<String>> addresses(Server server) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (server.getAddresses() != null && server.getAddresses().getAddresses() != null) {
            for (Map.Entry<String, List<? extends Address>> e : server.getAddresses().getAddresses().entrySet()) {
                result.put(e.getKey(), e.getValue().stream().map(Address::getAddr).toList());
            }
        }
        return result;
    }
}
