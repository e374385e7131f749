package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * File operations the publisher and the build engine rely on for crash safety: a file, symbolic link or directory
 * appears whole under its final name (made under a temporary name in the same directory, flushed, then renamed over
 * the old one) or not at all. Every rename that matters goes through {@link #rename}, which also flushes the
 * directories it changed ({@link #syncDirectory}), so that a switch survives a power loss, not only a killed process.
 */
public final class RepoFiles {
    private RepoFiles() {
    }

    /** Writes text to {@code target} atomically: readers see the old content or the new one, never a part. */
    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes to {@code target} atomically (temporary file in the same directory, fsync, rename). */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Points the symbolic link {@code link} at {@code target} atomically: a new link under a temporary name, then
     * renamed over the old one (rename(2) replaces it in one step), so the link never dangles or disappears.
     */
    public static void switchSymlink(Path link, Path target) throws IOException {
        Path dir = link.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + link.getFileName() + "." + UUID.randomUUID() + ".new");
        Files.createSymbolicLink(temp, target);
        try {
            rename(temp, link);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("The file system of " + dir + " cannot rename atomically; publish onto a local"
                    + " POSIX file system", e);
        } finally {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(temp);
            }
        }
    }

    /**
     * Renames {@code from} to {@code to} in one rename(2), replacing {@code to} if it is a file or symbolic link,
     * then flushes the directory (or both directories) whose entries changed: once this returns, the new name
     * survives a power loss.
     *
     * @throws AtomicMoveNotSupportedException when the two paths are on different file systems
     */
    public static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        Path toDir = to.toAbsolutePath().getParent();
        Path fromDir = from.toAbsolutePath().getParent();
        syncDirectory(toDir);
        if (!fromDir.equals(toDir)) {
            syncDirectory(fromDir);
        }
    }

    /**
     * Flushes a directory's entries to disk (fsync(2) of the directory): the files created, renamed or removed in
     * it so far survive a power loss. Linux allows it on a directory opened for reading.
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Flushes a whole tree, every regular file and every directory in it (symbolic links are not followed), e.g. a
     * build output before it moves into place.
     */
    public static void syncTree(Path root) throws IOException {
        syncTree(root, file -> true);
    }

    /**
     * Flushes every directory of a tree and the regular files {@code which} selects, e.g. a snapshot before the
     * manifest that marks it complete is written: its new files, not the RPMs it links, which were flushed where
     * they were first written ({@link #syncFiles}).
     */
    public static void syncTree(Path root, Predicate<Path> which) throws IOException {
        List<Path> dirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && which.test(p)) {
                    files.add(p);
                }
            }
        }
        syncFiles(files);
        for (Path dir : dirs) {
            syncDirectory(dir);
        }
    }

    /** Flushes files' contents to disk (fsync(2) of each). */
    public static void syncFiles(List<Path> files) throws IOException {
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /** Creates a hard link {@code link} to {@code existing}, replacing a stale file of that name. */
    public static void hardLink(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            Files.createLink(link, existing);
        }
    }

    /** Overwrites every regular file under {@code root} with zeros, then deletes the tree (for secret material). */
    public static void wipeTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                long size = Files.size(p);
                try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ByteBuffer zeros = ByteBuffer.allocate(8192);
                    for (long written = 0; written < size; ) {
                        zeros.clear().limit((int) Math.min(8192, size - written));
                        written += channel.write(zeros, written);
                    }
                    channel.force(true);
                }
            }
        }
        FileTrees.delete(root);
    }
}
