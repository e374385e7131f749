package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.packagepipeline.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing an output directory over an earlier one (a recheck): kept on commit, put back without one, and after a
 * crash at each point of the install, {@link OutputInstall#recover} leaves the pair with exactly one complete output
 * directory, the recorded one, and nothing behind.
 */
class OutputInstallTest {
    private static final String REPO_DIR = "repos/ab/cd/abcd0000_11112222";

    @TempDir
    Path root;

    private Path staged(String content) throws IOException {
        Path staged = Files.createDirectories(root.resolve("work").resolve(content));
        Files.writeString(staged.resolve("build.log"), content);
        return staged;
    }

    private String installed() throws IOException {
        return Files.readString(root.resolve(REPO_DIR).resolve("build.log"));
    }

    /** What the install left beside the output: hidden directories next to it and journal files. */
    private List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(root.resolve(REPO_DIR).getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(".")).forEach(p -> left.add(p.toString()));
        }
        Path journal = root.resolve(OutputInstall.JOURNAL_DIR);
        if (Files.isDirectory(journal)) {
            try (Stream<Path> files = Files.list(journal)) {
                files.forEach(p -> left.add(p.toString()));
            }
        }
        return left;
    }

    @Test
    void aCommittedReplacementKeepsTheNewOutputOnly() throws Exception {
        try (OutputInstall first = OutputInstall.begin(staged("old"), root, REPO_DIR)) {
            first.commit();
        }
        try (OutputInstall second = OutputInstall.begin(staged("new"), root, REPO_DIR)) {
            assertEquals("new", installed());
            second.commit();
        }
        assertEquals("new", installed());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void withoutACommitTheEarlierOutputIsPutBack() throws Exception {
        try (OutputInstall first = OutputInstall.begin(staged("old"), root, REPO_DIR)) {
            first.commit();
        }
        try (OutputInstall second = OutputInstall.begin(staged("new"), root, REPO_DIR)) {
            assertEquals("new", installed()); // e.g. recording the build fails here
        }
        assertEquals("old", installed());
        assertEquals(List.of(), leftovers());
        try (OutputInstall fresh = OutputInstall.begin(staged("other"), root, "repos/ef/01/ef010000_11112222")) {
            assertTrue(Files.isDirectory(root.resolve("repos/ef/01/ef010000_11112222")));
        }
        assertFalse(Files.exists(root.resolve("repos/ef/01/ef010000_11112222")), "an unrecorded new pair is removed");
    }

    @Test
    void aStagedOutputOnAnotherFileSystemIsCopiedNextToItsPlaceFirst() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(root)),
                "needs /dev/shm on another file system than the temporary directory");
        Path elsewhere = Files.createTempDirectory(shm, "output-install-test-");
        try {
            Path staged = Files.createDirectories(elsewhere.resolve("output"));
            Files.writeString(staged.resolve("build.log"), "from another file system");
            try (OutputInstall install = OutputInstall.begin(staged, root, REPO_DIR)) {
                install.commit();
            }
            assertEquals("from another file system", installed());
            assertFalse(Files.exists(staged));
            assertEquals(List.of(), leftovers());
        } finally {
            FileTrees.delete(elsewhere);
        }
    }

    @Test
    void recoveryAfterACrashBeforeTheRecordPutsTheEarlierOutputBack() throws Exception {
        crashedAfterBothRenames();
        OutputInstall.recover(root, output -> false); // the database still records the earlier build
        assertEquals("old", installed());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void recoveryAfterACrashAfterTheRecordKeepsTheNewOutput() throws Exception {
        crashedAfterBothRenames();
        OutputInstall.recover(root, output -> true); // the new build was recorded, its commit never ran
        assertEquals("new", installed());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void recoveryAfterACrashBetweenTheTwoRenamesPutsTheEarlierOutputBack() throws Exception {
        crashedAfterBothRenames();
        FileTrees.delete(root.resolve(REPO_DIR)); // the state before the new output's rename: no output in place
        OutputInstall.recover(root, output -> {
            throw new AssertionError("nothing in place to ask about");
        });
        assertEquals("old", installed());
        assertEquals(List.of(), leftovers());
        OutputInstall.recover(root, output -> false); // a second recovery finds nothing to do
        assertEquals("old", installed());
    }

    /** The state a kill -9 leaves after both renames of a replacement, before the record and the commit. */
    private void crashedAfterBothRenames() throws Exception {
        try (OutputInstall first = OutputInstall.begin(staged("old"), root, REPO_DIR)) {
            first.commit();
        }
        OutputInstall.begin(staged("new"), root, REPO_DIR); // never committed nor closed: the process died
        assertEquals("new", installed());
        assertEquals(2, leftovers().size(), "the earlier output set aside and the journal");
    }
}
