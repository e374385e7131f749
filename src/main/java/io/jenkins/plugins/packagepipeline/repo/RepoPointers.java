package io.jenkins.plugins.packagepipeline.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two moving names of a repository, symbolic links in the repos directory with relative targets
 * ({@code current -> ab/cd/<source-hash>_<distgit-hash[0:8]>}): {@code current}, the newest snapshot, and
 * {@code consistent}, the newest snapshot made while every package's latest build had succeeded. Each is switched by
 * one rename, so a reader (or a crash) only ever sees the old target or the new one. A pointer may also name a
 * preserved copy {@code superseded/<name>.<epoch-ms>} while the build it served is rechecked
 * ({@link SupersededSnapshots}).
 */
public final class RepoPointers {
    /** The pointer to the newest snapshot. */
    public static final String CURRENT = "current";
    /** The pointer to the newest snapshot without any failed package. */
    public static final String CONSISTENT = "consistent";

    private final Path reposDir;

    public RepoPointers(Path reposDir) {
        this.reposDir = reposDir;
    }

    /** The snapshot directory a pointer names (relative to the repos directory), if the pointer exists. */
    public Optional<String> target(String pointer) throws IOException {
        Path link = reposDir.resolve(pointer);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        return Optional.of(Files.readSymbolicLink(link).toString());
    }

    /** The absolute snapshot directory a pointer names, if it exists. */
    public Optional<Path> resolve(String pointer) throws IOException {
        return target(pointer).map(t -> reposDir.resolve(t).normalize());
    }

    /** Points {@code pointer} at the snapshot directory {@code snapshotDir} (absolute or relative to repos). */
    public void switchTo(String pointer, Path snapshotDir) throws IOException {
        Path relative = snapshotDir.isAbsolute() ? reposDir.relativize(snapshotDir) : snapshotDir;
        Path link = reposDir.resolve(pointer);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new IOException(link + " exists and is not a symbolic link; move it away so that it can point at"
                    + " snapshots");
        }
        RepoFiles.switchSymlink(link, relative);
    }
}
