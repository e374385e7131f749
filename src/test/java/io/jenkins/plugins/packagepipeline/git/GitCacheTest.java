package io.jenkins.plugins.packagepipeline.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository cache and reading commits, over real repositories made with JGit. */
class GitCacheTest {
    @TempDir
    Path dir;

    static String commit(Path repo, String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(file).call();
            return git.commit().setMessage("change " + file).setSign(false).call().name();
        }
    }

    Path repo(String name) throws Exception {
        Path repo = dir.resolve(name);
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        return repo;
    }

    @Test
    void refreshesManyRepositoriesInParallelAndAnUnreachableOneFailsAlone() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path repo = repo("r" + i);
            commit(repo, "f", "v" + i);
            urls.add(repo.toString());
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "https://127.0.0.1:" + closedPort + "/nothing.git";
        urls.add(2, unreachable);
        urls.add(urls.get(0));
        GitCache cache = new GitCache(dir.resolve("cache"), Duration.ofSeconds(10));

        Map<String, RefreshResult> results = cache.refreshAll(urls, 3);

        assertEquals(7, results.size(), "each URL once");
        RefreshResult failed = results.get(unreachable);
        assertFalse(failed.succeeded());
        assertTrue(failed.error().startsWith("Cannot refresh git repository " + unreachable + ": "), failed.error());
        assertTrue(failed.error().contains("Connection refused"), failed.error());
        for (String url : urls) {
            if (!url.equals(unreachable)) {
                try (GitRepository clone = GitRepository.open(results.get(url).directory(), url)) {
                    assertEquals(clone.resolve("main").hash(), GitRepository.open(Path.of(url), url).resolve("main")
                            .hash());
                }
            }
        }
        try (var leftovers = Files.list(dir.resolve("cache"))) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().startsWith(".clone-")));
        }
    }

    @Test
    void aRefreshFetchesNewCommitsTagsAndPrunesDeletedBranches() throws Exception {
        Path origin = repo("origin");
        commit(origin, "a", "1");
        try (Git git = Git.open(origin.toFile())) {
            git.branchCreate().setName("gone").call();
        }
        GitCache cache = new GitCache(dir.resolve("cache"), Duration.ofSeconds(10));
        Path clone = cache.refresh(origin.toString());

        String second = commit(origin, "a", "2");
        try (Git git = Git.open(origin.toFile())) {
            git.tag().setName("v2").setAnnotated(true).setMessage("v2").setSigned(false).call();
            git.branchDelete().setBranchNames("gone").setForce(true).call();
        }
        assertEquals(clone, cache.refresh(origin.toString()));

        try (GitRepository repo = GitRepository.open(clone, origin.toString())) {
            assertEquals(second, repo.resolve("main").hash());
            assertEquals(second, repo.resolve("v2").hash(), "an annotated tag resolves to its commit");
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> repo.resolve("gone"));
            assertEquals("Git repository " + origin + " has no branch or tag 'gone'. Check the catalog's"
                    + " source-branch/distgit-branch for it.", e.getMessage());
        }
    }

    @Test
    void historyIsFirstParentOldestFirstAndARewrittenHistoryIsNotAnAncestor() throws Exception {
        Path origin = repo("origin");
        String first = commit(origin, "a", "1");
        String second = commit(origin, "a", "2");
        String third = commit(origin, "a", "3");
        try (GitRepository repo = GitRepository.open(origin, "origin")) {
            assertEquals(Optional.of(List.of(second, third)),
                    repo.commitsAfter(third, first, 100).map(l -> l.stream().map(GitCommit::hash).toList()));
            assertEquals(Optional.of(List.of()), repo.commitsAfter(third, third, 100));
            assertEquals(Optional.empty(), repo.commitsAfter(third, first, 1), "too many commits in between");
        }
        try (Git git = Git.open(origin.toFile())) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(first).call();
        }
        String rewritten = commit(origin, "b", "force-pushed");
        try (GitRepository repo = GitRepository.open(origin, "origin")) {
            assertEquals(Optional.empty(), repo.commitsAfter(rewritten, third, 100));
        }
    }

    @Test
    void aTokenInAUrlNeverReachesTheMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "https://bot:t0ken-S3cret@127.0.0.1:" + closedPort + "/private.git";
        GitCache cache = new GitCache(dir.resolve("cache"), Duration.ofSeconds(5));
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> cache.refresh(url));
        assertTrue(e.getMessage().contains("https://bot:****@127.0.0.1:" + closedPort + "/private.git"), e.getMessage());
        assertFalse(e.getMessage().contains("t0ken-S3cret"), e.getMessage());
        String error = cache.refreshAll(List.of(url), 1).get(url).error();
        assertFalse(error.contains("t0ken-S3cret"), error);
        try (var files = Files.walk(dir.resolve("cache"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("t0ken-S3cret"), file.toString());
            }
        }
    }

    @Test
    void aCacheDirectoryNameIsSafeAndDistinctPerUrl() {
        GitCache cache = new GitCache(dir, Duration.ofSeconds(1));
        Path a = cache.directoryOf("https://git.example.org/rpms/hello.git");
        Path b = cache.directoryOf("https://other.example.org/rpms/hello.git");
        assertTrue(a.getFileName().toString().matches("hello-[0-9a-f]{12}\\.git"), a.toString());
        assertFalse(a.equals(b));
        assertEquals(dir, cache.directoryOf("git@host:../../etc").getParent());
        assertTrue(cache.directoryOf("/srv/git/..").getFileName().toString().startsWith("repo"));
    }
}
