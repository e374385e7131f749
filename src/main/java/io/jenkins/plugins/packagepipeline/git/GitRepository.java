package io.jenkins.plugins.packagepipeline.git;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.ArchiveCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.archive.ArchiveFormats;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads one git repository (a bare clone of the {@link GitCache}, or any local repository) at exact commits:
 * which commit a branch or tag names, the first-parent history since a commit, a file or the whole tree at a
 * commit, and a source tarball of exactly a commit.
 */
public final class GitRepository implements AutoCloseable {
    static {
        ArchiveFormats.registerAll();
    }

    private final String url;
    private final Repository repository;

    private GitRepository(String url, Repository repository) {
        this.url = url;
        this.repository = repository;
    }

    /**
     * Opens a local repository (bare or with a working tree).
     *
     * @param url how to name it in messages (the catalog's URL)
     */
    public static GitRepository open(Path directory, String url) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
            Path dotGit = directory.resolve(Constants.DOT_GIT);
            if (Files.isDirectory(dotGit)) {
                builder.setGitDir(dotGit.toFile()).setWorkTree(directory.toFile());
            } else {
                builder.setGitDir(directory.toFile());
            }
            return new GitRepository(url, builder.build());
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot open git repository " + url + " at " + directory + ": "
                    + GitCache.cause(e), e);
        }
    }

    /**
     * The commit a branch or tag names (a branch first, as git does).
     *
     * @throws PackagePipelineException naming the branch and the URL when it has neither
     */
    public GitCommit resolve(String branchOrTag) {
        try {
            for (String name : List.of(Constants.R_HEADS + branchOrTag, Constants.R_TAGS + branchOrTag)) {
                Ref ref = repository.exactRef(name);
                if (ref != null) {
                    ObjectId id = repository.getRefDatabase().peel(ref).getPeeledObjectId();
                    return commit(id != null ? id : ref.getObjectId());
                }
            }
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read branch '" + branchOrTag + "' of " + url + ": "
                    + GitCache.cause(e), e);
        }
        throw new PackagePipelineException("Git repository " + url + " has no branch or tag '" + branchOrTag
                + "'. Check the catalog's source-branch/distgit-branch for it.");
    }

    /** The commit HEAD names (a checkout's current commit). */
    public GitCommit head() {
        try {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                throw new PackagePipelineException("Git repository " + url + " has no commit at HEAD.");
            }
            return commit(head);
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read HEAD of " + url + ": " + GitCache.cause(e), e);
        }
    }

    /** The commit with this full hash. */
    public GitCommit commit(String hash) {
        return commit(ObjectId.fromString(hash));
    }

    private GitCommit commit(ObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            return new GitCommit(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                    commit.getShortMessage());
        } catch (MissingObjectException e) {
            throw new PackagePipelineException("Git repository " + url + " has no commit " + id.name() + ".", e);
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read commit " + id.name() + " of " + url + ": "
                    + GitCache.cause(e), e);
        }
    }

    /**
     * The first-parent history from {@code head} back to, but not including, {@code since}; oldest first.
     *
     * @return empty when {@code since} is not an ancestor on the first-parent line (e.g. after a force push) or
     *     when more than {@code limit} commits separate them
     */
    public Optional<List<GitCommit>> commitsAfter(String head, String since, int limit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            List<GitCommit> newestFirst = new ArrayList<>();
            for (RevCommit commit : walk) {
                if (commit.name().equals(since)) {
                    List<GitCommit> oldestFirst = new ArrayList<>(newestFirst);
                    java.util.Collections.reverse(oldestFirst);
                    return Optional.of(oldestFirst);
                }
                if (newestFirst.size() == limit) {
                    return Optional.empty();
                }
                newestFirst.add(new GitCommit(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                        commit.getShortMessage()));
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read the history of " + url + " from " + head + ": "
                    + GitCache.cause(e), e);
        }
    }

    /** The content of a file at a commit, empty when the commit has no such file. */
    public Optional<byte[]> readFile(String commitHash, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitHash));
            try (TreeWalk file = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (file == null || (file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB)) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(file.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read " + path + " at " + commitHash + " of " + url + ": "
                    + GitCache.cause(e), e);
        }
    }

    /** Writes every file of the commit's tree under {@code target} (executable bits kept, symbolic links skipped). */
    public void exportTree(String commitHash, Path target) {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commitHash)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode.getObjectType() != Constants.OBJ_BLOB || mode == FileMode.SYMLINK) {
                    continue;
                }
                Path file = target.resolve(tree.getPathString()).normalize();
                if (!file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    repository.open(tree.getObjectId(0)).copyTo(out);
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot export " + commitHash + " of " + url + " to " + target
                    + ": " + GitCache.cause(e), e);
        }
    }

    /**
     * Writes a gzipped tarball of exactly the commit's tree, every entry under {@code prefix/} (JGit's archive,
     * as {@code git archive --prefix=prefix/ --format=tar.gz} would).
     */
    public void archive(String commitHash, String prefix, Path tarball) {
        try (OutputStream out = Files.newOutputStream(tarball); Git git = new Git(repository)) {
            ArchiveCommand archive = git.archive().setTree(ObjectId.fromString(commitHash)).setFormat("tgz")
                    .setPrefix(prefix + "/").setOutputStream(out);
            archive.call();
        } catch (IOException | GitAPIException e) {
            throw new PackagePipelineException("Cannot make a source tarball of " + commitHash + " of " + url
                    + ": " + GitCache.cause(e), e);
        }
    }

    /** The working tree of a non-bare repository, empty for a bare one. */
    public Optional<Path> workTree() {
        return repository.isBare() ? Optional.empty() : Optional.of(repository.getWorkTree().toPath());
    }

    @Override
    public void close() {
        repository.close();
    }
}
