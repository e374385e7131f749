package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.remote.ImportLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import takes as a location: a build output directory, a directory holding them in the engine's layout
 * (a worker's data directory or its repos/), or a served build output directory's URL; and the one-line messages
 * naming a bad one.
 */
class ImportLocationsTest {

    private static final String WHAT = "importBuild: from";

    @TempDir
    Path dir;

    /** A build output directory in the engine's layout under {@code dataDir}, with its commit.yaml. */
    private Path output(Path dataDir, String hash) throws Exception {
        Path out = Files.createDirectories(dataDir.resolve("repos/" + hash.substring(0, 2) + "/" + hash.substring(2, 4)
                + "/" + hash + "_9e8d7c6b"));
        Files.writeString(out.resolve("commit.yaml"), "commits: []\n");
        return out;
    }

    @Test
    void aWorkersDataDirectoryOrItsReposNamesEveryBuildOutputDirectoryInTheLayoutOnly() throws Exception {
        Path worker = dir.resolve("worker-1");
        Path b = output(worker, "b".repeat(40));
        Path a = output(worker, "a".repeat(40));
        // what is not a build output directory of the layout is left alone
        Files.createDirectories(worker.resolve("repos/aa/aa/.import-123"));
        Files.writeString(worker.resolve("repos/aa/aa/.import-123/commit.yaml"), "commits: []\n");
        Files.createDirectories(worker.resolve("repos/aa/aa/no-commit-yaml"));
        Files.createDirectories(worker.resolve("repos/superseded/x"));
        Files.writeString(worker.resolve("repos/superseded/x/commit.yaml"), "commits: []\n");
        Files.createDirectories(worker.resolve("git-cache/aa/bb/cc"));
        Files.writeString(worker.resolve("git-cache/aa/bb/cc/commit.yaml"), "commits: []\n");
        Files.createSymbolicLink(worker.resolve("repos/current"), a);

        List<String> expected = List.of(a.toString(), b.toString());
        assertEquals(expected, ImportLocations.expand(worker.toString(), dir, WHAT));
        assertEquals(expected, ImportLocations.expand("worker-1", dir, WHAT), "relative to the base");
        assertEquals(expected, ImportLocations.expand("worker-1/repos/", dir, WHAT));
        assertEquals(List.of(b.toString()), ImportLocations.expand(b.toString(), Path.of("/elsewhere"), WHAT));
        String url = "https://worker-2.example.org/repos/aa/aa/" + "a".repeat(40) + "_9e8d7c6b/";
        assertEquals(List.of(url), ImportLocations.expand(" " + url + " ", dir, WHAT));
    }

    @Test
    void aBadLocationIsOneLineNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("empty/repos/aa/bb"));
        Files.writeString(dir.resolve("a-file"), "x");
        List<List<String>> cases = List.of(
                List.of("nowhere", "importBuild: from 'nowhere' (" + dir.resolve("nowhere") + ") does not exist: give"
                        + " a build output directory (it holds commit.yaml), a directory holding them"),
                List.of("a-file", "importBuild: from 'a-file' (" + dir.resolve("a-file") + ") is not a directory"),
                List.of(dir.resolve("empty").toString(), "importBuild: from '" + dir.resolve("empty")
                        + "' holds no build output directory: no commit.yaml in it, nor in"
                        + " repos/<h[0:2]>/<h[2:4]>/<name>/ under it"),
                List.of("ftp://worker/out", "importBuild: from 'ftp://worker/out' is neither a path nor an"
                        + " http(s) URL"),
                List.of("http:///out", "importBuild: from 'http:///out' names no host"),
                List.of("https://worker/out dir", "importBuild: from 'https://worker/out dir' is not a valid URL"),
                List.of("  ", "importBuild: from holds an empty location"),
                List.of("a\nb", "importBuild: from 'a\\nb' holds a line break"));
        for (List<String> c : cases) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> ImportLocations.expand(c.get(0), dir, WHAT), c.get(0));
            assertTrue(e.getMessage().startsWith(c.get(1)), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void aUrlWithAUserOrPasswordIsRefusedWithoutShowingThem() {
        for (String url : List.of("https://jenkins:S3cret-Pw@worker/repos/aa/", "https://token-9f2c@worker/x/")) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> ImportLocations.check(url, WHAT));
            assertTrue(e.getMessage().startsWith("importBuild: from 'https://****@worker/"), e.getMessage());
            assertFalse(e.getMessage().contains("S3cret-Pw") || e.getMessage().contains("token-9f2c"),
                    e.getMessage());
        }
        PackagePipelineException bad = assertThrows(PackagePipelineException.class,
                () -> ImportLocations.check("https://jenkins:S3cret-Pw@worker/a b", WHAT));
        assertFalse(bad.getMessage().contains("S3cret-Pw"), bad.getMessage());
    }
}
