package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.DatabaseUrl;
import io.jenkins.plugins.packagepipeline.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build database's password never goes in a URL, where the process list and configuration files would show
 * it: such a URL is refused, and the password given in {@code $PACKAGE_PIPELINE_DB_PASSWORD} reaches a real
 * PostgreSQL that checks it.
 */
class DatabasePasswordTest {
    private static final String SECRET = "Pa55-in-url-9f2c";

    @TempDir
    Path dir;

    @Test
    void aDatabaseUrlHoldingAPasswordIsRefusedWithWhereThePasswordGoes() {
        for (String url : List.of("jdbc:postgresql://db.example.org:5432/trunk?user=trunk&password=" + SECRET,
                "jdbc:postgresql://trunk:" + SECRET + "@db.example.org:5432/trunk")) {
            for (String command : List.of("status", "purge")) {
                CommandLineRun run = command.equals("status") ? CommandLineRun.of(command, "--database-url", url)
                        : CommandLineRun.of(command, "--database-url", url, "--older-than", "14d");
                assertEquals(1, run.exitCode(), run.toString());
                assertTrue(run.err().startsWith("ERROR: --database-url 'jdbc:postgresql://"), run.toString());
                assertTrue(run.err().contains("holds a password, which would show in the process list and in files:"
                        + " remove it from the URL and put the password in $PACKAGE_PIPELINE_DB_PASSWORD."),
                        run.toString());
                assertTrue(run.err().contains("****"), run.toString());
                assertFalse(run.toString().contains(SECRET), run.toString());
                assertEquals(1, run.err().lines().count(), run.toString());
            }
        }
    }

    @Test
    void aConfigurationFileWhoseUrlHoldsAPasswordIsRefused() throws Exception {
        Path config = Files.writeString(dir.resolve("pipeline.yaml"), "data-directory: data\ncatalog: catalog.yaml\n"
                + "database: {url: \"jdbc:postgresql://db:5432/trunk?password=" + SECRET + "\", user: trunk}\n");
        CommandLineRun run = CommandLineRun.of("status", "--config", config.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("ERROR: Configuration file " + config + ": field 'database.url'"
                + " 'jdbc:postgresql://db:5432/trunk?password=****' holds a password"), run.toString());
        assertTrue(run.err().contains("database.password-env (default: PACKAGE_PIPELINE_DB_PASSWORD)"), run.err());
        assertFalse(run.toString().contains(SECRET), run.toString());
    }

    @Test
    void thePasswordInTheEnvironmentReachesARealPostgresqlThatChecksIt() throws Exception {
        String password = "env-Pa55-" + ProcessHandle.current().pid();
        String url = PostgresServer.shared().newDatabaseNeedingPassword(password);

        ProcessResult right = cli(password, "status", "--database-url", url, "--database-user",
                PostgresServer.PASSWORD_USER);
        assertEquals(0, right.exitCode(), right.tailText());
        assertTrue(right.tailText().contains("0 package(s), 0 not building"), "the status of the new database: "
                + right.tailText());

        ProcessResult wrong = cli("not-" + password, "status", "--database-url", url, "--database-user",
                PostgresServer.PASSWORD_USER);
        assertEquals(1, wrong.exitCode(), wrong.tailText());
        assertTrue(wrong.tailText().contains("ERROR: Cannot open the build database " + url), wrong.tailText());
        assertTrue(wrong.tailText().contains("password authentication failed"), wrong.tailText());
        assertFalse(wrong.tailText().contains(password), wrong.tailText());
    }

    /** The command line in a JVM of its own, since only a new process can be given an environment variable. */
    private ProcessResult cli(String password, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                PackagePipelineCommand.class.getName()));
        command.addAll(List.of(args));
        return ProcessRunner.command(command).directory(dir).env(DatabaseUrl.PASSWORD_ENV, password)
                .timeout(Duration.ofMinutes(2)).run();
    }
}
