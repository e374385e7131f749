package io.jenkins.plugins.packagepipeline.jenkins.build;

import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.PackageResult;

/**
 * How a {@code buildPackage} run ends the Jenkins build, from what happened to each package:
 * <ul>
 * <li>{@link #SUCCESS}: no package failed (each built successfully or had nothing new);</li>
 * <li>{@link #UNSTABLE}: some packages failed (a build ended FAILED or RETRY, or the package could not be built at
 *     all) while others succeeded or were up to date: the problem is in those packages, the trunk goes on, the
 *     step returns its results and the build is marked unstable;</li>
 * <li>{@link #FAILURE}: every package of the run failed (something common to all is broken: the builder, the
 *     network, the catalog): the step fails the build with the summary.</li>
 * </ul>
 * A run with no package at all is a SUCCESS; a run that cannot start (bad catalog, unknown package, data
 * directory in use) fails the step with the engine's message.
 */
public enum BuildVerdict {
    SUCCESS, UNSTABLE, FAILURE;

    public static BuildVerdict of(BuildReport report) {
        long failed = report.packages().stream().filter(PackageResult::failed).count();
        if (failed == 0) {
            return SUCCESS;
        }
        return failed == report.packages().size() ? FAILURE : UNSTABLE;
    }
}
