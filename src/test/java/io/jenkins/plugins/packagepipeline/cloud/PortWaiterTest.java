package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a provisioned server's TCP port, against real sockets on 127.0.0.1 (never a test VM's private-range
 * address, which nothing here can reach): open at once, closed until the timeout, opened late.
 */
class PortWaiterTest {
    private static final String LOOPBACK = "127.0.0.1";

    private final TestOpenStack.Lines lines = new TestOpenStack.Lines();
    private final PortWaiter ports = new PortWaiter(new Waiter(lines, Duration.ofMillis(100)));

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        return socket;
    }

    /** A port nothing listens on: bound once to get it from the system, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = listen(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anOpenPortIsReadyAtOnce() throws Exception {
        try (ServerSocket socket = listen(0)) {
            long start = System.nanoTime();
            ports.await("pp-open", LOOPBACK, socket.getLocalPort(), Duration.ofSeconds(10));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000, "no polling needed");
            assertTrue(lines.all().startsWith("TCP port 127.0.0.1:" + socket.getLocalPort() + " of pp-open: open"
                    + " after 0 s"), lines.all());
        }
    }

    @Test
    void aClosedPortTimesOutWithAMessageNamingHostAndPort() throws Exception {
        int port = closedPort();
        CloudException e = assertThrows(CloudException.class,
                () -> ports.await("pp-closed", LOOPBACK, port, Duration.ofMillis(600)));
        assertEquals(CloudException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().startsWith("Gave up waiting for TCP port 127.0.0.1:" + port + " of pp-closed after"),
                e.getMessage());
        assertTrue(e.getMessage().contains("last state: closed (Connection refused)"), e.getMessage());
        assertTrue(e.getMessage().contains("Check that a security group lets port " + port + " in"), e.getMessage());
    }

    @Test
    void aPortOpeningLateIsWaitedFor() throws Exception {
        int port = closedPort();
        CompletableFuture<ServerSocket> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(700);
                return listen(port);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            ports.await("pp-late", LOOPBACK, port, Duration.ofSeconds(20));
            assertTrue(lines.all().contains("TCP port 127.0.0.1:" + port + " of pp-late: closed (Connection refused)"),
                    lines.all());
            assertTrue(lines.lines.get(lines.lines.size() - 1).startsWith("TCP port 127.0.0.1:" + port
                    + " of pp-late: open after "), lines.all());
        } finally {
            late.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aServerWithoutAddressIsAClearErrorAndIpv6IsBracketed() {
        CloudException e = assertThrows(CloudException.class,
                () -> ports.await("pp-none", null, 22, Duration.ofSeconds(1)));
        assertEquals(CloudException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().startsWith("Server pp-none has no IP address to wait for TCP port 22 on"),
                e.getMessage());
        assertEquals("[fd00::5]:22", PortWaiter.hostPort("fd00::5", 22));
        assertEquals("127.0.0.1:22", PortWaiter.hostPort(LOOPBACK, 22));
    }
}
