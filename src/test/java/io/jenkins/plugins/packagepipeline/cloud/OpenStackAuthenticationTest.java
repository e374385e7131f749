package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstack4j.api.OSClient.OSClientV3;

/** Keystone v3 authentication against the real test OpenStack: both methods, token sharing, TLS, secrets. */
@Tag("openstack")
class OpenStackAuthenticationTest {
    private final CloudConnection admin = TestOpenStack.connection();

    @Test
    void passwordTokenIsSharedByPerThreadClients() throws Exception {
        CloudSession session = CloudSession.open(admin, ProgressListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = new java.util.ArrayList<>();
            ConcurrentHashMap<OSClientV3, Boolean> clients = new ConcurrentHashMap<>();
            for (int i = 0; i < 8; i++) {
                counts.add(pool.submit(() -> {
                    OSClientV3 client = session.client();
                    clients.put(client, true);
                    return client.compute().flavors().list().size();
                }));
            }
            for (Future<Integer> count : counts) {
                assertTrue(count.get() >= 2, "m1.tiny and m1.small are seeded");
            }
            assertEquals(8, clients.size(), "a client per call, never one shared across threads");
            assertEquals(1, session.authentications(), "one token for all threads");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokenIsRenewedBeforeExpiry() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        KeystoneAuthenticator keystone = new KeystoneAuthenticator(admin);
        CloudSession session = new CloudSession(admin, keystone::authenticate, clock);
        session.client().compute().flavors().list();
        Instant expiry = session.tokenExpiry();
        session.client();
        assertEquals(1, session.authentications());
        now.set(expiry.minus(CloudSession.REFRESH_MARGIN).plusSeconds(1));
        assertFalse(session.client().compute().flavors().list().isEmpty());
        assertEquals(2, session.authentications(), "renewed within the margin before expiry");
    }

    @Test
    void applicationCredentialAuthenticatesWithoutOpenStack4jSupport() throws Exception {
        CloudSession adminSession = CloudSession.open(admin, ProgressListener.NONE);
        String userId = adminSession.currentToken().getUser().getId();
        String users = admin.identityV3() + "/users/" + userId + "/application_credentials";
        String name = "pp-test-" + Ownership.randomText(6);
        RawOpenStack.Answer created = RawOpenStack.call(adminSession, "POST", users,
                "{\"application_credential\":{\"name\":\"" + name + "\"}}");
        assertEquals(201, created.status(), created.text());
        JsonNode credential = created.json().get("application_credential");
        String id = credential.get("id").asText();
        String secret = credential.get("secret").asText();
        try {
            CloudConnection connection = CloudConnection.of(admin.authUrl().toString(),
                    new CloudCredentials.ApplicationCredential(id, secret), admin.region());
            CloudSession session = CloudSession.open(connection, ProgressListener.NONE);
            assertEquals(adminSession.projectId(), session.projectId(), "scoped like its creator");
            assertTrue(session.client().imagesV2().list().stream().anyMatch(i -> "cirros".equals(i.getName())));
            assertFalse(connection.toString().contains(secret));

            CloudConnection wrong = CloudConnection.of(admin.authUrl().toString(),
                    new CloudCredentials.ApplicationCredential(id, "wrong" + secret.substring(5)), admin.region());
            CloudException e = assertThrows(CloudException.class, () -> CloudSession.open(wrong, ProgressListener.NONE));
            assertEquals(CloudException.Kind.AUTHENTICATION, e.kind());
            assertTrue(e.getMessage().contains("application credential '" + id + "'"), e.getMessage());
            assertFalse(e.getMessage().contains(secret), "secret never in messages");
        } finally {
            RawOpenStack.call(adminSession, "DELETE", users + "/" + id, null);
        }
    }

    @Test
    void wrongPasswordIsRefusedClearlyWithoutTheSecret() {
        CloudCredentials.Password good = (CloudCredentials.Password) admin.credentials();
        String wrongPassword = "not-the-password-" + Ownership.randomText(8);
        CloudConnection wrong = CloudConnection.of(admin.authUrl().toString(), new CloudCredentials.Password(
                good.user(), good.userDomain(), good.project(), good.projectDomain(), wrongPassword), admin.region());
        CloudException e = assertThrows(CloudException.class, () -> CloudSession.open(wrong, ProgressListener.NONE));
        assertEquals(CloudException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("refused user 'admin'") && e.getMessage().contains("HTTP 401"),
                e.getMessage());
        assertFalse(e.getMessage().contains(wrongPassword));
        assertFalse(wrong.toString().contains(wrongPassword));
        assertFalse(String.valueOf(e.getCause()).contains(wrongPassword));
    }

    @Test
    void readTimeoutIsConfigurable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CloudConnection connection = CloudConnection.of("http://127.0.0.1:" + silent.getLocalPort() + "/v3",
                    admin.credentials(), null).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700));
            long start = System.nanoTime();
            CloudException e = assertThrows(CloudException.class,
                    () -> CloudSession.open(connection, ProgressListener.NONE));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(CloudException.Kind.AUTHENTICATION, e.kind());
            assertTrue(e.getMessage().contains("Cannot reach Keystone"), e.getMessage());
            assertTrue(millis < 5000, "gave up after the 700 ms read timeout, not a default 20 s: " + millis);
        }
    }

    @Test
    void tlsIsVerifiedWithCaBundleAndInsecureWarns(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("keystone.p12");
        Path ca = dir.resolve("ca.pem");
        run(dir, "keytool", "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "keystone", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2");
        run(dir, "keytool", "-exportcert", "-rfc", "-alias", "keystone", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", ca.toString());
        try (TlsProxy proxy = new TlsProxy(keystore, admin.authUrl().getPort())) {
            String url = "https://127.0.0.1:" + proxy.port() + "/v3";
            CloudConnection tls = CloudConnection.of(url, admin.credentials(), admin.region());

            CloudException untrusted = assertThrows(CloudException.class,
                    () -> CloudSession.open(tls, ProgressListener.NONE));
            assertTrue(untrusted.getMessage().contains("Cannot reach Keystone at " + url)
                    && untrusted.getMessage().contains("CA bundle"), untrusted.getMessage());

            CloudSession verified = CloudSession.open(tls.withCaBundle(ca), ProgressListener.NONE);
            assertTrue(verified.projectId() != null);
            assertFalse(verified.client().compute().flavors().list().isEmpty(), "OpenStack4j calls work with a CA");

            // OpenStack4j's own requests go through the engine's transport, over TLS, trusting the bundle
            CloudCredentials.Password password = (CloudCredentials.Password) admin.credentials();
            int before = proxy.connections();
            org.openstack4j.api.OSClient.OSClientV3 direct = org.openstack4j.openstack.OSFactory.builderV3()
                    .endpoint(url).withConfig(org.openstack4j.core.transport.Config.newConfig()
                            .withSSLContext(Tls.sslContext(tls.withCaBundle(ca))))
                    .credentials(password.user(), password.password(),
                            org.openstack4j.model.common.Identifier.byName(password.userDomain()))
                    .scopeToProject(org.openstack4j.model.common.Identifier.byName(password.project()),
                            org.openstack4j.model.common.Identifier.byName(password.projectDomain()))
                    .authenticate();
            assertTrue(direct.getToken().getId() != null);
            assertTrue(proxy.connections() > before, "the request went through the TLS endpoint");
            assertThrows(RuntimeException.class, () -> org.openstack4j.openstack.OSFactory.builderV3().endpoint(url)
                    .credentials(password.user(), password.password(),
                            org.openstack4j.model.common.Identifier.byName(password.userDomain()))
                    .authenticate(), "without the CA bundle the certificate is refused");

            TestOpenStack.Lines lines = new TestOpenStack.Lines();
            CloudSession insecure = CloudSession.open(tls.withInsecure(true), lines);
            assertTrue(insecure.projectId() != null);
            assertTrue(lines.all().contains("WARNING: TLS certificate verification is OFF"), lines.all());
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    /** Terminates TLS with a self-signed certificate and forwards the bytes to the real Keystone. */
    private static final class TlsProxy implements AutoCloseable {
        private final SSLServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

        TlsProxy(Path keystore, int keystonePort) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                    java.net.InetAddress.getLoopbackAddress());
            threads.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        connections.incrementAndGet();
                        Socket upstream = new Socket("127.0.0.1", keystonePort);
                        threads.submit(() -> pump(client, upstream));
                        threads.submit(() -> pump(upstream, client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
