package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.git.GitCommit;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Path;

/**
 * One build to make: a package at one (source commit, distgit commit) pair.
 *
 * @param sourceRepository the local clone holding the source commit
 * @param distgitRepository the local clone holding the distgit commit
 * @param previousRetries how often this pair already ended in RETRY
 * @param distgitWorkTree in local-checkout (dev) mode, the distgit checkout whose files, uncommitted changes
 *     included, replace the distgit commit's; otherwise null
 */
public record BuildRequest(PackageInRelease pkg, Path sourceRepository, Path distgitRepository, GitCommit source,
        GitCommit distgit, int previousRetries, Path distgitWorkTree) {

    /** The output directory relative to the output root: {@code repos/<h[0:2]>/<h[2:4]>/<source>_<distgit[0:8]>}. */
    public String repoDir() {
        return BuildRecord.outputDir(source.hash(), distgit.hash());
    }
}
