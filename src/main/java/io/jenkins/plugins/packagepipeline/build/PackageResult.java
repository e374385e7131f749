package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.time.Duration;
import java.util.List;

/**
 * What a run did for one package.
 *
 * @param builds the builds made, oldest commit first (empty when the package was up to date or could not start)
 * @param error why the package could not be built at all (e.g. its git repository was unreachable), or null
 * @param elapsed how long selecting and building its commits took
 */
public record PackageResult(String packageName, List<BuildRecord> builds, String error, Duration elapsed) {

    public PackageResult {
        builds = List.copyOf(builds);
    }

    /** Whether anything went wrong: an error, or a build that ended FAILED or RETRY. */
    public boolean failed() {
        return error != null || builds.stream().anyMatch(b -> b.status() != BuildStatus.SUCCESS);
    }

    /** Whether there was nothing new to build. */
    public boolean upToDate() {
        return error == null && builds.isEmpty();
    }
}
