package io.jenkins.plugins.packagepipeline.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

/**
 * One POST to Keystone's {@code /v3/auth/tokens} with the password or application-credential method; the token id
 * comes back in {@code X-Subject-Token} and the body (with the service catalog) is read into OpenStack4j's
 * {@link KeystoneToken}, from which clients are built without authenticating again. OpenStack4j 3.12 has no
 * application-credential method, and doing both methods here keeps TLS and timeouts in one place.
 */
final class KeystoneAuthenticator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudConnection connection;
    private final HttpClient http;

    KeystoneAuthenticator(CloudConnection connection) {
        this.connection = connection;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connection.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        SSLContext ssl = Tls.sslContext(connection);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        if (connection.insecure()) {
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(null);
            builder.sslParameters(parameters);
        }
        this.http = builder.build();
    }

    KeystoneToken authenticate() {
        String url = connection.identityV3() + "/auth/tokens";
        String who = describe();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(connection.readTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION, "Cannot reach Keystone at " + url + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
                    + (url.startsWith("https") ? "; if the certificate is self-signed, give its CA bundle" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudException.Kind.INTERRUPTED, "Interrupted while authenticating to " + url);
        }
        if (response.statusCode() == 401) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION, "Keystone at " + url + " refused " + who
                    + " (HTTP 401): check the user, password, domains and project, or the credential id and secret");
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION, "Keystone at " + url + " answered HTTP "
                    + response.statusCode() + " to " + who + ": "
                    + connection.masker().mask(CloudErrors.messageOf(response.body())));
        }
        String tokenId = response.headers().firstValue("X-Subject-Token").orElseThrow(() -> new CloudException(
                CloudException.Kind.AUTHENTICATION, "Keystone at " + url + " returned no X-Subject-Token header"));
        try {
            KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
                    .readerFor(KeystoneToken.class).readValue(response.body());
            token.setId(tokenId);
            token.setEndpoint(connection.identityV3());
            if (token.getCatalog() == null || token.getCatalog().isEmpty()) {
                throw new CloudException(CloudException.Kind.AUTHENTICATION, "Keystone at " + url + " gave "
                        + who + " a token without service catalog: the credentials must be scoped to a project");
            }
            return token;
        } catch (IOException e) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION,
                    "Cannot read Keystone's token answer from " + url + ": " + e.getMessage(), e);
        }
    }

    private String describe() {
        if (connection.credentials() instanceof CloudCredentials.Password p) {
            return "user '" + p.user() + "' (domain '" + p.userDomain() + "', project '" + p.project()
                    + "' in domain '" + p.projectDomain() + "')";
        }
        return "application credential '" + ((CloudCredentials.ApplicationCredential) connection.credentials()).id()
                + "'";
    }

    private String body() {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        ArrayNode methods = identity.putArray("methods");
        if (connection.credentials() instanceof CloudCredentials.Password p) {
                methods.add("password");
                ObjectNode user = identity.putObject("password").putObject("user");
                user.put("name", p.user());
                user.putObject("domain").put("name", p.userDomain());
                user.put("password", p.password());
                ObjectNode project = ((ObjectNode) auth.get("auth")).putObject("scope").putObject("project");
                project.put("name", p.project());
                project.putObject("domain").put("name", p.projectDomain());
        } else if (connection.credentials() instanceof CloudCredentials.ApplicationCredential a) {
                methods.add("application_credential");
                identity.putObject("application_credential").put("id", a.id()).put("secret", a.secret());
        }
        return auth.toString();
    }
}
