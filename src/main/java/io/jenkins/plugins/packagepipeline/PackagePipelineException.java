package io.jenkins.plugins.packagepipeline;

/**
 * A failure meant for the user: its message says what went wrong, names the bad value and, where there is one,
 * what to do about it. The command line prints only the message; the Jenkins glue turns it into an
 * {@code AbortException}. Anything else that escapes is a bug: the command line prints it as one line too, naming
 * its type, and its stack trace only with {@code --debug}.
 */
public class PackagePipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PackagePipelineException(String message) {
        super(message);
    }

    public PackagePipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
