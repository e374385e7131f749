package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.git.GitCommit;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which (source commit, distgit commit) pairs of a package to build, with DLRN's rules:
 * <ul>
 *   <li>a package with no build yet builds only its head (the heads of its source and distgit branches);</li>
 *   <li>afterwards, every source commit newer than the last one processed, oldest first, each with the distgit
 *       head; a distgit change alone builds the last source commit with the new distgit head;</li>
 *   <li>a pair already recorded is skipped, unless its status is RETRY (new commits are counted from the last
 *       pair that did not end in RETRY, so RETRY pairs come round again in order);</li>
 *   <li>a recheck rebuilds the head pair when it is recorded FAILED (or not recorded); as DLRN, it refuses a pair
 *       recorded SUCCESS unless forced (which the engine allows only when configured to), and ignores a RETRY
 *       pair, which the retry rule builds again anyway;</li>
 *   <li>a change of the followed branch or tag (the catalog's pin), a rewritten history, or "head only" start
 *       again from the head.</li>
 * </ul>
 */
final class CommitSelector {
    /** Beyond this many new commits, only the head is built (a first-parent walk stops there). */
    static final int MAX_NEW_COMMITS = 5_000;

    private final BuildStore store;
    private final int maxRetries;

    CommitSelector(BuildStore store, int maxRetries) {
        this.store = store;
        this.maxRetries = maxRetries;
    }

    /** One pair to build, with how often it ended in RETRY so far. */
    record Pair(GitCommit source, GitCommit distgit, int previousRetries) {
    }

    /** The pairs to build, oldest first. */
    List<Pair> select(PackageInRelease pkg, GitRepository source, GitRepository distgit, boolean headOnly,
            Recheck recheck, BuildListener listener) {
        GitCommit sourceHead = source.resolve(pkg.sourceBranch());
        GitCommit distgitHead = distgit.resolve(pkg.distgitBranch());
        if (recheck != Recheck.NONE && recheckHead(pkg, sourceHead, distgitHead, recheck, listener)) {
            return List.of(new Pair(sourceHead, distgitHead, 0));
        }
        Optional<BuildRecord> last = store.lastProcessed(pkg.name());
        // As DLRN: new commits are counted from the last pair that did not end in RETRY, so that RETRY pairs come
        // round again in commit order.
        Optional<BuildRecord> lastDone = store.history(pkg.name()).stream()
                .filter(b -> b.status() != BuildStatus.RETRY).findFirst();
        List<Pair> candidates = new ArrayList<>();
        boolean fromHead = headOnly || lastDone.isEmpty() || !pkg.sourceBranch().equals(last.get().sourceBranch())
                || !pkg.distgitBranch().equals(last.get().distgitBranch());
        if (fromHead) {
            candidates.add(new Pair(sourceHead, distgitHead, 0));
        } else {
            BuildRecord previous = lastDone.get();
            Optional<List<GitCommit>> newer = source.commitsAfter(sourceHead.hash(), previous.sourceCommit(),
                    MAX_NEW_COMMITS);
            if (newer.isEmpty()) {
                candidates.add(new Pair(sourceHead, distgitHead, 0));
            } else if (newer.get().isEmpty()) {
                candidates.add(new Pair(source.commit(previous.sourceCommit()), distgitHead, 0));
            } else {
                for (GitCommit commit : newer.get()) {
                    candidates.add(new Pair(commit, distgitHead, 0));
                }
            }
        }
        List<Pair> selected = new ArrayList<>();
        for (Pair pair : candidates) {
            Optional<BuildRecord> recorded = store.find(pkg.name(), pair.source().hash(), pair.distgit().hash());
            if (recorded.isEmpty()) {
                selected.add(pair);
            } else if (recorded.get().status() == BuildStatus.RETRY && recorded.get().retries() <= maxRetries) {
                selected.add(new Pair(pair.source(), pair.distgit(), recorded.get().retries()));
            }
        }
        return selected;
    }

    /**
     * Whether a recheck rebuilds the head pair now; false for a RETRY pair (left to the retry rule).
     *
     * @throws PackagePipelineException for a SUCCESS pair without a forced recheck
     */
    private boolean recheckHead(PackageInRelease pkg, GitCommit sourceHead, GitCommit distgitHead, Recheck recheck,
            BuildListener listener) {
        Optional<BuildRecord> recorded = store.find(pkg.name(), sourceHead.hash(), distgitHead.hash());
        if (recorded.isEmpty() || recorded.get().status() == BuildStatus.FAILED) {
            return true;
        }
        String pair = "(source " + sourceHead.shortHash() + ", distgit " + distgitHead.shortHash() + ")";
        if (recorded.get().status() == BuildStatus.RETRY) {
            listener.progress(pkg.name() + ": the head pair " + pair + " is recorded RETRY; the recheck is ignored"
                    + " (a RETRY pair is built again by every run until max-retries)");
            return false;
        }
        if (recheck != Recheck.FORCED) {
            throw new PackagePipelineException(pkg.name() + ": the head pair " + pair + " already built"
                    + " successfully; a recheck rebuilds only a FAILED pair. To rebuild it anyway, use --force-recheck"
                    + " (forceRecheck: true), which the configuration must allow (allow-force-rechecks: true).");
        }
        listener.progress(pkg.name() + ": forcing a recheck of the successfully built head pair " + pair);
        return true;
    }

    /** Whether and how the user asked to recheck. */
    enum Recheck {
        NONE, FAILED_ONLY, FORCED;

        static Recheck of(BuildOptions options) {
            return options.forceRecheck() ? FORCED : options.recheck() ? FAILED_ONLY : NONE;
        }
    }
}
