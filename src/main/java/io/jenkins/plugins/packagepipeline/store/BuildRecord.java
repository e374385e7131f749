package io.jenkins.plugins.packagepipeline.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One build of one package at one (source commit, distgit commit) pair: DLRN's "commits" row.
 *
 * @param id database id, 0 before the record is stored
 * @param packageName the package's name in the catalog
 * @param project the project the package belongs to in the catalog
 * @param sourceCommit full hash of the upstream source commit built
 * @param distgitCommit full hash of the distgit commit (the .spec) built
 * @param sourceBranch the upstream branch or tag followed
 * @param distgitBranch the distgit branch followed
 * @param component the catalog component, or null
 * @param status how the build ended
 * @param commitTime the source commit's committer time
 * @param buildTime when the build finished
 * @param nvr name-version-release of the package's main RPM, null unless built
 * @param artifacts the build's RPM and SRPM paths, relative to the data directory
 * @param repoDir the build's output directory relative to the data directory
 *     ({@code repos/<h[0:2]>/<h[2:4]>/<source-hash>_<distgit-hash[0:8]>})
 * @param notes for a failure, what went wrong (with the log tail); otherwise null
 * @param retries how many times this pair ended in RETRY so far
 * @param purged whether the build's repo snapshot was removed by a purge (the record stays)
 */
public record BuildRecord(long id, String packageName, String project, String sourceCommit, String distgitCommit,
        String sourceBranch, String distgitBranch, String component, BuildStatus status, Instant commitTime,
        Instant buildTime, String nvr, List<String> artifacts, String repoDir, String notes, int retries,
        boolean purged) {

    public BuildRecord {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(sourceCommit, "sourceCommit");
        Objects.requireNonNull(distgitCommit, "distgitCommit");
        Objects.requireNonNull(status, "status");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** The build's output directory name: {@code <source-hash>_<distgit-hash[0:8]>}. */
    public static String outputDirName(String sourceCommit, String distgitCommit) {
        return sourceCommit + "_" + distgitCommit.substring(0, Math.min(8, distgitCommit.length()));
    }

    /** The build's output directory relative to the data directory: {@code repos/<h[0:2]>/<h[2:4]>/<name>}. */
    public static String outputDir(String sourceCommit, String distgitCommit) {
        return "repos/" + sourceCommit.substring(0, 2) + "/" + sourceCommit.substring(2, 4) + "/"
                + outputDirName(sourceCommit, distgitCommit);
    }

    public BuildRecord withId(long newId) {
        return new BuildRecord(newId, packageName, project, sourceCommit, distgitCommit, sourceBranch, distgitBranch,
                component, status, commitTime, buildTime, nvr, artifacts, repoDir, notes, retries, purged);
    }

    public BuildRecord withPurged(boolean newPurged) {
        return new BuildRecord(id, packageName, project, sourceCommit, distgitCommit, sourceBranch, distgitBranch,
                component, status, commitTime, buildTime, nvr, artifacts, repoDir, notes, retries, newPurged);
    }
}
