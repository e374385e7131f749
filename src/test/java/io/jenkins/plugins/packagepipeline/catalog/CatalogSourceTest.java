package io.jenkins.plugins.packagepipeline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog kept in a git repository (rdoinfo-style), refreshed before each load. */
class CatalogSourceTest {
    @TempDir
    Path dir;

    static final String CATALOG = """
            releases: [{name: trunk, source-branch: main, distgit-branch: main}]
            packages:
              - {name: hello, upstream: repos/hello.git, distgit: https://example.org/hello-distgit.git}
            """;

    void commit(Path repo, String file, String content) throws Exception {
        Files.createDirectories(repo.resolve(file).getParent());
        Files.writeString(repo.resolve(file), content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("catalog").setSign(false).call();
        }
    }

    @Test
    void loadsTheCurrentCatalogOfTheBranchEachTime() throws Exception {
        Path origin = dir.resolve("rdoinfo");
        Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call().close();
        commit(origin, "meta/catalog.yaml", CATALOG);
        CatalogSource source = CatalogSource.ofGit(origin.toString(), "main", "meta/catalog.yaml");
        GitCache cache = new GitCache(dir.resolve("cache"), Duration.ofSeconds(10));
        Path checkout = dir.resolve("checkout");

        Catalog first = source.load(cache, checkout);
        assertEquals(1, first.packages().size());
        assertEquals(checkout.resolve("meta/repos/hello.git").toString(), first.packages().get(0).upstream(),
                "relative URLs resolve in the checkout");

        commit(origin, "meta/catalog.yaml", CATALOG + "  - {name: added, upstream: /srv/a, distgit: /srv/b}\n");
        assertEquals(2, source.load(cache, checkout).packagesIn(null, Set.of()).size());

        PackagePipelineException missing = assertThrows(PackagePipelineException.class,
                () -> CatalogSource.ofGit(origin.toString(), "main", "nope.yaml").load(cache, checkout));
        assertTrue(missing.getMessage().contains("Catalog repository " + origin + " (branch main) has no nope.yaml"),
                missing.getMessage());
    }
}
