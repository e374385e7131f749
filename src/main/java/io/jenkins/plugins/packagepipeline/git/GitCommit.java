package io.jenkins.plugins.packagepipeline.git;

import java.time.Instant;

/**
 * One commit of a cached repository.
 *
 * @param hash the full 40-character hash
 * @param commitTime the committer time
 * @param subject the first line of its message
 */
public record GitCommit(String hash, Instant commitTime, String subject) {

    /** The 7-character short hash, as in DLRN's release tags. */
    public String shortHash() {
        return hash.substring(0, 7);
    }
}
