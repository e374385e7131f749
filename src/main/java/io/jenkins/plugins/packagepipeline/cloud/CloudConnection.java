package io.jenkins.plugins.packagepipeline.cloud;

import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to reach one OpenStack cloud: the Keystone v3 URL, the credentials, the region, HTTP timeouts
 * and TLS settings. TLS is verified by default against the JVM's trust store, or against {@code caBundle} (a PEM
 * file) when given; {@code insecure} turns verification off and is logged as a warning on every session opened.
 * A plain value: the Jenkins glue builds one from its configuration page, the command line from
 * {@code clouds.yaml} or {@code OS_*} variables.
 */
public record CloudConnection(URI authUrl, CloudCredentials credentials, String region, Duration connectTimeout,
        Duration readTimeout, Path caBundle, boolean insecure) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    public CloudConnection {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(credentials, "credentials");
        String scheme = authUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw CloudException.invalidRequest("OpenStack auth URL '" + authUrl + "' must start with http:// or"
                    + " https:// (Keystone's URL, e.g. https://keystone.example.org:5000/v3)");
        }
        region = region == null || region.isBlank() ? null : region;
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT);
    }

    /** A connection with default timeouts and TLS verification on. */
    public static CloudConnection of(String authUrl, CloudCredentials credentials, String region) {
        return new CloudConnection(URI.create(authUrl), credentials, region, null, null, null, false);
    }

    public CloudConnection withTimeouts(Duration connect, Duration read) {
        return new CloudConnection(authUrl, credentials, region, connect, read, caBundle, insecure);
    }

    public CloudConnection withCaBundle(Path pemFile) {
        return new CloudConnection(authUrl, credentials, region, connectTimeout, readTimeout, pemFile, insecure);
    }

    public CloudConnection withInsecure(boolean skipTlsVerification) {
        return new CloudConnection(authUrl, credentials, region, connectTimeout, readTimeout, caBundle,
                skipTlsVerification);
    }

    /** The Keystone v3 base URL without a trailing slash, ending in {@code /v3}. */
    public String identityV3() {
        String url = authUrl.toString().replaceAll("/+$", "");
        return url.endsWith("/v3") ? url : url + "/v3";
    }

    /** Masks this connection's secrets. */
    public SecretMasker masker() {
        return SecretMasker.of(credentials.secrets());
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
