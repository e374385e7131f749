package io.jenkins.plugins.packagepipeline.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP server on 127.0.0.1 that answers {@code POST <api>/api/remote/import} as DLRN's API does (dlrn_api.py
 * {@code remote_import}): basic authentication (401 otherwise), a JSON body with {@code repo_url} alone (400
 * otherwise), 201 with the {@code repo_url} echoed, or 500 "Remote import failed with error: ..." for the URLs told
 * to fail once, or 400 every time for the URLs told to be refused (a build DLRN will never take). It records every
 * request, in order, as {@code "<status> <repo_url>"}. No DLRN can run here.
 */
public final class DlrnApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api-centos9-master";

    private final HttpServer server;
    private final String user;
    private final String password;
    private final List<String> requests = new ArrayList<>();
    private final Set<String> failOnce = new HashSet<>();
    private final Set<String> refused = new HashSet<>();

    public DlrnApiServer(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API's base URL, as a repo target or {@code --dlrn-api} names it. */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next import of {@code repoUrl} fails with 500, once. */
    public synchronized void failOnce(String repoUrl) {
        failOnce.add(repoUrl);
    }

    /** Every import of {@code repoUrl} from now on is refused with 400. */
    public synchronized void refuse(String repoUrl) {
        refused.add(repoUrl);
    }

    /** Every request so far, in order: {@code "<status> <repo_url>"}. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals(PATH + "/api/remote/import")
                    || !exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 404, Map.of("message", "not found"), exchange.getRequestMethod() + " "
                        + exchange.getRequestURI());
                return;
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            JsonNode json = JSON.readTree(body);
            String repoUrl = json != null && json.has("repo_url") ? json.get("repo_url").asText() : null;
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of("message", "Unauthorized Access"), repoUrl);
            } else if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                respond(exchange, 415, Map.of("message", "Unsupported media type"), repoUrl);
            } else if (repoUrl == null || json.size() != 1) {
                respond(exchange, 400, Map.of("message", "Missing parameters"), new String(body,
                        StandardCharsets.UTF_8));
            } else if (isRefused(repoUrl)) {
                respond(exchange, 400, Map.of("message", "Remote import refused: malformed commit.yaml"), repoUrl);
            } else if (takeFailure(repoUrl)) {
                respond(exchange, 500, Map.of("message", "Remote import failed with error: database is locked"),
                        repoUrl);
            } else {
                respond(exchange, 201, Map.of("repo_url", repoUrl), repoUrl);
            }
        }
    }

    private synchronized boolean isRefused(String repoUrl) {
        return refused.contains(repoUrl);
    }

    private synchronized boolean takeFailure(String repoUrl) {
        return failOnce.remove(repoUrl);
    }

    private void respond(HttpExchange exchange, int status, Map<String, String> answer, String what)
            throws IOException {
        synchronized (this) {
            requests.add(status + " " + what);
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
