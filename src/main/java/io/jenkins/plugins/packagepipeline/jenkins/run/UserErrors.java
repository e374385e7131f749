package io.jenkins.plugins.packagepipeline.jenkins.run;

import hudson.AbortException;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;

/**
 * The engine reports what the user can fix as a {@link PackagePipelineException}; Jenkins shows an
 * {@link AbortException} as its message alone, without a stack trace. Anything else is a bug and keeps its trace.
 */
public final class UserErrors {

    private UserErrors() {
    }

    /** {@code failure} as the build should end with it: a user error becomes its masked message only. */
    public static Exception forBuild(Exception failure, SecretMasker masker) {
        if (failure instanceof PackagePipelineException) {
            return new AbortException(masker.mask(failure.getMessage()));
        }
        return failure;
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
        if (e instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IOException(e.getMessage(), e);
    }
}
