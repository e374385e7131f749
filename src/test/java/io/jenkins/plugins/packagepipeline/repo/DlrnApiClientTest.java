package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DLRN API client against a local server that speaks DLRN's {@code POST /api/remote/import} as DLRN's API does
 * (basic auth, JSON media type required, 201 with the repo_url echoed, 400/401/500 otherwise) and checks each
 * request exactly.
 */
class DlrnApiClientTest {
    private static final String USER = "ci-importer";
    private static final String PASSWORD = "s3cr3t-dlrn-9b1e";
    private static final ObjectMapper JSON = new ObjectMapper();

    HttpServer server;
    final List<String> problems = new ArrayList<>();
    final List<String> imported = new ArrayList<>();
    String failWith;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api-centos9-master");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/api-centos9-master/api/remote/import")) {
                respond(exchange, 404, Map.of("message", "not found"));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                problems.add("method " + exchange.getRequestMethod());
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of("message", "Unauthorized Access"));
                return;
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                respond(exchange, 415, Map.of("message", "Unsupported media type, use application/json"));
                return;
            }
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.has("repo_url") || json.size() != 1) {
                respond(exchange, 400, Map.of("message", "Missing parameters"));
                return;
            }
            if (failWith != null) {
                respond(exchange, 500, Map.of("message", "Remote import failed with error: " + failWith));
                return;
            }
            imported.add(json.get("repo_url").asText());
            respond(exchange, 201, Map.of("repo_url", json.get("repo_url").asText()));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> json) throws IOException {
        byte[] out = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    @Test
    void postsTheRepoUrlWithBasicAuth() throws Exception {
        String repoUrl = "https://worker.example/repos/17/23/17234e9ab9dfc679d4f63f4f4d9d8a40f3e4f0f8_024e24f0";
        try (DlrnApiClient client = new DlrnApiClient(api(), USER, PASSWORD.toCharArray(), Duration.ofSeconds(30))) {
            client.remoteImport(repoUrl);
        }
        assertEquals(List.of(repoUrl), imported);
        assertEquals(List.of(), problems);
    }

    @Test
    void badCredentialsAndServerErrorsAreExplainedWithoutThePassword() throws Exception {
        try (DlrnApiClient wrong = new DlrnApiClient(api(), USER, "nope-7c2d".toCharArray(), Duration.ofSeconds(30))) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> wrong.remoteImport("u"));
            assertTrue(e.getMessage().contains("401") && e.getMessage().contains("user '" + USER + "'"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("nope-7c2d"));
        }
        failWith = "Failed to download rpm file";
        try (DlrnApiClient client = new DlrnApiClient(api(), USER, PASSWORD.toCharArray(), Duration.ofSeconds(30))) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> client.remoteImport("u"));
            assertTrue(e.getMessage().contains("500") && e.getMessage().contains("Failed to download rpm file"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(PASSWORD));
        }
        try (DlrnApiClient client = new DlrnApiClient(URI.create(api() + "-typo"), USER, PASSWORD.toCharArray(),
                Duration.ofSeconds(30))) {
            assertTrue(assertThrows(PackagePipelineException.class, () -> client.remoteImport("u")).getMessage()
                    .contains("404"));
        }
        assertEquals(List.of(), imported);
    }
}
