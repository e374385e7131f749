package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.run.PackageRow;
import io.jenkins.plugins.packagepipeline.jenkins.run.PublishOutcome;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which builds a publish imports into DLRN, against an HTTP server on 127.0.0.1 answering as DLRN's
 * {@code POST /api/remote/import} does (basic authentication, JSON body, 201 or 401). No DLRN can run here.
 */
class DlrnImportTest {

    private static final String PASSWORD = "dlrn-api-s3cret";

    private HttpServer server;
    private final List<String> imported = new ArrayList<>();

    @BeforeEach
    void startDlrnApi() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api-centos9-master/api/remote/import", exchange -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString(("jenkins:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer;
            int status;
            if (!"POST".equals(exchange.getRequestMethod())
                    || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"message\": \"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                String url = body.replaceAll(".*\"repo_url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                imported.add(url);
                status = 201;
                answer = ("{\"repo_url\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopDlrnApi() {
        server.stop(0);
    }

    private URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api-centos9-master");
    }

    private static PackageRow row(String name, boolean published, boolean fresh, String url) {
        return new PackageRow(name, published ? "SUCCESS" : "FAILED", "3f7a9c1e5b2d4f6a8c0e", "x-1-1", url,
                published, fresh, null);
    }

    @Test
    void onlyBuildsThisPublishMadeAreImported() throws Exception {
        PublishOutcome outcome = new PublishOutcome("trunk", List.of(
                row("new", true, true, "https://trunk.example.org/3f/7a/new/"),
                row("old", true, false, "https://trunk.example.org/3f/7a/old/"),
                row("failed", false, false, "https://trunk.example.org/3f/7a/failed/")),
                "https://trunk.example.org/current/", "https://trunk.example.org/status_report.html", false);
        List<String> progress = new ArrayList<>();
        try (DlrnApiClient client = new DlrnApiClient(api(), "jenkins", PASSWORD.toCharArray(),
                Duration.ofSeconds(10))) {
            assertEquals(List.of("https://trunk.example.org/3f/7a/new/"),
                    DlrnImport.importFresh(outcome, client, progress::add));
        }
        assertEquals(List.of("https://trunk.example.org/3f/7a/new/"), imported);
        assertEquals(List.of("imported new 3f7a9c1e5b into DLRN"), progress);
    }

    @Test
    void refusedCredentialsAreReportedWithoutThePassword() {
        PublishOutcome outcome = new PublishOutcome("trunk", List.of(row("new", true, true,
                "https://trunk.example.org/3f/7a/new/")), null, null, true);
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> {
            try (DlrnApiClient client = new DlrnApiClient(api(), "jenkins", "wrong".toCharArray(),
                    Duration.ofSeconds(10))) {
                DlrnImport.importFresh(outcome, client, line -> { });
            }
        });
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), e.getMessage());
        assertEquals(List.of(), imported);
    }

    @Test
    void freshBuildsNotServedOverHttpNeedThePublicBaseUrl() {
        PublishOutcome outcome = new PublishOutcome("trunk", List.of(row("new", true, true, "file:/srv/repos/new/")),
                null, null, true);
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> {
            try (DlrnApiClient client = new DlrnApiClient(api(), "jenkins", PASSWORD.toCharArray(),
                    Duration.ofSeconds(10))) {
                DlrnImport.importFresh(outcome, client, line -> { });
            }
        });
        assertTrue(e.getMessage().contains("public base URL"), e.getMessage());
    }
}
