package io.jenkins.plugins.packagepipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wire-level stand-in for the few OpenStack answers a real cloud will not give on demand: it speaks Keystone v3,
 * Glance v2, Nova, Neutron and Cinder v3 JSON on an ephemeral port, just enough for a provisioning run, and answers
 * server creation with a configurable error (e.g. Nova's legacy 413 {@code overLimit}). Every request is recorded.
 */
final class FakeOpenStackServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> volumes = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile int bootStatus = 413;
    private volatile String bootBody = "{\"overLimit\":{\"code\":413,\"message\":\"Quota exceeded for instances: "
            + "Requested 1, but already used 10 of 10 instances\",\"retryAfter\":\"0\"}}";

    FakeOpenStackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String authUrl() {
        return base() + "/identity/v3";
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    void answerBootWith(int status, String body) {
        this.bootStatus = status;
        this.bootBody = body;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (method.equals("POST") && path.equals("/identity/v3/auth/tokens")) {
                exchange.getResponseHeaders().add("X-Subject-Token", "fake-token-id");
                send(exchange, 201, token());
            } else if (method.equals("GET") && path.equals("/image/v2/images")) {
                send(exchange, 200, "{\"images\":[{\"id\":\"img-1\",\"name\":\"cirros\",\"status\":\"active\"}]}");
            } else if (method.equals("GET") && path.startsWith("/compute/v2.1/flavors")) {
                send(exchange, 200, "{\"flavors\":[{\"id\":\"flavor-1\",\"name\":\"m1.tiny\",\"ram\":512,"
                        + "\"vcpus\":1,\"disk\":1}]}");
            } else if (method.equals("GET") && path.equals("/network/v2.0/networks")) {
                send(exchange, 200, "{\"networks\":[{\"id\":\"net-1\",\"name\":\"private\",\"status\":\"ACTIVE\"}]}");
            } else if (method.equals("POST") && path.equals("/volume/v3/project-1/volumes")) {
                JsonNode request = JSON.readTree(body).get("volume");
                ObjectNode volume = JSON.createObjectNode().put("id", "vol-" + (volumes.size() + 1))
                        .put("name", request.path("name").asText()).put("size", request.path("size").asInt())
                        .put("status", "available");
                volume.set("metadata", request.get("metadata"));
                volume.putArray("attachments");
                volumes.put(volume.get("id").asText(), volume);
                send(exchange, 202, JSON.createObjectNode().set("volume", volume).toString());
            } else if (method.equals("GET") && path.matches("/volume/v3/project-1/volumes(/detail)?")) {
                send(exchange, 200, JSON.createObjectNode().set("volumes",
                        JSON.valueToTree(new ArrayList<>(volumes.values()))).toString());
            } else if (path.startsWith("/volume/v3/project-1/volumes/")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                ObjectNode volume = volumes.get(id);
                if (volume == null) {
                    send(exchange, 404, "{\"itemNotFound\":{\"code\":404,\"message\":\"Volume " + id + " could not be found.\"}}");
                } else if (method.equals("DELETE")) {
                    volumes.remove(id);
                    send(exchange, 202, "");
                } else {
                    send(exchange, 200, JSON.createObjectNode().set("volume", volume).toString());
                }
            } else if (method.equals("GET") && path.startsWith("/volume/v3/project-1/snapshots")) {
                send(exchange, 200, "{\"snapshots\":[]}");
            } else if (method.equals("POST") && path.equals("/compute/v2.1/servers")) {
                send(exchange, bootStatus, bootBody);
            } else if (method.equals("GET") && path.equals("/compute/v2.1/servers/detail")) {
                send(exchange, 200, "{\"servers\":[]}");
            } else if (method.equals("GET") && path.equals("/network/v2.0/floatingips")) {
                send(exchange, 200, "{\"floatingips\":[]}");
            } else if (method.equals("GET") && path.equals("/network/v2.0/security-groups")) {
                send(exchange, 200, "{\"security_groups\":[]}");
            } else {
                send(exchange, 404, "{\"itemNotFound\":{\"code\":404,\"message\":\"" + path + " not found\"}}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"computeFault\":{\"code\":500,\"message\":\"" + e + "\"}}");
        }
    }

    private String token() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder catalog = new StringBuilder();
        String[][] services = {{"compute", "/compute/v2.1"}, {"image", "/image"}, {"network", "/network"},
            {"volumev3", "/volume/v3/project-1"}};
        for (String[] service : services) {
            catalog.append(catalog.length() == 0 ? "" : ",").append("{\"type\":\"").append(service[0])
                    .append("\",\"name\":\"").append(service[0]).append("\",\"id\":\"svc-").append(service[0])
                    .append("\",\"endpoints\":[{\"id\":\"ep-").append(service[0])
                    .append("\",\"interface\":\"public\",\"region\":\"RegionOne\",\"region_id\":\"RegionOne\",")
                    .append("\"url\":\"").append(base()).append(service[1]).append("\"}]}");
        }
        return "{\"token\":{\"methods\":[\"password\"],\"expires_at\":\"" + now.plus(1, ChronoUnit.HOURS)
                + "\",\"issued_at\":\"" + now + "\",\"audit_ids\":[\"a\"],"
                + "\"user\":{\"id\":\"user-1\",\"name\":\"admin\",\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},"
                + "\"project\":{\"id\":\"project-1\",\"name\":\"admin\",\"domain\":{\"id\":\"default\",\"name\":\"Default\"}},"
                + "\"roles\":[{\"id\":\"r1\",\"name\":\"admin\"}],\"catalog\":[" + catalog + "]}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
