package io.jenkins.plugins.packagepipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a cloud from an OpenStack {@code clouds.yaml} (the file the {@code openstack} CLI uses) or from the
 * {@code OS_*} environment variables of an {@code openrc}: password or application-credential auth, region,
 * {@code cacert}, {@code verify: false}, {@code api_timeout}.
 */
public final class CloudsYaml {
    private CloudsYaml() {
    }

    public static CloudConnection read(Path file, String cloudName) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Cannot read clouds.yaml '" + file + "': "
                    + e.getMessage(), e);
        }
        JsonNode clouds = root == null ? null : root.get("clouds");
        if (clouds == null || !clouds.isObject() || clouds.isEmpty()) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "'" + file + "' has no 'clouds:' section");
        }
        JsonNode cloud = cloudName == null && clouds.size() == 1 ? clouds.elements().next() : clouds.get(cloudName);
        if (cloud == null) {
            throw new CloudException(CloudException.Kind.NOT_FOUND, "No cloud '" + cloudName + "' in '" + file
                    + "'; it has: " + iterable(clouds.fieldNames()));
        }
        JsonNode auth = cloud.path("auth");
        String authUrl = text(auth, "auth_url");
        if (authUrl == null) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "Cloud '" + cloudName + "' in '" + file
                    + "' has no auth.auth_url");
        }
        CloudCredentials credentials;
        if (text(auth, "application_credential_id") != null) {
            credentials = new CloudCredentials.ApplicationCredential(text(auth, "application_credential_id"),
                    text(auth, "application_credential_secret"));
        } else {
            credentials = new CloudCredentials.Password(text(auth, "username"),
                    first(text(auth, "user_domain_name"), text(auth, "user_domain_id")), text(auth, "project_name"),
                    first(text(auth, "project_domain_name"), text(auth, "project_domain_id")), text(auth, "password"));
        }
        CloudConnection connection = CloudConnection.of(authUrl, credentials, text(cloud, "region_name"));
        if (text(cloud, "cacert") != null) {
            connection = connection.withCaBundle(Path.of(text(cloud, "cacert")));
        }
        if (cloud.has("verify") && !cloud.get("verify").asBoolean(true)) {
            connection = connection.withInsecure(true);
        }
        if (cloud.has("api_timeout")) {
            Duration timeout = Duration.ofSeconds(cloud.get("api_timeout").asLong());
            connection = connection.withTimeouts(null, timeout);
        }
        return connection;
    }

    /** From {@code OS_AUTH_URL}, {@code OS_USERNAME}... or {@code OS_APPLICATION_CREDENTIAL_ID/SECRET}. */
    public static CloudConnection fromEnvironment(Map<String, String> env) {
        String authUrl = env.get("OS_AUTH_URL");
        if (authUrl == null || authUrl.isBlank()) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "No cloud given: pass --clouds-yaml and "
                    + "--cloud, or source an openrc (OS_AUTH_URL is not set)");
        }
        CloudCredentials credentials;
        if (env.get("OS_APPLICATION_CREDENTIAL_ID") != null) {
            credentials = new CloudCredentials.ApplicationCredential(env.get("OS_APPLICATION_CREDENTIAL_ID"),
                    env.get("OS_APPLICATION_CREDENTIAL_SECRET"));
        } else {
            credentials = new CloudCredentials.Password(env.get("OS_USERNAME"),
                    first(env.get("OS_USER_DOMAIN_NAME"), env.get("OS_USER_DOMAIN_ID")),
                    first(env.get("OS_PROJECT_NAME"), env.get("OS_TENANT_NAME")),
                    first(env.get("OS_PROJECT_DOMAIN_NAME"), env.get("OS_PROJECT_DOMAIN_ID")),
                    env.get("OS_PASSWORD"));
        }
        CloudConnection connection = CloudConnection.of(authUrl, credentials, env.get("OS_REGION_NAME"));
        if (env.get("OS_CACERT") != null) {
            connection = connection.withCaBundle(Path.of(env.get("OS_CACERT")));
        }
        return connection;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String iterable(java.util.Iterator<String> names) {
        StringBuilder text = new StringBuilder();
        names.forEachRemaining(n -> text.append(text.length() == 0 ? "" : ", ").append(n));
        return text.toString();
    }
}
