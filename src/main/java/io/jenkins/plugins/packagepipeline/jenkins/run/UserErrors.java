package io.jenkins.plugins.packagepipeline.jenkins.run;

import hudson.AbortException;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a failure ends a build. Jenkins shows an {@link AbortException} as its message alone, without a stack trace, so
 * every failure but an interruption (an abort, which must stay one) becomes one, its message masked:
 * <ul>
 * <li>a {@link PackagePipelineException}, what the user can fix, as its message;</li>
 * <li>anything else (an agent lost, a disk error, a bug) as one line naming its type and message and where its stack
 * trace went: the Jenkins log, logger {@value #LOGGER_NAME}, masked too.</li>
 * </ul>
 */
public final class UserErrors {

    /** The logger unexpected failures are written to, with their (masked) stack traces. */
    public static final String LOGGER_NAME = "io.jenkins.plugins.packagepipeline";

    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    /** Deeper cause chains are cut (a cycle, or a chain no one reads). */
    private static final int MAX_CAUSES = 20;

    private UserErrors() {
    }

    /** {@code failure} as the build should end with it (see the class comment). */
    public static Exception forBuild(Exception failure, SecretMasker masker) {
        if (failure instanceof InterruptedException) {
            return failure;
        }
        if (failure instanceof PackagePipelineException || failure instanceof AbortException) {
            return new AbortException(masker.mask(failure.getMessage()));
        }
        Throwable masked = masked(failure, masker, 0);
        LOGGER.log(Level.WARNING, "Package Pipeline: unexpected failure", masked);
        return new AbortException("Unexpected " + masked.getMessage() + " (stack trace in the Jenkins log, logger "
                + LOGGER_NAME + ")");
    }

    /**
     * Throws {@code failure} as the build should end with it ({@link #forBuild}), as one of the exceptions Jenkins'
     * build steps and wrappers may throw.
     */
    public static RuntimeException rethrow(Exception failure, SecretMasker masker)
            throws IOException, InterruptedException {
        Exception e = forBuild(failure, masker);
        if (e instanceof IOException io) {
            throw io;
        }
        throw (InterruptedException) e;
    }

    /**
     * A copy of {@code failure} and its causes whose messages are masked, with their stack traces: what may be logged.
     * Each copy's message starts with the original type, since the copy is of another class.
     */
    static Throwable masked(Throwable failure, SecretMasker masker, int depth) {
        String message = failure.getMessage();
        MaskedFailure copy = new MaskedFailure(failure.getClass().getName()
                + (message == null ? "" : ": " + masker.mask(message)));
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && depth < MAX_CAUSES) {
            copy.initCause(masked(cause, masker, depth + 1));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (depth < MAX_CAUSES) {
                copy.addSuppressed(masked(suppressed, masker, depth + 1));
            }
        }
        return copy;
    }

    /** A failure's masked copy: the original type is the start of its message. */
    static final class MaskedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedFailure(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
