package io.jenkins.plugins.packagepipeline.cloud;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to provision: one server and what it needs around it. Build with {@link #builder()}; image, flavor and at
 * least a name or name prefix are required, everything else is optional. Names or ids are accepted for images,
 * flavors, networks, security groups and the floating IP pool.
 */
public final class InstanceSpec {
    /** How many times a server is booted when the cloud has no room for it ("No valid host"), by default. */
    public static final int DEFAULT_CAPACITY_ATTEMPTS = 3;

    private final String name;
    private final String namePrefix;
    private final String image;
    private final String flavor;
    private final List<String> networks;
    private final String keyPair;
    private final boolean generateKeyPair;
    private final List<String> securityGroups;
    private final List<SecurityGroupRule> createSecurityGroupRules;
    private final String availabilityZone;
    private final Map<String, String> metadata;
    private final byte[] userData;
    private final String userDataSource;
    private final int dataVolumeGb;
    private final int bootVolumeGb;
    private final List<String> volumesFromSnapshots;
    private final String floatingIpPool;
    private final String owner;
    private final String job;
    private final String build;
    private final Duration lease;
    private final Duration activeTimeout;
    private final int waitForPort;
    private final Duration portTimeout;
    private final int capacityAttempts;

    private InstanceSpec(Builder b) {
        if ((b.name == null || b.name.isBlank()) && (b.namePrefix == null || b.namePrefix.isBlank())) {
            throw CloudException.invalidRequest("An instance needs a name or a name prefix");
        }
        requireText(b.image, "image");
        requireText(b.flavor, "flavor");
        if (b.keyPair != null && b.generateKeyPair) {
            throw CloudException.invalidRequest("Give either an existing key pair ('" + b.keyPair
                    + "') or ask for a generated one, not both");
        }
        if (b.capacityAttempts < 1) {
            throw CloudException.invalidRequest("Capacity attempts must be 1 or more (1: no retry), not "
                    + b.capacityAttempts);
        }
        if (b.dataVolumeGb < 0 || b.bootVolumeGb < 0) {
            throw CloudException.invalidRequest("Volume sizes must be positive (data " + b.dataVolumeGb
                    + " GB, boot " + b.bootVolumeGb + " GB)");
        }
        this.name = blankToNull(b.name);
        this.namePrefix = blankToNull(b.namePrefix);
        this.image = b.image;
        this.flavor = b.flavor;
        this.networks = List.copyOf(b.networks);
        this.keyPair = blankToNull(b.keyPair);
        this.generateKeyPair = b.generateKeyPair;
        this.securityGroups = List.copyOf(b.securityGroups);
        this.createSecurityGroupRules = List.copyOf(b.createSecurityGroupRules);
        this.availabilityZone = blankToNull(b.availabilityZone);
        this.metadata = Map.copyOf(b.metadata);
        this.userData = b.userData == null ? null : b.userData.clone();
        this.userDataSource = b.userDataSource;
        this.dataVolumeGb = b.dataVolumeGb;
        this.bootVolumeGb = b.bootVolumeGb;
        this.volumesFromSnapshots = List.copyOf(b.volumesFromSnapshots);
        this.floatingIpPool = blankToNull(b.floatingIpPool);
        this.owner = b.owner;
        this.job = b.job;
        this.build = b.build;
        this.lease = b.lease;
        this.activeTimeout = b.activeTimeout;
        this.waitForPort = b.waitForPort;
        this.portTimeout = b.portTimeout;
        this.capacityAttempts = b.capacityAttempts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a variant (e.g. another image for a restore). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.namePrefix = namePrefix;
        b.image = image;
        b.flavor = flavor;
        b.networks.addAll(networks);
        b.keyPair = keyPair;
        b.generateKeyPair = generateKeyPair;
        b.securityGroups.addAll(securityGroups);
        b.createSecurityGroupRules.addAll(createSecurityGroupRules);
        b.availabilityZone = availabilityZone;
        b.metadata.putAll(metadata);
        b.userData = userData;
        b.userDataSource = userDataSource;
        b.dataVolumeGb = dataVolumeGb;
        b.bootVolumeGb = bootVolumeGb;
        b.volumesFromSnapshots.addAll(volumesFromSnapshots);
        b.floatingIpPool = floatingIpPool;
        b.owner = owner;
        b.job = job;
        b.build = build;
        b.lease = lease;
        b.activeTimeout = activeTimeout;
        b.waitForPort = waitForPort;
        b.portTimeout = portTimeout;
        b.capacityAttempts = capacityAttempts;
        return b;
    }

    public String name() { return name; }
    public String namePrefix() { return namePrefix; }
    public String image() { return image; }
    public String flavor() { return flavor; }
    public List<String> networks() { return networks; }
    public String keyPair() { return keyPair; }
    public boolean generateKeyPair() { return generateKeyPair; }
    public List<String> securityGroups() { return securityGroups; }
    public List<SecurityGroupRule> createSecurityGroupRules() { return createSecurityGroupRules; }
    public String availabilityZone() { return availabilityZone; }
    public Map<String, String> metadata() { return metadata; }
    public byte[] userData() { return userData == null ? null : userData.clone(); }
    public String userDataSource() { return userDataSource; }
    public int dataVolumeGb() { return dataVolumeGb; }
    public int bootVolumeGb() { return bootVolumeGb; }
    public List<String> volumesFromSnapshots() { return volumesFromSnapshots; }
    public String floatingIpPool() { return floatingIpPool; }
    public String owner() { return owner; }
    public String job() { return job; }
    public String build() { return build; }
    public Duration lease() { return lease; }
    public Duration activeTimeout() { return activeTimeout; }
    public int waitForPort() { return waitForPort; }
    public Duration portTimeout() { return portTimeout; }
    public int capacityAttempts() { return capacityAttempts; }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw CloudException.invalidRequest("An instance needs an " + what + " (name or id)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects the inputs of an {@link InstanceSpec}. */
    public static final class Builder {
        private String name;
        private String namePrefix;
        private String image;
        private String flavor;
        private final List<String> networks = new ArrayList<>();
        private String keyPair;
        private boolean generateKeyPair;
        private final List<String> securityGroups = new ArrayList<>();
        private final List<SecurityGroupRule> createSecurityGroupRules = new ArrayList<>();
        private String availabilityZone;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private byte[] userData;
        private String userDataSource;
        private int dataVolumeGb;
        private int bootVolumeGb;
        private final List<String> volumesFromSnapshots = new ArrayList<>();
        private String floatingIpPool;
        private String owner = System.getProperty("user.name", "");
        private String job = "";
        private String build = "";
        private Duration lease = Duration.ofHours(24);
        private Duration activeTimeout = Duration.ofMinutes(10);
        private int waitForPort;
        private Duration portTimeout = Duration.ofMinutes(5);
        private int capacityAttempts = DEFAULT_CAPACITY_ATTEMPTS;

        private Builder() {
        }

        /** The exact server name. */
        public Builder name(String value) { this.name = value; return this; }
        /** Name prefix: the server is named {@code prefix-xxxxxx} with a random suffix (disposable environments). */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Image name or id. */
        public Builder image(String value) { this.image = value; return this; }
        /** Flavor name or id. */
        public Builder flavor(String value) { this.flavor = value; return this; }
        /** A network (name or id) to attach, in order. */
        public Builder network(String value) { this.networks.add(value); return this; }
        public Builder networks(List<String> values) { this.networks.addAll(values); return this; }
        /** An existing key pair by name. */
        public Builder keyPair(String value) { this.keyPair = value; return this; }
        /** Generate a key pair for this instance; its private key is returned once, in the result. */
        public Builder generateKeyPair(boolean value) { this.generateKeyPair = value; return this; }
        /** An existing security group (name or id). */
        public Builder securityGroup(String value) { this.securityGroups.add(value); return this; }
        public Builder securityGroups(List<String> values) { this.securityGroups.addAll(values); return this; }
        /** Create a security group for this instance with these ingress rules. */
        public Builder createSecurityGroup(List<SecurityGroupRule> rules) {
            this.createSecurityGroupRules.addAll(rules);
            return this;
        }
        public Builder availabilityZone(String value) { this.availabilityZone = value; return this; }
        /** Extra server metadata (the ownership keys {@code package-pipeline.allocation...} are always ours). */
        public Builder metadata(Map<String, String> values) { this.metadata.putAll(values); return this; }
        public Builder metadata(String key, String value) { this.metadata.put(key, value); return this; }
        /** Cloud-init user-data; {@code source} names it in messages (a file name). */
        public Builder userData(byte[] content, String source) {
            this.userData = Objects.requireNonNull(content).clone();
            this.userDataSource = source;
            return this;
        }
        public Builder userData(String text) { return userData(text.getBytes(StandardCharsets.UTF_8), "text"); }
        /** Create a data volume of this many GB and attach it (0: none). */
        public Builder dataVolumeGb(int value) { this.dataVolumeGb = value; return this; }
        /** Boot from a new volume of this many GB made from the image (0: boot from the image). */
        public Builder bootVolumeGb(int value) { this.bootVolumeGb = value; return this; }
        /** Create a volume from this volume snapshot (id) and attach it (used by restore). */
        public Builder volumeFromSnapshot(String snapshotId) { this.volumesFromSnapshots.add(snapshotId); return this; }
        /** Allocate a floating IP from this external network (name or id) and associate it. */
        public Builder floatingIpPool(String value) { this.floatingIpPool = value; return this; }
        /** Who asks (a Jenkins URL or user name); recorded on every resource. */
        public Builder owner(String value) { this.owner = value; return this; }
        /** The job and build asking; recorded on every resource. */
        public Builder job(String jobName, String buildId) { this.job = jobName; this.build = buildId; return this; }
        /** After this long the leak sweeper may remove everything of this instance. */
        public Builder lease(Duration value) { this.lease = Objects.requireNonNull(value); return this; }
        public Builder activeTimeout(Duration value) { this.activeTimeout = Objects.requireNonNull(value); return this; }
        /** After ACTIVE, also wait until this TCP port answers (0: do not wait). */
        public Builder waitForPort(int port, Duration timeout) {
            this.waitForPort = port;
            this.portTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * How many times to boot the server when it goes to ERROR for lack of capacity ("No valid host was
         * found"): each failed server is deleted, then the next boot waits with a growing backoff (1: no retry).
         */
        public Builder capacityAttempts(int value) { this.capacityAttempts = value; return this; }

        public InstanceSpec build() {
            return new InstanceSpec(this);
        }
    }
}
