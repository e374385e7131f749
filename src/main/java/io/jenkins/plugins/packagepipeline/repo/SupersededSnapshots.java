package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps {@code current} and {@code consistent} serving while a recheck replaces the build output directory they
 * point at. Before the directory is replaced, its snapshot is preserved as a hard-linked copy,
 * {@code repos/superseded/<source-hash>_<distgit-hash[0:8]>.<epoch-millis>/} (its {@code .repo} file rewritten to
 * name the copy), and the pointers that reached the directory are switched to the copy, one rename each. The copy
 * is made under a temporary name, flushed, then renamed into place, so a pointer never names an incomplete one. It
 * holds the same RPMs and metadata as before, so clients of the pointers see no change; publishing a newer build
 * moves the pointers on, and {@link RepoPurger} removes copies no pointer reaches any more.
 *
 * <p>Callers hold the {@link PublishLock} of the repos directory, so no publisher moves a pointer meanwhile.
 */
public final class SupersededSnapshots {
    /** The directory under {@code repos/} holding the preserved copies. */
    public static final String DIR = "superseded";
    private static final String TEMP_SUFFIX = ".tmp";

    private SupersededSnapshots() {
    }

    /**
     * Preserves the snapshot in {@code outputDir} and re-points the pointers reaching it, if any do.
     *
     * @return the copy the pointers now name, or empty when no pointer reached {@code outputDir}
     */
    public static Optional<Path> preserveServed(Path reposDir, Path outputDir) throws IOException {
        Path repos = reposDir.toAbsolutePath().normalize();
        Path dir = outputDir.toAbsolutePath().normalize();
        RepoPointers pointers = new RepoPointers(repos);
        List<String> serving = new ArrayList<>();
        for (String pointer : List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT)) {
            if (pointers.resolve(pointer).filter(dir::equals).isPresent()) {
                serving.add(pointer);
            }
        }
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        Path parent = Files.createDirectories(repos.resolve(DIR));
        Path copy = parent.resolve(dir.getFileName() + "." + System.currentTimeMillis());
        while (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            copy = parent.resolve(dir.getFileName() + "." + System.currentTimeMillis());
        }
        Path temp = parent.resolve("." + copy.getFileName() + TEMP_SUFFIX);
        linkTree(dir, temp, repos.relativize(dir).toString(), repos.relativize(copy).toString());
        RepoFiles.syncTree(temp, SnapshotBuilder::isNotRpm); // the RPMs are links to files already on disk
        RepoFiles.rename(temp, copy);
        for (String pointer : serving) {
            pointers.switchTo(pointer, copy);
        }
        return Optional.of(copy);
    }

    /** The preserved copies, and leftovers of copies a crash interrupted (names starting with '.'). */
    static List<Path> list(Path reposDir) throws IOException {
        Path parent = reposDir.resolve(DIR);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(parent)) {
            return files.map(Path::normalize).sorted().toList();
        }
    }

    /** Whether a path from {@link #list} is an interrupted copy that nothing can point at. */
    static boolean isLeftover(Path copy) {
        return copy.getFileName().toString().startsWith(".");
    }

    /**
     * Recreates {@code from} as {@code to}: directories made, regular files hard-linked, symbolic links copied,
     * and the {@code .repo} files at the top written anew with the snapshot's path replaced by the copy's.
     */
    private static void linkTree(Path from, Path to, String fromPath, String toPath) throws IOException {
        FileTrees.delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getParent().equals(from) && source.getFileName().toString().endsWith(".repo")) {
                    Files.writeString(target, Files.readString(source, StandardCharsets.UTF_8)
                            .replace(fromPath + "/", toPath + "/").replace(fromPath + ",", toPath + ","),
                            StandardCharsets.UTF_8);
                } else {
                    Files.createLink(target, source);
                }
            }
        }
    }
}
