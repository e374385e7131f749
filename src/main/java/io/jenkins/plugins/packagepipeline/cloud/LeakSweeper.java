package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Keypair;

/**
 * Finds instance resources tagged by this engine that nobody will remove: their lease expired, their owner is gone
 * (as the caller's predicate says, e.g. the Jenkins build finished), or they are orphans (no server left in their
 * allocation, and older than a grace period so a provisioning in progress is never touched). A dry run only
 * reports; otherwise each leaked allocation is removed like {@link Provisioner#destroy}. Snapshots (scope
 * {@code snapshot}) are never swept, nor volumes that still hold volume snapshots: retention handles them.
 */
public final class LeakSweeper {
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(30);
    private static final String KEY_PREFIX = CloudResources.keyPairName("");

    private final CloudSession session;
    private final Clock clock;
    private final Duration grace;

    public LeakSweeper(CloudSession session) {
        this(session, Clock.systemUTC(), DEFAULT_GRACE);
    }

    public LeakSweeper(CloudSession session, Clock clock, Duration grace) {
        this.session = session;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Sweeps; {@code ownerGone} says whether the owner (job/build) of an allocation no longer exists
     * ({@code o -> false} to rely on leases and orphans only).
     */
    public SweepReport sweep(boolean dryRun, Predicate<Ownership> ownerGone, ProgressListener listener) {
        OSClientV3 os = session.client();
        Instant now = clock.instant();
        CloudResources resources = new CloudResources(session, listener, Duration.ofSeconds(1), Duration.ofMinutes(5));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CloudResources.Tagged tagged : resources.listTagged(true)) {
            if (Ownership.SCOPE_INSTANCE.equals(tagged.ownership().scope())) {
                groups.computeIfAbsent(tagged.ownership().allocation(), a -> new Group(tagged.ownership()))
                        .add(tagged);
            }
        }
        List<SweepReport.Leak> leaks = new ArrayList<>();
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            String reason = group.ownership.leaseExpired(now) ? "lease expired at " + group.ownership.leaseUntil()
                    : ownerGone.test(group.ownership) ? "owner gone (" + describe(group.ownership) + ")"
                    : !group.hasServer && group.oldest != null && group.oldest.plus(grace).isBefore(now)
                            ? "orphaned: no server left, created " + group.oldest : null;
            if (reason != null) {
                List<CreatedResource> leaked = new ArrayList<>(group.resources);
                resources.keyPair(entry.getKey()).ifPresent(leaked::add);
                leaks.add(new SweepReport.Leak(entry.getKey(), reason, group.ownership, leaked));
            }
        }
        for (Keypair key : CloudResources.call("list key pairs", () -> os.compute().keypairs().list())) {
            String allocation = key.getName().startsWith(KEY_PREFIX) ? key.getName().substring(KEY_PREFIX.length())
                    : null;
            if (allocation != null && !groups.containsKey(allocation)) {
                Keypair detail = CloudResources.call("get key pair", () -> os.compute().keypairs().get(key.getName()));
                Date created = detail == null ? null : detail.getCreatedAt();
                if (created != null && created.toInstant().plus(grace).isBefore(now)) {
                    leaks.add(new SweepReport.Leak(allocation, "orphaned key pair, created " + created.toInstant(),
                            null, List.of(new CreatedResource(CreatedResource.Kind.KEY_PAIR, key.getName(),
                                    key.getName()))));
                }
            }
        }
        for (SweepReport.Leak leak : leaks) {
            listener.progress((dryRun ? "leaked (dry run, kept): " : "leaked, removing: ") + "allocation "
                    + leak.allocation() + " - " + leak.reason() + " - " + leak.resources());
            if (!dryRun) {
                resources.remove(leak.resources());
            }
        }
        if (leaks.isEmpty()) {
            listener.progress("no leaked resources");
        }
        return new SweepReport(dryRun, leaks);
    }

    private static String describe(Ownership o) {
        return "owner " + o.owner() + ", job " + o.job() + ", build " + o.build();
    }

    private static final class Group {
        final Ownership ownership;
        final List<CreatedResource> resources = new ArrayList<>();
        Instant oldest;
        boolean hasServer;

        Group(Ownership ownership) {
            this.ownership = ownership;
        }

        void add(CloudResources.Tagged tagged) {
            resources.add(tagged.resource());
            hasServer |= tagged.resource().kind() == CreatedResource.Kind.SERVER;
            if (tagged.created() != null && (oldest == null || tagged.created().isBefore(oldest))) {
                oldest = tagged.created();
            }
        }
    }
}
