package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.git.GitCommit;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DLRN's rules for what to build, over real git history and a real (SQLite) build database. */
class CommitSelectorTest {
    @TempDir
    Path dir;

    JdbcBuildStore store;
    PackageRepos repos;
    PackageInRelease pkg;
    String c1;
    String d1;
    final List<String> notes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = JdbcBuildStore.sqlite(dir.resolve("build.db"));
        repos = PackageRepos.noarch(dir, "hello");
        pkg = PackageRepos.catalog(dir, repos).packagesIn(null, Set.of()).get(0);
        c1 = head(repos.upstream);
        d1 = head(repos.distgit);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static String head(Path repo) throws Exception {
        try (GitRepository git = GitRepository.open(repo, repo.toString())) {
            return git.resolve("main").hash();
        }
    }

    void record(String source, String distgit, BuildStatus status, int retries, String branch) throws Exception {
        GitCommit commit;
        try (GitRepository git = GitRepository.open(repos.upstream, "upstream")) {
            commit = git.commit(source);
        }
        store.record(new BuildRecord(0, "hello", "hello", source, distgit, branch, "main", null, status,
                commit.commitTime(), java.time.Instant.now(), null, List.of(), null, null, retries, false));
    }

    List<String> select(boolean headOnly, boolean recheck) {
        return select(pkg, headOnly, recheck ? CommitSelector.Recheck.FAILED_ONLY : CommitSelector.Recheck.NONE);
    }

    List<String> select(PackageInRelease which, boolean headOnly, boolean recheck) {
        return select(which, headOnly, recheck ? CommitSelector.Recheck.FAILED_ONLY : CommitSelector.Recheck.NONE);
    }

    List<String> select(PackageInRelease which, boolean headOnly, CommitSelector.Recheck recheck) {
        try (GitRepository source = GitRepository.open(repos.upstream, "upstream");
                GitRepository distgit = GitRepository.open(repos.distgit, "distgit")) {
            return new CommitSelector(store, 2).select(which, source, distgit, headOnly, recheck, notes::add).stream()
                    .map(p -> p.source().shortHash() + "/" + p.distgit().shortHash() + "/" + p.previousRetries())
                    .toList();
        }
    }

    static String pair(String source, String distgit, int retries) {
        return source.substring(0, 7) + "/" + distgit.substring(0, 7) + "/" + retries;
    }

    @Test
    void noHistoryBuildsOnlyTheHead() throws Exception {
        repos.commitUpstream("a", "a", "a");
        String head = repos.commitUpstream("b", "b", "b");
        assertEquals(List.of(pair(head, d1, 0)), select(false, false));
    }

    @Test
    void newCommitsOldestFirstThenNothing() throws Exception {
        record(c1, d1, BuildStatus.SUCCESS, 0, "main");
        String c2 = repos.commitUpstream("a", "a", "a");
        String c3 = repos.commitUpstream("b", "b", "b");
        assertEquals(List.of(pair(c2, d1, 0), pair(c3, d1, 0)), select(false, false));
        assertEquals(List.of(pair(c3, d1, 0)), select(true, false), "head only");
        record(c2, d1, BuildStatus.SUCCESS, 0, "main");
        record(c3, d1, BuildStatus.FAILED, 0, "main");
        assertEquals(List.of(), select(false, false), "a FAILED pair is not rebuilt");
        assertEquals(List.of(pair(c3, d1, 0)), select(false, true), "unless rechecked");
    }

    @Test
    void aRecheckRebuildsAFailedHeadRefusesASuccessfulOneUnlessForcedAndIgnoresARetry() throws Exception {
        String c2 = repos.commitUpstream("a", "a", "a");
        assertEquals(List.of(pair(c2, d1, 0)), select(false, true), "a head pair not built yet is built");
        record(c2, d1, BuildStatus.SUCCESS, 0, "main");
        PackagePipelineException refused = assertThrows(PackagePipelineException.class, () -> select(false, true));
        assertEquals("hello: the head pair (source " + c2.substring(0, 7) + ", distgit " + d1.substring(0, 7)
                + ") already built successfully; a recheck rebuilds only a FAILED pair. To rebuild it anyway, use"
                + " --force-recheck (forceRecheck: true), which the configuration must allow"
                + " (allow-force-rechecks: true).", refused.getMessage());
        assertEquals(List.of(pair(c2, d1, 0)), select(pkg, false, CommitSelector.Recheck.FORCED));
        assertTrue(notes.get(0).startsWith("hello: forcing a recheck of the successfully built head pair"), notes.toString());

        String c3 = repos.commitUpstream("b", "b", "b");
        record(c3, d1, BuildStatus.RETRY, 1, "main");
        notes.clear();
        assertEquals(List.of(pair(c3, d1, 1)), select(false, true), "left to the retry rule, retries kept");
        assertTrue(notes.get(0).contains("is recorded RETRY; the recheck is ignored"), notes.toString());
        record(c3, d1, BuildStatus.RETRY, 3, "main");
        assertEquals(List.of(), select(false, true), "beyond max-retries a recheck does not retry it either");
    }

    @Test
    void retryPairsComeRoundAgainInOrderUntilMaxRetries() throws Exception {
        record(c1, d1, BuildStatus.SUCCESS, 0, "main");
        String c2 = repos.commitUpstream("a", "a", "a");
        record(c2, d1, BuildStatus.RETRY, 1, "main");
        String c3 = repos.commitUpstream("b", "b", "b");
        assertEquals(List.of(pair(c2, d1, 1), pair(c3, d1, 0)), select(false, false));
        record(c2, d1, BuildStatus.RETRY, 3, "main");
        assertEquals(List.of(pair(c3, d1, 0)), select(false, false), "beyond max-retries (2) it is not retried");
    }

    @Test
    void aDistgitChangeAloneBuildsTheLastSourceCommitWithTheNewSpec() throws Exception {
        record(c1, d1, BuildStatus.SUCCESS, 0, "main");
        String d2 = repos.commitDistgit("README", "x", "distgit change");
        assertEquals(List.of(pair(c1, d2, 0)), select(false, false));
    }

    @Test
    void aPinChangeOrARewrittenHistoryStartsAgainFromHead() throws Exception {
        String c2 = repos.commitUpstream("a", "a", "a");
        record(c2, d1, BuildStatus.SUCCESS, 0, "main");
        PackageRepos.branch(repos.upstream, "stable");
        String s1 = repos.commitUpstream("s", "s", "on stable");
        String s2 = repos.commitUpstream("t", "t", "on stable");
        PackageInRelease pinned = new PackageInRelease(pkg.definition(), "trunk", "stable", "main");
        assertEquals(List.of(pair(s2, d1, 0)), select(pinned, false, false), "not " + s1);

        try (Git git = Git.open(repos.upstream.toFile())) {
            git.checkout().setName("main").call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(c1).call();
        }
        String rewritten = repos.commitUpstream("r", "r", "force-pushed");
        assertEquals(List.of(pair(rewritten, d1, 0)), select(false, false));
    }
}
