package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The command line of the engine, for the single-package and cron use cases outside Jenkins:
 * {@code java -jar package-pipeline-cli.jar <command> [options]}. Each subcommand is one class in this package;
 * a {@link PackagePipelineException} is printed as its message alone, with exit code 1.
 */
@Command(
        name = "package-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = PackagePipelineCommand.Version.class,
        description = "Builds RPMs from git commits, publishes YUM/DNF repositories and runs hosts on OpenStack.",
        subcommands = {
            RunCommand.class,
            BuildCommand.class,
            PublishCommand.class,
            PurgeCommand.class,
            ImportCommand.class,
            StatusCommand.class,
            ProvisionCommand.class,
            DestroyCommand.class,
            SnapshotCommand.class,
            RestoreCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class PackagePipelineCommand {

    static final String DEBUG = "--debug";

    @Option(names = DEBUG, scope = ScopeType.INHERIT,
            description = "On an unexpected error (a bug), print its stack trace too.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(new PackagePipelineCommand()), args, out, err);
    }

    /**
     * Runs {@code commandLine} (this class's, possibly with a test's subcommand added): every failure is one line
     * on standard error, {@code ERROR: ...}, never a bare stack trace. A {@link PackagePipelineException} or a
     * file-system or git failure prints its message; anything else is a bug, printed as its type and message with
     * a pointer to {@value #DEBUG}, which adds the stack trace (for a user error too, with its cause).
     */
    static int execute(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter errors = cmd.getErr();
            boolean debug = debugAsked(commandLine.getParseResult());
            if (e instanceof PackagePipelineException) {
                errors.println("ERROR: " + e.getMessage());
            } else if (isInputOutput(e)) {
                errors.println("ERROR: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            } else {
                errors.println("ERROR: unexpected " + e.getClass().getName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage().strip().lines().findFirst().orElse("")) + " (a bug: "
                        + (debug ? "its stack trace follows" : "run again with " + DEBUG + " for its stack trace")
                        + "; please report it)");
            }
            if (debug) {
                e.printStackTrace(errors);
            }
            errors.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Whether {@value #DEBUG} was given, before or after the subcommand's name. */
    private static boolean debugAsked(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure of the file system or of git (a directory that cannot be created, a file that cannot be read): one
     * line naming the path, like the engine's own messages, rather than a stack trace.
     */
    private static boolean isInputOutput(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof JGitInternalException
                || e instanceof GitAPIException;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PackagePipelineCommand.class.getPackage().getImplementationVersion();
            return new String[] {"package-pipeline " + (version == null ? "(development build)" : version)};
        }
    }
}
