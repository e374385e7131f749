package io.jenkins.plugins.packagepipeline.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    static final String RELEASES = """
            releases:
              - name: trunk
                source-branch: main
                distgit-branch: rpm-main
              - name: stable
                source-branch: stable/1
                distgit-branch: rpm-stable
            """;

    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("catalog.yaml"), yaml);
    }

    PackagePipelineException invalid(String yaml) throws Exception {
        Path file = write(yaml);
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> CatalogLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    static void assertContains(String expected, PackagePipelineException e) {
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
    }

    @Test
    void loadsPackagesWithTheirReleaseBranchesAndPins() throws Exception {
        Catalog catalog = CatalogLoader.load(write(RELEASES + """
                packages:
                  - name: hello
                    upstream: https://git.example.org/hello.git
                    distgit: git@git.example.org:rpms/hello.git
                    maintainers: [trunk@example.org]
                  - name: hello-c
                    project: greetings
                    component: tools
                    upstream: repos/hello-c/upstream
                    distgit: file:///srv/git/hello-c-distgit
                    tags:
                      trunk:
                      stable: {source-branch: v1.2.0}
                  - name: only-stable
                    upstream: /srv/git/only-stable
                    distgit: ssh://git@example.org/only-stable.git
                    tags:
                      stable: {distgit-branch: rpm-old}
                """));
        assertEquals("trunk", catalog.release(null).name());
        List<PackageInRelease> trunk = catalog.packagesIn(null, Set.of());
        assertEquals(List.of("hello", "hello-c"), trunk.stream().map(PackageInRelease::name).toList());
        assertEquals("main", trunk.get(0).sourceBranch());
        assertEquals("rpm-main", trunk.get(0).distgitBranch());
        assertEquals("hello", trunk.get(0).definition().project());
        assertEquals("greetings", trunk.get(1).definition().project());
        assertEquals(dir.resolve("repos/hello-c/upstream").toString(), trunk.get(1).definition().upstream());
        assertEquals("hello.spec", trunk.get(0).specFileName());

        List<PackageInRelease> stable = catalog.packagesIn("stable", Set.of());
        assertEquals(List.of("hello", "hello-c", "only-stable"), stable.stream().map(PackageInRelease::name).toList());
        assertEquals("v1.2.0", stable.get(1).sourceBranch());
        assertEquals("rpm-stable", stable.get(1).distgitBranch());
        assertEquals("stable/1", stable.get(2).sourceBranch());
        assertEquals("rpm-old", stable.get(2).distgitBranch());

        assertEquals(List.of("hello-c"),
                catalog.packagesIn("trunk", Set.of("hello-c")).stream().map(PackageInRelease::name).toList());
        assertContains("Package 'nope' is not in the catalog",
                assertThrows(PackagePipelineException.class, () -> catalog.packagesIn(null, Set.of("nope"))));
        assertContains("is not in release 'trunk'",
                assertThrows(PackagePipelineException.class, () -> catalog.packagesIn(null, Set.of("only-stable"))));
        assertContains("Release 'nightly' is not in the catalog",
                assertThrows(PackagePipelineException.class, () -> catalog.release("nightly")));
    }

    @Test
    void anUnknownFieldIsNamedWithItsPackage() throws Exception {
        assertContains("package 'hello' field 'upsteam' is unknown", invalid(RELEASES + """
                packages:
                  - name: hello
                    upsteam: https://git.example.org/hello.git
                    distgit: https://git.example.org/rpms/hello.git
                """));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        PackagePipelineException e = invalid(RELEASES + """
                packages:
                  - name: hello
                    distgit: https://git.example.org/rpms/hello.git
                  - name: hello
                    upstream: htp//not a url
                    distgit: ftp://example.org/x.git
                  - name: ../../etc/cron.d/evil
                    upstream: https://example.org/evil.git
                    distgit: https://example.org/evil-distgit.git
                  - upstream: https://example.org/x.git
                """);
        assertContains("package 'hello' field 'upstream' is missing", e);
        assertContains("package 'hello' field 'name' is a duplicate", e);
        assertContains("field 'upstream' 'htp//not a url' contains a space", e);
        assertContains("field 'distgit' 'ftp://example.org/x.git' has the unsupported scheme 'ftp'", e);
        assertContains("package '../../etc/cron.d/evil' field 'name' '../../etc/cron.d/evil' is not a safe file name", e);
        assertContains("package #4 field 'name' is missing", e);
        assertContains("package #4 field 'distgit' is missing", e);
        assertContains("(7 problems)", e);
    }

    @Test
    void releasesAndTagsAreChecked() throws Exception {
        PackagePipelineException e = invalid("""
                releases:
                  - name: trunk
                    source-branch: "bad..branch"
                packages:
                  - name: hello
                    upstream: https://example.org/hello.git
                    distgit: https://example.org/hello-distgit.git
                    maintainers: [nobody]
                    tags:
                      nightly:
                      trunk: {source-brnach: main}
                """);
        assertContains("release 'trunk' field 'source-branch' 'bad..branch' is not a valid git branch", e);
        assertContains("release 'trunk' field 'distgit-branch' is missing", e);
        assertContains("package 'hello' field 'tags.nightly' names no release of the catalog (releases: trunk)", e);
        assertContains("package 'hello' tags.trunk.field 'source-brnach' is unknown", e);
        assertContains("package 'hello' field 'maintainers' 'nobody' is not an e-mail address", e);
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        PackagePipelineException e = invalid(RELEASES + "packages:\n  - name: [unclosed\n");
        assertContains("is not valid YAML", e);
        assertContains("line 9", e);
    }

    @Test
    void aDuplicateKeyIsAnError() throws Exception {
        assertContains("Duplicate field 'name'", invalid(RELEASES + """
                packages:
                  - name: hello
                    name: other
                """));
    }

    @Test
    void aMissingFileOrEmptyDocumentIsAClearError() throws Exception {
        PackagePipelineException missing = assertThrows(PackagePipelineException.class,
                () -> CatalogLoader.load(dir.resolve("nope.yaml")));
        assertContains("Catalog " + dir.resolve("nope.yaml") + " does not exist", missing);
        assertContains("must be a mapping with 'releases' and 'packages'", invalid(""));
        assertContains("field 'releases' must be a non-empty list", invalid("packages: []\n"));
    }
}
