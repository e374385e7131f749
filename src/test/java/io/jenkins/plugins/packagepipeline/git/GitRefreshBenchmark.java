package io.jenkins.plugins.packagepipeline.git;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/**
 * Benchmark (not a test): refreshing N local git repositories that each got one new commit, with the engine's
 * {@link GitCache} (JGit, parallel) against a plain sequential {@code git fetch} loop over clones of the same
 * repositories. Prints the figures and the ratio. See docs/benchmarks.md for the command.
 *
 * <pre>{@code java -cp offline/plugin/target/package-pipeline-cli.jar:offline/plugin/target/test-classes \
 *     io.jenkins.plugins.packagepipeline.git.GitRefreshBenchmark [repositories=200] [threads=8]}</pre>
 */
public final class GitRefreshBenchmark {
    private GitRefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repositories = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path root = Files.createTempDirectory("git-refresh-benchmark-");
        try {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < repositories; i++) {
                Path origin = root.resolve("origins/repo-" + i);
                Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call().close();
                for (int c = 0; c < 5; c++) {
                    commit(origin, "file-" + c, "content " + i + "/" + c);
                }
                urls.add(origin.toString());
            }
            GitCache cache = new GitCache(root.resolve("jgit-cache"), Duration.ofMinutes(1));
            long cloneJgit = time(() -> check(cache.refreshAll(urls, threads)));
            long cloneGit = time(() -> {
                for (int i = 0; i < repositories; i++) {
                    git(root, "clone", "--quiet", "--mirror", urls.get(i), root.resolve("git-clones/repo-" + i)
                            .toString());
                }
            });
            for (String url : urls) {
                commit(Path.of(url), "new", "a new commit");
            }
            long fetchJgit = time(() -> check(cache.refreshAll(urls, threads)));
            long fetchGit = time(() -> {
                for (int i = 0; i < repositories; i++) {
                    git(root.resolve("git-clones/repo-" + i), "fetch", "--quiet", "--prune", "origin");
                }
            });
            long noChangeJgit = time(() -> check(cache.refreshAll(urls, threads)));
            long noChangeGit = time(() -> {
                for (int i = 0; i < repositories; i++) {
                    git(root.resolve("git-clones/repo-" + i), "fetch", "--quiet", "--prune", "origin");
                }
            });
            System.out.printf("%d local repositories, JGit pool of %d threads, %d cores%n", repositories, threads,
                    Runtime.getRuntime().availableProcessors());
            print("first clone", cloneJgit, cloneGit);
            print("fetch, one new commit each", fetchJgit, fetchGit);
            print("fetch, nothing new", noChangeJgit, noChangeGit);
        } finally {
            FileTrees.delete(root);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void print(String what, long jgitMillis, long gitMillis) {
        System.out.printf("%-28s JGit parallel %6d ms   git loop %6d ms   git/JGit = %.2f%n", what, jgitMillis,
                gitMillis, (double) gitMillis / Math.max(1, jgitMillis));
    }

    private static void check(Map<String, RefreshResult> results) {
        results.values().stream().filter(r -> !r.succeeded()).findFirst().ifPresent(r -> {
            throw new IllegalStateException(r.error());
        });
    }

    private static void commit(Path repo, String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(file).call();
            git.commit().setMessage(file).setSign(false).call();
        }
    }

    private static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessRunner.command(command).directory(directory).timeout(Duration.ofMinutes(1)).run()
                .requireSuccess(String.join(" ", command));
    }
}
