package io.jenkins.plugins.packagepipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.Locale;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;

/** Turns what OpenStack answers into {@link CloudException}s whose kind and message a user can act on. */
final class CloudErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudErrors() {
    }

    /** The human message inside an OpenStack error body ({"badRequest":{"message":...}}, {"error":...}...). */
    static String messageOf(String body) {
        if (body == null || body.isBlank()) {
            return "(empty answer)";
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.hasNonNull("message")) {
                return root.get("message").asText();
            }
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                JsonNode inner = it.next();
                if (inner.hasNonNull("message")) {
                    return inner.get("message").asText();
                }
            }
        } catch (IOException notJson) {
            // fall through: plain text
        }
        String text = body.strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Classifies an HTTP status plus OpenStack message. */
    static CloudException.Kind kindOf(int status, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("quota") || m.contains("limit exceeded") || m.contains("overlimit") || status == 413) {
            return CloudException.Kind.QUOTA;
        }
        if (m.contains("no valid host")) {
            return CloudException.Kind.CAPACITY;
        }
        if (status == 404) {
            return CloudException.Kind.NOT_FOUND;
        }
        if (status == 401) {
            return CloudException.Kind.AUTHENTICATION;
        }
        if (status == 400 || status == 409 || status == 422) {
            return CloudException.Kind.INVALID_REQUEST;
        }
        return CloudException.Kind.CLOUD_ERROR;
    }

    /** Wraps anything OpenStack4j threw while doing {@code what}. */
    static CloudException translate(String what, RuntimeException e) {
        if (e instanceof CloudException cloud) {
            return cloud;
        }
        if (e instanceof ResponseException response) {
            String message = response.getMessage();
            CloudException.Kind kind = kindOf(response.getStatus(), message);
            return new CloudException(kind, what + " failed: " + describe(kind) + "HTTP " + response.getStatus()
                    + " " + message, e);
        }
        if (e instanceof ConnectionException || e.getCause() instanceof IOException) {
            if (isInterruption(e)) {
                return interrupted(what);
            }
            return new CloudException(CloudException.Kind.CLOUD_ERROR, what + " failed: cannot reach the cloud ("
                    + e.getMessage() + ")", e);
        }
        return new CloudException(CloudException.Kind.CLOUD_ERROR, what + " failed: " + e, e);
    }

    /** Checks an OpenStack4j action answer; 404 counts as success when {@code missingIsFine}. */
    static void check(String what, ActionResponse response, boolean missingIsFine) {
        if (response == null || response.isSuccess() || (missingIsFine && response.getCode() == 404)) {
            return;
        }
        CloudException.Kind kind = kindOf(response.getCode(), response.getFault());
        throw new CloudException(kind, what + " failed: " + describe(kind) + "HTTP " + response.getCode() + " "
                + response.getFault());
    }

    static CloudException interrupted(String what) {
        return new CloudException(CloudException.Kind.INTERRUPTED, what + " was interrupted (build aborted?)");
    }

    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static String describe(CloudException.Kind kind) {
        return switch (kind) {
            case QUOTA -> "project quota exceeded, free resources or ask for a higher quota: ";
            case CAPACITY -> "the cloud has no capacity for this request right now: ";
            default -> "";
        };
    }
}
