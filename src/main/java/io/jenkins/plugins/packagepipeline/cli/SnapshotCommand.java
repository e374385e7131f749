package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.Backups;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import io.jenkins.plugins.packagepipeline.cloud.ServerSnapshot;
import io.jenkins.plugins.packagepipeline.cloud.Snapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snapshot}: snapshots a server (or takes a dated backup), applies retention, lists snapshots. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Snapshots SERVER to an image (and its volumes), labelled; --backup takes a backup with a "
                + "date-time id; --keep N deletes older snapshots with the same labels; --list lists instead.")
public final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    CloudOptions cloud;

    @Parameters(arity = "0..1", paramLabel = "SERVER", description = "Server id or name (not with --list).")
    String server;

    @Option(names = "--name", description = "Snapshot image name (default: SERVER-snapshot-<time>).")
    String name;

    @Option(names = "--label", description = "Label KEY=VALUE, e.g. git-hash=1a2b3c (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--no-volumes", description = "Do not snapshot attached volumes.")
    boolean noVolumes;

    @Option(names = "--backup", description = "Take a backup of the named instance (id: UTC date-time).")
    boolean backup;

    @Option(names = "--keep", description = "Afterwards keep only the newest N snapshots carrying the same labels.")
    Integer keep;

    @Option(names = "--list", description = "List snapshots carrying the --label values (or --backup: backups of SERVER).")
    boolean list;

    @Option(names = "--timeout", description = "How long to wait for the snapshot (default: ${DEFAULT-VALUE}).")
    String timeout = "20m";

    @Override
    public Integer call() {
        if (server == null && !(list && !backup)) {
            throw new PackagePipelineException("snapshot needs a SERVER (or --list)");
        }
        if (keep != null && !list && (keep < 1 || (!backup && labels.isEmpty()))) {
            throw new PackagePipelineException("--keep " + keep + " needs a number of snapshots, 1 or more, and a"
                    + " --label: it deletes the older snapshots carrying the same labels (without one, every"
                    + " snapshot of the project).");
        }
        Duration wait = Durations.parsePositive(timeout, "--timeout");
        CloudSession session = cloud.open();
        ProgressListener progress = cloud.progress();
        Snapshots snapshots = new Snapshots(session);
        Backups backups = new Backups(session);
        if (list) {
            List<ServerSnapshot> found = backup ? backups.list(server) : snapshots.list(labels);
            cloud.printJson(found.stream().map(ServerSnapshot::toMap).toList());
            return 0;
        }
        ServerSnapshot taken = backup ? backups.backup(server, labels, wait, progress)
                : snapshots.snapshot(server, name != null ? name : server + "-snapshot-"
                        + Instant.now().getEpochSecond(), labels, !noVolumes, wait, progress);
        Map<String, Object> result = new LinkedHashMap<>(taken.toMap());
        if (keep != null) {
            result.put("deleted", snapshots.retain(taken.labels().entrySet().stream()
                    .filter(e -> !e.getKey().equals(Backups.BACKUP_ID))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                    keep, false, progress).stream().map(ServerSnapshot::toMap).toList());
        }
        cloud.printJson(result);
        return 0;
    }
}
