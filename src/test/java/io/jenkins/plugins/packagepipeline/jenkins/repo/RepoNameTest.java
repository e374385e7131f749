package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data directory, published by {@code publishRepo} (the repo name is the target's) and by the command line
 * (the name is {@code --repo-name}'s, or the recorded one): both publish under the one name its first publish
 * recorded, never a second {@code .repo} file beside the one clients use.
 */
class RepoNameTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PackagePipelineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(exit, out.toString(), err.toString());
    }

    private Cli cliPublish(String... more) {
        return cli(Stream.concat(Stream.of("publish", "--data-directory", dataDir.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    private void record(String name, String source, Instant time) throws Exception {
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            new TargetBuilds(dataDir, store).success(name, "1.0", source, time);
        }
    }

    private void publishAsTarget(String target) throws Exception {
        RepoPublishing.publish(new PublishRequest(target, dataDir.toString(), null, null), line -> { });
    }

    /** Every .repo file name under repos/ (all snapshots), sorted and distinct. */
    private List<String> repoFileNames() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("repos"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".repo")).distinct().sorted()
                    .toList();
        }
    }

    private String currentRepoFile() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("repos/current"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".repo")).findFirst()
                    .orElseThrow();
        }
    }

    private String statusReportName() throws Exception {
        return new ObjectMapper().readTree(dataDir.resolve("repos/status_report.json").toFile()).path("repository")
                .asText();
    }

    @Test
    void theCommandLineOnAJenkinsTargetsDataDirectoryPublishesUnderTheTargetsName() throws Exception {
        record("hello", "1111111111aaaaaaaaaabbbbbbbbbbcccccccccc", T0);
        publishAsTarget("trunk");
        record("hello", "2222222222aaaaaaaaaabbbbbbbbbbcccccccccc", T0.plusSeconds(60));

        Cli publish = cliPublish();
        assertEquals(0, publish.exit(), publish.err());
        assertEquals("trunk.repo", currentRepoFile(), "the new snapshot, made by the command line");
        assertEquals(List.of("trunk.repo"), repoFileNames());
        assertEquals("trunk", statusReportName());
        assertEquals(0, cli("purge", "--data-directory", dataDir.toString(), "--older-than", "1").exit());
        assertEquals("trunk", statusReportName(), "the purge's reports too");

        record("hello", "3333333333aaaaaaaaaabbbbbbbbbbcccccccccc", T0.plusSeconds(120));
        Cli other = cliPublish("--repo-name", "package-pipeline");
        assertEquals(1, other.exit());
        assertEquals(1, other.err().lines().count(), other.err());
        assertTrue(other.err().startsWith("ERROR: The repositories of " + dataDir + " are published as 'trunk' (the"
                + " name recorded at their first publish): publishing them as 'package-pipeline' would add a second"
                + " .repo file and public key file beside the ones clients use (current/trunk.repo)."), other.err());
        assertTrue(other.err().contains("--repo-name package-pipeline --rename-repo"), other.err());
        assertTrue(other.out().isEmpty(), "nothing published: " + other.out());
        assertEquals(List.of("trunk.repo"), repoFileNames());
    }

    @Test
    void aJenkinsTargetOfAnotherNameIsRefusedAndARenameOnPurposeAppliesToTheNextSnapshots() throws Exception {
        record("hello", "1111111111aaaaaaaaaabbbbbbbbbbcccccccccc", T0);
        Cli first = cliPublish();
        assertEquals(0, first.exit(), first.err());
        assertEquals("package-pipeline.repo", currentRepoFile());

        PackagePipelineException refused = assertThrows(PackagePipelineException.class,
                () -> publishAsTarget("trunk"));
        assertTrue(refused.getMessage().contains("are published as 'package-pipeline'")
                && refused.getMessage().contains("Jenkins: name the repo target 'package-pipeline'"),
                refused.getMessage());

        Cli noName = cliPublish("--rename-repo");
        assertEquals(1, noName.exit());
        assertTrue(noName.err().startsWith("ERROR: --rename-repo needs the new name: --repo-name NAME."), noName.err());

        record("hello", "2222222222aaaaaaaaaabbbbbbbbbbcccccccccc", T0.plusSeconds(60));
        Cli renamed = cliPublish("--repo-name", "trunk", "--rename-repo");
        assertEquals(0, renamed.exit(), renamed.err());
        assertTrue(renamed.out().startsWith("Repository renamed from package-pipeline to trunk"), renamed.out());
        assertEquals("trunk.repo", currentRepoFile());
        assertEquals(List.of("package-pipeline.repo", "trunk.repo"), repoFileNames(),
                "the earlier snapshot keeps its .repo file: clients that downloaded it stay on it");

        record("hello", "3333333333aaaaaaaaaabbbbbbbbbbcccccccccc", T0.plusSeconds(120));
        publishAsTarget("trunk");
        assertEquals("trunk.repo", currentRepoFile());
    }

    @Test
    void aDataDirectoryPublishedBeforeNamesWereRecordedKeepsTheNameOfItsStatusReport() throws Exception {
        record("hello", "1111111111aaaaaaaaaabbbbbbbbbbcccccccccc", T0);
        publishAsTarget("trunk");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
                Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("DELETE FROM settings WHERE name = 'repo_name'"),
                    "as a database of an earlier version, upgraded, holds no name");
        }
        record("hello", "2222222222aaaaaaaaaabbbbbbbbbbcccccccccc", T0.plusSeconds(60));

        Cli publish = cliPublish();
        assertEquals(0, publish.exit(), publish.err());
        assertEquals(List.of("trunk.repo"), repoFileNames());
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            assertEquals("trunk", store.repoName().orElseThrow(), "and the database records it from then on");
        }
    }
}
