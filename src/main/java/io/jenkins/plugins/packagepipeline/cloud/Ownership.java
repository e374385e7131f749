package io.jenkins.plugins.packagepipeline.cloud;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who created a cloud resource and until when it may live. Every resource the engine creates carries it: as
 * metadata ({@code package-pipeline.*} keys) on servers, volumes, volume snapshots and images, and as a one-line
 * description on Neutron resources (floating IPs, security groups). The {@code allocation} ties together everything
 * one {@code provision} created, so {@code destroy} and the leak sweeper find exactly those resources.
 *
 * @param allocation random id of one provisioning (or snapshot) operation
 * @param owner      who asked: a Jenkins URL, a user name...
 * @param job        the job (or any label of the caller), may be empty
 * @param build      the build number or id, may be empty
 * @param scope      what kind of thing: {@code instance} (disposable, swept) or {@code snapshot} (kept by retention)
 * @param leaseUntil after this instant the sweeper may remove an instance's resources; {@code null} = no lease
 */
public record Ownership(String allocation, String owner, String job, String build, String scope, Instant leaseUntil) {
    public static final String PREFIX = "package-pipeline.";
    public static final String ALLOCATION = PREFIX + "allocation";
    public static final String OWNER = PREFIX + "owner";
    public static final String JOB = PREFIX + "job";
    public static final String BUILD = PREFIX + "build";
    public static final String SCOPE = PREFIX + "scope";
    public static final String LEASE_UNTIL = PREFIX + "lease-until";
    public static final String SCOPE_INSTANCE = "instance";
    public static final String SCOPE_SNAPSHOT = "snapshot";
    /** Neutron descriptions start with this marker. */
    static final String DESCRIPTION_MARKER = "package-pipeline";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Ownership {
        allocation = require(allocation, "allocation");
        owner = clean(owner);
        job = clean(job);
        build = clean(build);
        scope = scope == null || scope.isBlank() ? SCOPE_INSTANCE : scope;
    }

    /** A new random allocation id: 10 lower-case letters and digits (no look-alikes). */
    public static String newAllocationId() {
        return randomText(10);
    }

    static String randomText(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public Ownership withAllocation(String newAllocation) {
        return new Ownership(newAllocation, owner, job, build, scope, leaseUntil);
    }

    public Ownership withScope(String newScope, Instant newLeaseUntil) {
        return new Ownership(allocation, owner, job, build, newScope, newLeaseUntil);
    }

    public boolean leaseExpired(Instant now) {
        return leaseUntil != null && leaseUntil.isBefore(now);
    }

    /** As metadata entries for Nova, Cinder and Glance (keys and values within their 255-character limits). */
    public Map<String, String> toMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ALLOCATION, allocation);
        metadata.put(SCOPE, scope);
        put(metadata, OWNER, owner);
        put(metadata, JOB, job);
        put(metadata, BUILD, build);
        if (leaseUntil != null) {
            metadata.put(LEASE_UNTIL, leaseUntil.toString());
        }
        return metadata;
    }

    /** Reads ownership back from metadata; empty when the resource is not ours. */
    public static Optional<Ownership> fromMetadata(Map<String, String> metadata) {
        if (metadata == null || metadata.get(ALLOCATION) == null) {
            return Optional.empty();
        }
        return Optional.of(new Ownership(metadata.get(ALLOCATION), metadata.get(OWNER), metadata.get(JOB),
                metadata.get(BUILD), metadata.get(SCOPE), parseInstant(metadata.get(LEASE_UNTIL))));
    }

    /** As a Neutron description: {@code package-pipeline allocation=..;scope=..;lease-until=..;owner=..}. */
    public String toDescription() {
        StringBuilder text = new StringBuilder(DESCRIPTION_MARKER).append(" allocation=").append(allocation)
                .append(";scope=").append(scope);
        if (leaseUntil != null) {
            text.append(";lease-until=").append(leaseUntil);
        }
        text.append(";job=").append(job.replace(';', ',')).append(";build=").append(build.replace(';', ','))
                .append(";owner=").append(owner.replace(';', ','));
        return text.length() > 255 ? text.substring(0, 255) : text.toString();
    }

    public static Optional<Ownership> fromDescription(String description) {
        if (description == null || !description.startsWith(DESCRIPTION_MARKER + " ")) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : description.substring(DESCRIPTION_MARKER.length() + 1).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(PREFIX + part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fromMetadata(values);
    }

    private static Instant parseInstant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (!value.isEmpty()) {
            metadata.put(key, value.length() > 255 ? value.substring(0, 255) : value);
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ownership " + what + " is empty");
        }
        return value.strip();
    }
}
