package io.jenkins.plugins.packagepipeline.cloud;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;

/**
 * A user-facing OpenStack failure with its {@link Kind}, so callers can tell "out of quota" from "no such image".
 * The message names the resource and the value at fault and never contains a secret.
 */
public class CloudException extends PackagePipelineException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as a caller needs to decide what to do. */
    public enum Kind {
        /** Credentials refused, or a TLS/connection problem reaching Keystone. */
        AUTHENTICATION,
        /** A project quota would be exceeded (HTTP 403/413 with a quota message). */
        QUOTA,
        /** The cloud has no room (Nova "No valid host was found"), may pass later. */
        CAPACITY,
        /** A named image, flavor, network, key pair, server or snapshot does not exist. */
        NOT_FOUND,
        /** The request itself is wrong (bad name, user-data too large...). */
        INVALID_REQUEST,
        /** A server or volume went to ERROR. */
        RESOURCE_ERROR,
        /** Waiting for a state took longer than allowed. */
        TIMEOUT,
        /** The calling thread was interrupted (the build was aborted). */
        INTERRUPTED,
        /** Anything else the cloud answered. */
        CLOUD_ERROR
    }

    private final Kind kind;

    public CloudException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CloudException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A request that is wrong in itself ({@link Kind#INVALID_REQUEST}): a bad value given by the user. */
    public static CloudException invalidRequest(String message) {
        return new CloudException(Kind.INVALID_REQUEST, message);
    }

    public Kind kind() {
        return kind;
    }
}
