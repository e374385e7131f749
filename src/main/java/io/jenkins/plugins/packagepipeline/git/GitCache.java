package io.jenkins.plugins.packagepipeline.git;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Bare clones of every upstream and distgit repository, one directory per URL under the cache directory, kept up to
 * date with JGit: the first refresh clones (into a temporary directory renamed into place, so an interrupted clone
 * leaves nothing half-made), later ones fetch every branch and tag, pruning deleted ones. Many repositories are
 * refreshed in parallel on a bounded pool; one that fails fails alone, with its URL and cause.
 */
public final class GitCache {
    private static final List<RefSpec> MIRROR_REFSPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));

    private final Path directory;
    private final Duration timeout;
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * @param directory where the bare clones live
     * @param timeout how long one network operation may wait without progress
     */
    public GitCache(Path directory, Duration timeout) {
        this.directory = directory.toAbsolutePath();
        this.timeout = timeout;
    }

    /** The bare clone's directory for a URL: {@code <last path segment>-<12 hex digits of the URL's SHA-1>.git}. */
    public Path directoryOf(String url) {
        String trimmed = url.replaceAll("/+$", "").replaceAll("\\.git$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1)
                .replaceAll("[^A-Za-z0-9._+-]", "_");
        if (last.isEmpty() || last.startsWith(".")) {
            last = "repo" + last;
        }
        return directory.resolve(last + "-" + sha1(url).substring(0, 12) + ".git");
    }

    /**
     * Clones or fetches one repository.
     *
     * @return its up-to-date bare clone
     * @throws PackagePipelineException naming the URL and the cause when it cannot be reached or read
     */
    public Path refresh(String url) {
        Path clone = directoryOf(url);
        ReentrantLock lock = locks.computeIfAbsent(clone, k -> new ReentrantLock());
        lock.lock();
        try {
            if (Files.isDirectory(clone)) {
                fetch(url, clone);
            } else {
                cloneInto(url, clone);
            }
            return clone;
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof PackagePipelineException known) {
                throw known;
            }
            SecretMasker masker = masker(url);
            throw new PackagePipelineException(masker.mask("Cannot refresh git repository " + url + ": " + cause(e)),
                    null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refreshes many repositories at once, at most {@code threads} at a time; each URL once however often it is
     * given. Never throws for one repository: its result says what went wrong.
     *
     * @return one result per distinct URL, in the order given
     */
    public Map<String, RefreshResult> refreshAll(Collection<String> urls, int threads) throws InterruptedException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(urls));
        Map<String, RefreshResult> results = new LinkedHashMap<>();
        if (distinct.isEmpty()) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, distinct.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "git refresh");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Map<String, Future<Path>> futures = new LinkedHashMap<>();
            for (String url : distinct) {
                futures.put(url, pool.submit(() -> refresh(url)));
            }
            for (Map.Entry<String, Future<Path>> entry : futures.entrySet()) {
                String url = entry.getKey();
                try {
                    results.put(url, new RefreshResult(url, entry.getValue().get(), null));
                } catch (ExecutionException e) {
                    String message = masker(url).mask(e.getCause() instanceof PackagePipelineException known
                            ? known.getMessage() : "Cannot refresh git repository " + url + ": " + cause(e.getCause()));
                    results.put(url, new RefreshResult(url, null, message));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private void cloneInto(String url, Path clone) throws GitAPIException, IOException {
        Files.createDirectories(directory);
        Path partial = Files.createTempDirectory(directory, ".clone-");
        try {
            try (Git git = Git.cloneRepository().setURI(url).setDirectory(partial.toFile()).setBare(true)
                    .setCloneAllBranches(true).setTimeout(timeoutSeconds()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("remote", "origin", "url", redact(url)); // fetches name the URL; no token on disk
                config.setStringList("remote", "origin", "fetch",
                        MIRROR_REFSPECS.stream().map(RefSpec::toString).toList());
                config.save();
                git.fetch().setRemote("origin").setRefSpecs(MIRROR_REFSPECS).setRemoveDeletedRefs(true)
                        .setTimeout(timeoutSeconds()).call();
            }
            try {
                Files.move(partial, clone, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, clone);
            }
        } finally {
            FileTrees.delete(partial);
        }
    }

    private void fetch(String url, Path clone) throws GitAPIException, IOException {
        try (Git git = Git.open(clone.toFile())) {
            git.fetch().setRemote(url).setRefSpecs(MIRROR_REFSPECS).setRemoveDeletedRefs(true)
                    .setTimeout(timeoutSeconds()).call();
        }
    }

    /**
     * Hides the password of a URL's user information ({@code https://user:token@host/...}), so that a catalog URL
     * carrying a token never shows it in a message or a log.
     */
    public static SecretMasker masker(String url) {
        java.util.regex.Matcher userInfo = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@:]*:([^/@]+)@")
                .matcher(url);
        return userInfo.find() ? SecretMasker.of(userInfo.group(1)) : SecretMasker.none();
    }

    /** The URL with the password of its user information masked. */
    public static String redact(String url) {
        return masker(url).mask(url);
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** The innermost useful message of a failure, e.g. "Connection refused" or "repository not found". */
    static String cause(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message.strip());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
