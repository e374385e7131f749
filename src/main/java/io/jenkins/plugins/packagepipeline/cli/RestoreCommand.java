package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.Backups;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import io.jenkins.plugins.packagepipeline.cloud.Snapshots;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore}: boots a new instance from a snapshot, or restores a backup to a named instance. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Boots a new instance from SNAPSHOT (image id or name; its volume snapshots become attached "
                + "volumes), or with --backup ID|SOURCE/ID restores a backup as the instance named by --name.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CloudOptions cloud;

    @Parameters(arity = "0..1", paramLabel = "SNAPSHOT", description = "Snapshot image id or name.")
    String snapshot;

    @Option(names = "--backup", description = "Backup to restore: ID (of --name) or SOURCE/ID (another instance's).")
    String backup;

    @Mixin
    InstanceOptions instance;

    @Override
    public Integer call() throws Exception {
        if ((snapshot == null) == (backup == null)) {
            throw new PackagePipelineException("restore needs either a SNAPSHOT or --backup");
        }
        CloudSession session = cloud.open();
        ProgressListener progress = cloud.progress();
        Instance restored;
        if (backup != null) {
            if (instance.name == null) {
                throw new PackagePipelineException("restore --backup needs --name: the instance to restore to");
            }
            restored = new Backups(session).restore(instance.name, backup,
                    instance.toSpec("backup").build(), progress);
        } else {
            restored = new Snapshots(session).restore(snapshot, instance.toSpec(snapshot).build(), progress);
        }
        cloud.printJson(instance.result(restored));
        return 0;
    }
}
