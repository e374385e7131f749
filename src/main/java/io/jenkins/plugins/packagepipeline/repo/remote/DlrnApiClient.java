package io.jenkins.plugins.packagepipeline.repo.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A client of a DLRN server's API, for feeding an existing DLRN instance: {@code POST /api/remote/import} with
 * {@code {"repo_url": ...}} and HTTP basic authentication asks the server to import the build output directory
 * served at that URL (DLRN answers 201 with {@code {"repo_url": ...}}, 400 when the parameter is missing, 401 for
 * bad credentials, 500 with the import error).
 */
public final class DlrnApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiUrl;
    private final String user;
    private final char[] password;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /**
     * @param apiUrl the DLRN API's base URL (e.g. {@code https://trunk.example/api-centos9-master}); the client
     *     appends {@code /api/remote/import}
     * @param password kept in memory only; wiped by {@link #close()}
     */
    public DlrnApiClient(URI apiUrl, String user, char[] password, Duration timeout) {
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new PackagePipelineException("DLRN API URL '" + apiUrl + "' must be an http:// or https:// URL.");
        }
        this.user = Objects.requireNonNull(user, "user");
        this.password = password.clone();
        this.timeout = timeout;
    }

    /** The DLRN API's base URL. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** Asks the DLRN server to import the build output directory served at {@code repoUrl}. */
    public void remoteImport(String repoUrl) throws IOException, InterruptedException {
        String base = apiUrl.toString().endsWith("/") ? apiUrl.toString() : apiUrl + "/";
        URI endpoint = URI.create(base + "api/remote/import");
        String credentials = Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("repo_url", repoUrl))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot reach the DLRN API at " + endpoint + ": " + e
                    + ". Check the URL and that the server runs.", e);
        }
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            return;
        }
        SecretMasker masker = SecretMasker.of(new String(password), credentials);
        String body = masker.mask(response.body() == null ? "" : response.body().strip());
        String hint = switch (status) {
            case 401, 403 -> " Check the DLRN API user and password (user '" + user + "').";
            case 400 -> " The server refused the request's parameters.";
            case 404 -> " No remote import endpoint there: is " + apiUrl + " the DLRN API's base URL?";
            default -> " The server could not import " + repoUrl + "; its message says why.";
        };
        throw new PackagePipelineException("DLRN remote import of " + repoUrl + " at " + endpoint + " answered HTTP "
                + status + (body.isEmpty() ? "" : ": " + body) + "." + hint);
    }

    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }
}
