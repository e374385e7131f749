package io.jenkins.plugins.packagepipeline.repo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Serves a directory over HTTP on 127.0.0.1 and an ephemeral port, as a plain web server serves the repos directory:
 * files (following symbolic links such as {@code current}), a bare listing for directories, 404 otherwise.
 */
public final class StaticHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;

    public StaticHttpServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The URL of the served root, ending with '/'. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.exists(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            String type = "application/octet-stream";
            if (Files.isDirectory(file)) {
                StringBuilder listing = new StringBuilder("<html><body>\n");
                try (Stream<Path> files = Files.list(file)) {
                    files.map(p -> p.getFileName().toString()).sorted()
                            .forEach(n -> listing.append("<a href=\"").append(n).append("\">").append(n)
                                    .append("</a><br>\n"));
                }
                body = listing.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
                type = "text/html";
            } else {
                body = Files.readAllBytes(file);
                if (file.toString().endsWith(".html")) {
                    type = "text/html; charset=utf-8";
                } else if (file.toString().endsWith(".xml") || file.toString().endsWith(".asc")) {
                    type = "text/plain";
                }
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
