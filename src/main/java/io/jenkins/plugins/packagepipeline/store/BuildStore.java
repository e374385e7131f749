package io.jenkins.plugins.packagepipeline.store;

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

    @Override
    void close();
}
