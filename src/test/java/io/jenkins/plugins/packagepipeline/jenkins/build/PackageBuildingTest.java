package io.jenkins.plugins.packagepipeline.jenkins.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.repo.PublishRequest;
import io.jenkins.plugins.packagepipeline.jenkins.repo.PublishSelection;
import io.jenkins.plugins.packagepipeline.jenkins.repo.RepoPublishing;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.jenkins.run.UserErrors;
import io.jenkins.plugins.packagepipeline.store.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buildPackage}'s agent-side work against the real build engine: git repositories made with JGit from the
 * project's example package, a catalog naming them, rpmbuild, and the SQLite build database of the data directory.
 */
class PackageBuildingTest {

    @TempDir
    Path dir;

    private final List<String> catalogEntries = new ArrayList<>();

    /** The example {@code hello} as upstream and distgit repositories; {@code broken} makes its %build fail. */
    private void examplePackage(String name, boolean broken) throws Exception {
        Path example = Path.of(System.getProperty("packagepipeline.projectRoot", ".")).resolve("examples/packages/hello");
        Path upstream = dir.resolve("git/" + name + "-upstream");
        Path distgit = dir.resolve("git/" + name + "-distgit");
        GitFixtures.copy(example.resolve("upstream"), upstream);
        GitFixtures.copy(example.resolve("distgit"), distgit);
        if (broken) {
            Path spec = distgit.resolve("hello.spec");
            Files.writeString(spec, Files.readString(spec).replace("%build\n", "%build\necho 'broken on purpose' >&2\nexit 1\n"));
        }
        GitFixtures.commit(upstream);
        GitFixtures.commit(distgit);
        catalogEntries.add("  - name: " + name + "\n    upstream: " + upstream + "\n    distgit: " + distgit
                + "\n    maintainers: [trunk@example.invalid]\n");
    }


    private BuildPlan plan(List<String> packages) throws IOException {
        Files.writeString(dir.resolve("workspace/catalog.yaml"), "releases:\n  - name: trunk\n    source-branch: main\n"
                + "    distgit-branch: main\npackages:\n" + String.join("", catalogEntries));
        return new BuildPlan("trunk", dir.resolve("data").toString(), "https://trunk.example.org/repos",
                "catalog.yaml", packages, null, "rpmbuild", 2, null, null, false, false, false, false);
    }

    @Test
    void buildsNewCommitsThenFindsThemUpToDate() throws Exception {
        Files.createDirectories(dir.resolve("workspace"));
        examplePackage("hello", false);
        List<String> progress = new ArrayList<>();

        BuildOutcome first = PackageBuilding.build(plan(List.of()), dir.resolve("workspace"), progress::add);

        assertEquals("SUCCESS", first.getVerdict());
        assertEquals("trunk", first.getWhere());
        PackageRow row = first.getRows().get(0);
        assertEquals("hello", row.getPackageName());
        assertEquals("SUCCESS", row.getStatus());
        assertTrue(row.getNvr().startsWith("hello-1.0.0-") && row.getNvr().contains(row.getSourceCommit().substring(0, 7)),
                row.getNvr());
        assertTrue(row.getOutputUrl().startsWith("https://trunk.example.org/repos/"
                + row.getSourceCommit().substring(0, 2) + "/"), row.getOutputUrl());
        assertTrue(Files.isRegularFile(dir.resolve("data/build.db")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("1 SUCCESS")), progress.toString());

        BuildOutcome second = PackageBuilding.build(plan(List.of()), dir.resolve("workspace"), line -> { });
        assertEquals("SUCCESS", second.getVerdict());
        assertEquals("UP_TO_DATE", second.getRows().get(0).getStatus());
    }

    @Test
    void aFailingPackageAmongGoodOnesMakesTheBuildUnstableAndAloneAFailure() throws Exception {
        Files.createDirectories(dir.resolve("workspace"));
        examplePackage("hello", false);
        examplePackage("broken", true);

        BuildOutcome both = PackageBuilding.build(plan(List.of()), dir.resolve("workspace"), line -> { });

        assertEquals("UNSTABLE", both.getVerdict(), both.getSummary());
        PackageRow broken = both.getRows().stream().filter(r -> r.getPackageName().equals("broken")).findFirst()
                .orElseThrow();
        assertEquals("FAILED", broken.getStatus());
        assertNotNull(broken.getNote());

        BuildOutcome alone = PackageBuilding.build(plan(List.of("broken")), dir.resolve("workspace"), line -> { });
        assertEquals("SUCCESS", alone.getVerdict(), "nothing new to build for broken: " + alone.getSummary());
    }

    @Test
    void aTargetsPostgresDatabaseRecordsTheBuildsThatPublishRepoThenPublishesByTheirIds() throws Exception {
        Files.createDirectories(dir.resolve("workspace"));
        examplePackage("hello", false);
        PostgresServer postgres = PostgresServer.shared();
        BuildDatabase database = new BuildDatabase(postgres.newDatabase(), postgres.user(), "Pg-Secret-71c3");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);

        BuildOutcome built = new BuildCallable(plan(List.of()), database, () -> logger)
                .invoke(dir.resolve("workspace").toFile(), null);

        assertEquals("SUCCESS", built.getVerdict(), built.getSummary());
        assertFalse(Files.exists(dir.resolve("data/build.db")), "recorded in PostgreSQL, not in a SQLite file");
        List<String> ids = built.getBuildIds();
        assertEquals(1, ids.size());
        assertTrue(ids.get(0).startsWith("hello/" + built.getRows().get(0).getSourceCommit() + "_"), ids.toString());
        assertEquals(ids, built.toMap().get("builds"));

        PublishOutcome published = RepoPublishing.publish(new PublishRequest("trunk", dir.resolve("data").toString(),
                null, null).withDatabase(database).withSelection(new PublishSelection(List.of(), ids)), line -> { });

        assertEquals(ids, published.getRows().stream().map(PackageRow::getBuildId).toList());
        assertTrue(published.getRows().get(0).isPublished());
        assertTrue(Files.isRegularFile(dir.resolve("data/repos/current/repodata/repomd.xml")));
        assertFalse(Files.exists(dir.resolve("data/build.db")));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("Pg-Secret-71c3"));
    }

    @Test
    void anUnreachableDatabaseFailsWithItsUrlAndNeverThePassword() throws Exception {
        Files.createDirectories(dir.resolve("workspace"));
        examplePackage("hello", false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/trunk";
        BuildDatabase database = new BuildDatabase(url, "trunk", "Pg-Secret-71c3");

        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> PackageBuilding.build(plan(List.of()), database, dir.resolve("workspace"), line -> { }));
        String message = UserErrors.forBuild(e, database.masker()).getMessage();

        assertTrue(message.contains(url), message);
        assertFalse(message.contains("Pg-Secret-71c3"), message);
        assertFalse(database.toString().contains("Pg-Secret-71c3"), database.toString());
        assertFalse(Files.exists(dir.resolve("data/build.db")), "no SQLite file made instead");
    }
}
