package io.jenkins.plugins.packagepipeline.cloud;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.ExecutionOptions;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpExecutorService;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.core.transport.internal.HttpExecutor;

/**
 * OpenStack4j's transport: requests that need the engine's TLS settings (a CA bundle or, explicitly, no
 * verification) go through the JDK's {@code java.net.http} client, because the okhttp connector of OpenStack4j 3.12
 * cannot take a custom SSL context on Java 9 and later; all other requests go through that okhttp connector as
 * before (one connection per request, nothing kept idle). Registered as a service, and made the active executor by
 * {@link #install()} whatever the class path order. Tokens are renewed by {@link CloudSession}, never here.
 */
public final class JdkHttpExecutor implements HttpExecutorService {
    static final String NAME = "Package Pipeline java.net.http connector";
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Map<Config, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    /**
     * Makes this the executor OpenStack4j uses. Its service loader takes whichever connector its class loader lists
     * first, and the okhttp connector's jar registers itself too, in an order neither the plugin's class loader nor
     * the command line's shaded jar promises; OpenStack4j 3.12 offers no setter, so its private field
     * {@code HttpExecutor.service} is set. {@code JdkHttpExecutorTest} fails on an upgrade that changes it.
     */
    static synchronized void install() {
        HttpExecutor executor = HttpExecutor.create();
        if (NAME.equals(executor.getExecutorName())) {
            return;
        }
        try {
            java.lang.reflect.Field service = HttpExecutor.class.getDeclaredField("service");
            service.setAccessible(true);
            service.set(executor, new JdkHttpExecutor());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot install the java.net.http connector into OpenStack4j: its"
                    + " private field HttpExecutor.service (OpenStack4j 3.12) is gone or changed", e);
        }
    }

    private static final HttpExecutorService OKHTTP = new org.openstack4j.connectors.okhttp.HttpExecutorServiceImpl();

    @Override
    public <R> HttpResponse execute(HttpRequest<R> request) {
        Config config = request.getConfig();
        if (config.getSslContext() == null && !config.isIgnoreSSLVerification()) {
            return OKHTTP.execute(request);
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.getUrl()));
        if (config.getReadTimeout() > 0) {
            builder.timeout(Duration.ofMillis(config.getReadTimeout()));
        }
        if (request.hasHeaders()) {
            for (Map.Entry<String, Object> header : request.getHeaders().entrySet()) {
                if (header.getValue() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    builder.header(header.getKey(), String.valueOf(header.getValue()));
                }
            }
        }
        try {
            BodyPublisher body = body(request);
            if (body != null && request.getContentType() != null) {
                builder.setHeader(ClientConstants.HEADER_CONTENT_TYPE, request.getContentType());
            }
            builder.method(request.getMethod().name(), body != null ? body : BodyPublishers.noBody());
            java.net.http.HttpResponse<byte[]> response = client(config).send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (IOException e) {
            throw new ConnectionException(e.getMessage() == null ? e.toString() : e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted", 0, new InterruptedIOException(request.getUrl()));
        }
    }

    @Override
    public String getExecutorDisplayName() {
        return NAME;
    }

    private static BodyPublisher body(HttpRequest<?> request) throws IOException {
        Object entity = request.getEntity();
        if (entity instanceof InputStream stream) {
            return BodyPublishers.ofByteArray(stream.readAllBytes());
        }
        if (entity != null) {
            return BodyPublishers.ofString(ObjectMapperSingleton.getContext(entity.getClass()).writer()
                    .writeValueAsString(entity));
        }
        if (request.hasJson()) {
            return BodyPublishers.ofString(request.getJson());
        }
        String method = request.getMethod().name();
        return method.equals("POST") || method.equals("PUT") ? BodyPublishers.ofByteArray(new byte[0]) : null;
    }

    private static HttpClient client(Config config) {
        return CLIENTS.computeIfAbsent(config, c -> {
            HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL);
            if (c.getConnectTimeout() > 0) {
                builder.connectTimeout(Duration.ofMillis(c.getConnectTimeout()));
            }
            if (c.getSslContext() != null) {
                builder.sslContext(c.getSslContext());
            }
            if (c.isIgnoreSSLVerification()) {
                SSLParameters parameters = new SSLParameters();
                parameters.setEndpointIdentificationAlgorithm(null);
                builder.sslParameters(parameters);
            }
            return builder.build();
        });
    }

    /** A complete answer (body read into memory). */
    private static final class Response implements HttpResponse {
        private final java.net.http.HttpResponse<byte[]> response;

        Response(java.net.http.HttpResponse<byte[]> response) {
            this.response = response;
        }

        @Override
        public <T> T getEntity(Class<T> returnType) {
            return getEntity(returnType, null);
        }

        @Override
        public <T> T getEntity(Class<T> returnType, ExecutionOptions<T> options) {
            return HttpEntityHandler.handle(this, returnType, options, Boolean.TRUE);
        }

        @Override
        public <T> T readEntity(Class<T> typeToReadAs) {
            try {
                return ObjectMapperSingleton.getContext(typeToReadAs).readerFor(typeToReadAs)
                        .readValue(response.body());
            } catch (IOException e) {
                throw new ClientResponseException(e.getMessage(), 0, e);
            }
        }

        @Override
        public int getStatus() {
            return response.statusCode();
        }

        @Override
        public String getContentType() {
            return header(ClientConstants.HEADER_CONTENT_TYPE);
        }

        @Override
        public String getStatusMessage() {
            return String.valueOf(response.statusCode());
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(response.body());
        }

        @Override
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    headers.put(entry.getKey(), entry.getValue().get(0));
                }
            }
            return headers;
        }

        @Override
        public void close() {
            // the body is in memory
        }
    }
}
