package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.time.Duration;

/**
 * What publishing one build did.
 *
 * @param build the build published
 * @param snapshotDir the snapshot's directory relative to the repos directory, or null when no snapshot was made
 *     (the build did not succeed, or was purged)
 * @param packages how many packages the snapshot holds
 * @param consistent whether every package's latest build had succeeded (the snapshot may become {@code consistent})
 * @param currentMoved whether {@code current} now points at this snapshot
 * @param consistentMoved whether {@code consistent} now points at this snapshot
 * @param reused whether the snapshot was already complete from an earlier run and was not made again
 * @param elapsed how long publishing took
 */
public record PublishResult(BuildRecord build, String snapshotDir, int packages, boolean consistent,
        boolean currentMoved, boolean consistentMoved, boolean reused, Duration elapsed) {

    /** One line for consoles and logs. */
    public String summary() {
        String name = SnapshotBuilder.describe(build);
        if (snapshotDir == null) {
            return "No snapshot for " + name + " (" + (build.purged() ? "purged" : build.status())
                    + "); repositories unchanged";
        }
        return String.format("Published %s: snapshot %s with %d package(s)%s%s%s in %.2f s", name, snapshotDir,
                packages, reused ? " (already complete)" : "", currentMoved ? ", current moved" : ", current kept",
                consistentMoved ? ", consistent moved" : (consistent ? "" : ", consistent kept (a package failed)"),
                elapsed.toNanos() / 1e9);
    }
}
