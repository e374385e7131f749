package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backups of a named instance, on top of {@link Snapshots} (the LAVA seed's {@code backup} / {@code restore}
 * semantics): a backup id is the UTC date-time it was taken ({@code 20261122T031500Z}); backups of an instance are
 * listed newest first; a backup restores to the same name or to another instance ({@code source/id}), never onto
 * a running instance of that name.
 */
public final class Backups {
    /** Label naming the instance a backup belongs to. */
    public static final String BACKUP_OF = "backup-of";
    /** Label holding the backup id. */
    public static final String BACKUP_ID = "backup-id";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CloudSession session;
    private final Snapshots snapshots;

    public Backups(CloudSession session) {
        this(session, new Snapshots(session));
    }

    Backups(CloudSession session, Snapshots snapshots) {
        this.session = session;
        this.snapshots = snapshots;
    }

    /** Takes a backup of {@code instance} (server name) with its volumes; returns it with its date-time id. */
    public ServerSnapshot backup(String instance, Map<String, String> labels, Duration timeout,
            ProgressListener listener) {
        String id = ID.format(snapshots.clock().instant());
        if (list(instance).stream().anyMatch(b -> id.equals(b.labels().get(BACKUP_ID)))) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Instance " + instance
                    + " already has a backup " + id + "; wait a second and retry");
        }
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(BACKUP_OF, instance);
        all.put(BACKUP_ID, id);
        listener.progress("backing up " + instance + " as " + instance + "/" + id);
        return snapshots.snapshot(instance, instance + "-backup-" + id, all, true, timeout, listener);
    }

    /** The backups of {@code instance}, newest first. */
    public List<ServerSnapshot> list(String instance) {
        return snapshots.list(Map.of(BACKUP_OF, instance));
    }

    /**
     * Restores backup {@code reference} ({@code ID} of {@code target}, or {@code SOURCE/ID} of another instance)
     * as a new instance named {@code target}, booted per {@code spec} (flavor, network...). Refuses when a server
     * named {@code target} exists: destroy it first.
     */
    public Instance restore(String target, String reference, InstanceSpec spec, ProgressListener listener) {
        int slash = reference.lastIndexOf('/');
        String source = slash >= 0 ? reference.substring(0, slash) : target;
        String id = slash >= 0 ? reference.substring(slash + 1) : reference;
        ServerSnapshot backup = list(source).stream().filter(b -> id.equals(b.labels().get(BACKUP_ID))).findFirst()
                .orElseThrow(() -> new CloudException(CloudException.Kind.NOT_FOUND, "No backup " + id + " of instance "
                        + source + "; backups: " + list(source).stream().map(b -> b.labels().get(BACKUP_ID)).toList()));
        boolean running = CloudResources.call("list servers", () -> session.client().compute().servers().list(true))
                .stream().anyMatch(s -> target.equals(s.getName()));
        if (running) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Instance " + target + " exists: cannot "
                    + "restore onto a running instance; destroy it first, or restore to another name");
        }
        return snapshots.restore(backup.imageId(), spec.toBuilder().name(target).namePrefix(null).build(), listener);
    }
}
