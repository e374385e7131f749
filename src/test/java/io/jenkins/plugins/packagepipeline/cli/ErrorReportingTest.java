package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every failure of the command line is one line on standard error, never a bare stack trace: a user's mistake says
 * what is wrong, a bug says so and keeps its stack trace for {@code --debug}.
 */
class ErrorReportingTest {

    @TempDir
    Path dir;

    /** A subcommand with a bug. */
    @Command(name = "buggy")
    static final class Buggy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("index 7 out of bounds for length 7\nsecond line of the message");
        }
    }

    private static CommandLineRun withBuggy(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new PackagePipelineCommand()).addSubcommand(new Buggy());
        int exit = PackagePipelineCommand.execute(commandLine, args, new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new CommandLineRun(exit, out.toString(), err.toString());
    }

    @Test
    void aBugIsOneLineNamingItsTypeAndMessageWithItsStackTraceOnlyWithDebug() {
        CommandLineRun plain = withBuggy("buggy");
        assertEquals(1, plain.exitCode(), plain.toString());
        assertEquals("ERROR: unexpected java.lang.IllegalStateException: index 7 out of bounds for length 7 (a bug:"
                + " run again with --debug for its stack trace; please report it)", plain.err().strip());

        for (String[] args : new String[][] {{"buggy", "--debug"}, {"--debug", "buggy"}}) {
            CommandLineRun debug = withBuggy(args);
            assertEquals(1, debug.exitCode(), debug.toString());
            assertTrue(debug.err().startsWith("ERROR: unexpected java.lang.IllegalStateException: index 7 out of"
                    + " bounds for length 7 (a bug: its stack trace follows; please report it)"), debug.err());
            assertTrue(debug.err().contains("\tat " + Buggy.class.getName() + ".call("), debug.err());
        }
    }

    @Test
    void badInstanceValuesAreOneLineErrorsBeforeTheCloudIsContacted() {
        String[][] cases = {
            {"An instance needs a name or a name prefix"},
            {"Security group rule 'ssh' is not PORT, MIN-MAX or PROTOCOL/PORT[@CIDR]", "--name", "a",
                "--create-security-group", "ssh"},
            {"Security group rule port range 0-0 is not within 1-65535", "--name", "a", "--create-security-group", "0"},
            {"Give either an existing key pair ('mine') or ask for a generated one, not both", "--name", "a",
                "--key-pair", "mine", "--generate-key-pair", "--private-key-file", "key"},
            {"Volume sizes must be positive (data -1 GB, boot 0 GB)", "--name", "a", "--data-volume-gb", "-1"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length - 1 + 5];
            System.arraycopy(new String[] {"provision", "--image", "cirros", "--flavor", "m1.tiny"}, 0, args, 0, 5);
            System.arraycopy(c, 1, args, 5, c.length - 1);
            CommandLineRun run = CommandLineRun.of(args);
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("ERROR: " + c[0]), run.toString());
            assertEquals(1, run.err().lines().count(), run.toString());
        }
    }

    @Test
    void aBadAuthUrlOrCaBundleIsAOneLineError() throws Exception {
        Path ftp = Files.writeString(dir.resolve("ftp.yaml"), """
                clouds:
                  lab:
                    auth: {auth_url: "ftp://keystone.example.org/v3", username: u, password: p, project_name: t}
                """);
        CommandLineRun badUrl = CommandLineRun.of("sweep", "--clouds-yaml", ftp.toString());
        assertEquals(1, badUrl.exitCode(), badUrl.toString());
        assertTrue(badUrl.err().startsWith("ERROR: OpenStack auth URL 'ftp://keystone.example.org/v3' must start"
                + " with http:// or https://"), badUrl.toString());
        assertEquals(1, badUrl.err().lines().count(), badUrl.toString());

        Path https = Files.writeString(dir.resolve("https.yaml"), """
                clouds:
                  lab:
                    auth: {auth_url: "https://127.0.0.1:9/v3", username: u, password: p, project_name: t}
                """);
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        CommandLineRun badCa = CommandLineRun.of("sweep", "--clouds-yaml", https.toString(), "--cacert",
                notPem.toString());
        assertEquals(1, badCa.exitCode(), badCa.toString());
        assertTrue(badCa.err().startsWith("ERROR: ") && badCa.err().contains("'" + notPem + "'"), badCa.toString());
        assertFalse(badCa.err().contains("\tat "), badCa.toString());
    }
}
