package io.jenkins.plugins.packagepipeline.cloud;

import java.util.List;
import java.util.Objects;

/**
 * How the engine authenticates to Keystone v3: a {@link Password} scoped to a project, or an
 * {@link ApplicationCredential} (its id and secret; the scope is fixed when the credential is created).
 * {@code toString()} never shows the secret.
 */
public sealed interface CloudCredentials {

    /** The values to mask in anything the engine writes (logs, exceptions, reports). */
    List<String> secrets();

    /** Keystone v3 password authentication scoped to a project. */
    record Password(String user, String userDomain, String project, String projectDomain, String password)
            implements CloudCredentials {
        public Password {
            requireText(user, "user");
            requireText(project, "project");
            Objects.requireNonNull(password, "password");
            userDomain = userDomain == null || userDomain.isBlank() ? "Default" : userDomain;
            projectDomain = projectDomain == null || projectDomain.isBlank() ? "Default" : projectDomain;
        }

        @Override
        public List<String> secrets() {
            return List.of(password);
        }

        @Override
        public String toString() {
            return "Password[user=" + user + "@" + userDomain + ", project=" + project + "@" + projectDomain
                    + ", password=****]";
        }
    }

    /** A Keystone application credential (id and secret). */
    record ApplicationCredential(String id, String secret) implements CloudCredentials {
        public ApplicationCredential {
            requireText(id, "application credential id");
            Objects.requireNonNull(secret, "application credential secret");
        }

        @Override
        public List<String> secrets() {
            return List.of(secret);
        }

        @Override
        public String toString() {
            return "ApplicationCredential[id=" + id + ", secret=****]";
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw CloudException.invalidRequest("OpenStack credentials: " + what + " is empty");
        }
    }
}
