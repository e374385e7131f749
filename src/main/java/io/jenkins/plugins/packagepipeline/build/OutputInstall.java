package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.PublishLock;
import io.jenkins.plugins.packagepipeline.repo.RepoFiles;
import io.jenkins.plugins.packagepipeline.repo.SupersededSnapshots;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
 *
 * <p>{@link #installAndRecord} and {@link #recover(Path, BuildStore)} are what the build engine and the importer of
 * builds made elsewhere use, each holding the data directory ({@link DataDirLock}).
 */
public final class OutputInstall implements AutoCloseable {
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

    /**
     * Moves a build's staged output to {@code <dataDir>/<repoDir>} and records it, as one step: if recording fails,
     * the earlier output (if any) is put back. The staged directory must hold the build's {@code build-record.yaml}
     * ({@link BuildOutput#writeRecord}), which {@link #recover(Path, BuildStore)} reads. Replacing an earlier output
     * of the pair (a recheck, or an import over a build that had failed) happens under the publish lock of
     * {@code reposDir}, after the pointers that served the earlier output were moved to a preserved copy of its
     * snapshot ({@link SupersededSnapshots}), so replacing an output, recorded or not, never takes a served
     * repository away.
     *
     * @param lockTimeout how long to wait for a publish holding the lock
     * @param progress told when pointers now serve a preserved copy
     * @return the build as recorded
     */
    public static BuildRecord installAndRecord(Path staged, BuildRecord build, Path dataDir, Path reposDir,
            Duration lockTimeout, BuildStore store, Consumer<String> progress) throws IOException, InterruptedException {
        Path target = dataDir.resolve(build.repoDir());
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return installAndRecord(staged, build, dataDir, store);
        }
        try (PublishLock lock = PublishLock.acquire(reposDir, lockTimeout)) {
            Optional<Path> copy = SupersededSnapshots.preserveServed(reposDir, target);
            if (copy.isPresent()) {
                progress.accept(build.packageName() + ": the pointers serving the replaced build's snapshot now"
                        + " serve its preserved copy " + reposDir.relativize(copy.get()));
            }
            return installAndRecord(staged, build, dataDir, store);
        }
    }

    private static BuildRecord installAndRecord(Path staged, BuildRecord build, Path dataDir, BuildStore store)
            throws IOException {
        try (OutputInstall install = begin(staged, dataDir, build.repoDir())) {
            BuildRecord recorded = store.record(build);
            install.commit();
            return recorded;
        }
    }

    /**
     * {@link #recover(Path, Predicate)} for a data directory and its build database: an output in place stays if
     * its {@code build-record.yaml} is the build the database records for its pair (same status and build time).
     */
    public static void recover(Path dataDir, BuildStore store) throws IOException {
        recover(dataDir, output -> isRecorded(output, store));
    }

    private static boolean isRecorded(Path outputDir, BuildStore store) {
        BuildRecord onDisk;
        try {
            onDisk = BuildOutput.read(outputDir);
        } catch (PackagePipelineException e) {
            return false;
        }
        return store.find(onDisk.packageName(), onDisk.sourceCommit(), onDisk.distgitCommit())
                .filter(r -> r.status() == onDisk.status() && Objects.equals(r.buildTime(), onDisk.buildTime()))
                .isPresent();
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
