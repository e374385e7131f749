package io.jenkins.plugins.packagepipeline.store;

/** How a build of one (source commit, distgit commit) pair ended, as DLRN records it. */
public enum BuildStatus {
    /** Built; its RPMs are in the build's output directory. */
    SUCCESS,
    /** Failed for a reason in the package (spec, sources); not built again unless rechecked. */
    FAILED,
    /** Failed for a reason that retrying can cure (timeout, infrastructure); built again next run. */
    RETRY
}
