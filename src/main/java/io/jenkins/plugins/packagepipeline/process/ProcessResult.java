package io.jenkins.plugins.packagepipeline.process;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How one run of an external tool ended. {@code commandLine} and {@code tail} are already masked of secrets.
 *
 * @param exitCode the tool's exit code, or -1 when it was killed at its timeout
 * @param tail the last lines of its merged output
 * @param logFile where the whole output went, or null
 */
public record ProcessResult(String commandLine, int exitCode, boolean timedOut, Duration timeout, Duration elapsed,
        List<String> tail, Path logFile) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The last lines of output, one string, for messages. */
    public String tailText() {
        return String.join("\n", tail);
    }

    /**
     * Returns this result if the tool succeeded; otherwise throws a message saying what failed, how, the end of its
     * output and where the full log is.
     */
    public ProcessResult requireSuccess(String what) {
        if (succeeded()) {
            return this;
        }
        throw new PackagePipelineException(failureMessage(what));
    }

    public String failureMessage(String what) {
        StringBuilder message = new StringBuilder(what);
        if (timedOut) {
            message.append(" timed out after ").append(format(timeout)).append(" and was killed");
        } else {
            message.append(" failed with exit code ").append(exitCode);
        }
        message.append(" (").append(commandLine).append(")");
        if (logFile != null) {
            message.append("; full log: ").append(logFile);
        }
        if (!tail.isEmpty()) {
            message.append("\nLast lines of output:\n").append(tailText());
        }
        return message.toString();
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
