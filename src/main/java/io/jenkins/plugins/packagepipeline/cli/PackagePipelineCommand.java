package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with these streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PackagePipelineCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PackagePipelineException) {
                cmd.getErr().println("ERROR: " + e.getMessage());
                return 1;
            }
            if (isInputOutput(e)) {
                cmd.getErr().println("ERROR: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args);
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
