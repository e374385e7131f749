package io.jenkins.plugins.packagepipeline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The build database: every build ever made, as {@link BuildRecord}s. The build engine writes it; publishing,
 * purging, reports and remote import read it. Implementations are safe for use from several threads, and each
 * write is one transaction, so that a crash leaves either the old or the new record, never half of one.
 */
public interface BuildStore extends AutoCloseable {

    /**
     * Stores a record: a new one, or the one replacing the record of the same (package, source commit, distgit
     * commit). Returns it with its id.
     */
    BuildRecord record(BuildRecord build);

    /** The record of this exact pair, if it was ever built. */
    Optional<BuildRecord> find(String packageName, String sourceCommit, String distgitCommit);

    /** The package's most recently processed build, whatever its status (by commit time, then build time). */
    Optional<BuildRecord> lastProcessed(String packageName);

    /** The package's most recent successful build. */
    Optional<BuildRecord> lastSuccessful(String packageName);

    /** For each package ever built, its most recently processed build, ordered by package name. */
    List<BuildRecord> latestPerPackage();

    /**
     * For each package with a successful build, its most recent successful build (by commit time, then build time),
     * ordered by package name: what a repository of the latest good packages contains.
     */
    default List<BuildRecord> latestSuccessfulPerPackage() {
        return latestPerPackage().stream()
                .map(latest -> lastSuccessful(latest.packageName()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The most recent builds of all packages, newest first. */
    List<BuildRecord> recent(int limit);

    /** All records of one package, newest first. */
    List<BuildRecord> history(String packageName);

    /** Marks a build's snapshot as purged; the record stays. */
    void markPurged(long id);

    /**
     * The successful, unpurged builds that have no DLRN import state for this DLRN API URL, oldest build first (by
     * build time, then id), as DLRN would have received them: those a DLRN import into it may still have to send
     * (the ones with a snapshot).
     */
    List<BuildRecord> notImportedInto(String dlrnApiUrl);

    /** Records a build's DLRN import state for a DLRN API URL; a state already recorded for that pair stays. */
    void recordDlrnImport(long buildId, String dlrnApiUrl, DlrnImportState state);

    /** A build's DLRN import state for a DLRN API URL, if one is recorded. */
    Optional<DlrnImportState> dlrnImportState(long buildId, String dlrnApiUrl);

    /** The DLRN API URLs that a DLRN import state is recorded for, sorted. */
    List<String> dlrnApiUrls();

    /**
     * When the database began tracking DLRN imports: when it was created, or upgraded to the schema that tracks
     * them. Snapshots completed before were imported the earlier way (by the publish that made them).
     */
    Instant dlrnImportsTrackedSince();

    /**
     * The name the data directory's repositories are published under (repository id, {@code .repo} and public key
     * file names), once a publish recorded it.
     */
    Optional<String> repoName();

    /** Records the name the data directory's repositories are published under, replacing any recorded before. */
    void recordRepoName(String name);

    @Override
    void close();
}
