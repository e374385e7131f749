package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.repo.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Moves a finished (staged) output directory to its place {@code <root>/<repoDir>}, as one step that can be undone
 * until it is committed. When an earlier output of the same pair is there (a recheck), it is renamed aside, not
 * deleted, and a journal file under {@code <root>/.install-journal/} names both; {@link #commit()} (called once the
 * new output is recorded) deletes the earlier output and the journal, {@link #close()} without a commit puts the
 * earlier output back. After a crash, {@link #recover} finishes or undoes each journaled replacement, so the pair is
 * never left without an output directory and its record always describes what is on disk.
 *
 * <p>Every rename is flushed ({@link RepoFiles#rename}); the new output's files are flushed before it moves in.
 */
final class OutputInstall implements AutoCloseable {
    /** The journal directory's name under the output root. */
    static final String JOURNAL_DIR = ".install-journal";

    private final Path target;
    private final Path replaced;
    private final Path journal;
    private boolean done;

    private OutputInstall(Path target, Path replaced, Path journal) {
        this.target = target;
        this.replaced = replaced;
        this.journal = journal;
    }

    /** Moves {@code staged} to {@code <root>/<repoDir>}, an earlier output there set aside until {@link #commit()}. */
    static OutputInstall begin(Path staged, Path root, String repoDir) throws IOException {
        Path target = root.resolve(repoDir);
        Files.createDirectories(target.getParent());
        staged = onTheSameFileSystem(staged, target);
        RepoFiles.syncTree(staged);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            RepoFiles.rename(staged, target);
            return new OutputInstall(target, null, null);
        }
        Path replaced = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
        Path journalDir = Files.createDirectories(root.resolve(JOURNAL_DIR));
        Path journal = journalDir.resolve(UUID.randomUUID() + ".journal");
        RepoFiles.writeAtomically(journal, root.relativize(target) + "\n" + root.relativize(replaced) + "\n");
        OutputInstall install = new OutputInstall(target, replaced, journal);
        RepoFiles.rename(target, replaced);
        try {
            RepoFiles.rename(staged, target);
        } catch (IOException | RuntimeException e) {
            install.close();
            throw e;
        }
        return install;
    }

    /**
     * The staged directory itself, or, when it is on another file system than its destination (a worker's output
     * root elsewhere than its scratch space), a copy of it next to the destination, so that one rename moves it in.
     */
    private static Path onTheSameFileSystem(Path staged, Path target) throws IOException {
        if (Files.getFileStore(staged).equals(Files.getFileStore(target.getParent()))) {
            return staged;
        }
        Path copy = target.resolveSibling("." + target.getFileName() + ".staged-" + UUID.randomUUID());
        FileTrees.copy(staged, copy);
        FileTrees.delete(staged);
        return copy;
    }

    /** Keeps the new output: deletes the earlier one and the journal. */
    void commit() throws IOException {
        done = true; // from here on the new output stays, even if deleting the earlier one fails (recover finishes)
        if (replaced != null) {
            finish(journal, replaced);
        }
    }

    /** Without a {@link #commit()}: removes the new output and puts the earlier one back (if there was one). */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        if (replaced == null) {
            FileTrees.delete(target);
            return;
        }
        undo(journal, target, replaced);
    }

    /**
     * Finishes or undoes what a process killed in the middle of an install left, from the journal under
     * {@code root}: an earlier output set aside is put back unless the output now in place is the one recorded.
     * Call before any build, holding the data directory.
     *
     * @param recorded whether the output directory in place is the one the build database records (for a worker's
     *     output root, which has no database: always true)
     */
    static void recover(Path root, Predicate<Path> recorded) throws IOException {
        Path journalDir = root.resolve(JOURNAL_DIR);
        if (!Files.isDirectory(journalDir)) {
            return;
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(journalDir)) {
            journals = files.toList();
        }
        for (Path journal : journals) {
            if (!journal.getFileName().toString().endsWith(".journal")) {
                FileTrees.delete(journal); // the temporary file of a journal never completed
                continue;
            }
            List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                Files.delete(journal);
                continue;
            }
            Path target = root.resolve(lines.get(0));
            Path replaced = root.resolve(lines.get(1));
            if (!Files.exists(replaced, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(journal);
            } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && recorded.test(target)) {
                finish(journal, replaced);
            } else {
                undo(journal, target, replaced);
            }
        }
    }

    private static void finish(Path journal, Path replaced) throws IOException {
        FileTrees.delete(replaced);
        Files.delete(journal);
    }

    /** Deletes the new output (a crash meanwhile leaves the journal: recover does it again), puts the old back. */
    private static void undo(Path journal, Path target, Path replaced) throws IOException {
        FileTrees.delete(target);
        RepoFiles.rename(replaced, target);
        Files.delete(journal);
    }
}
