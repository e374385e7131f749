package io.jenkins.plugins.packagepipeline.cloud;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a TCP port of a provisioned server accepts connections (e.g. sshd after cloud-init), polling with a
 * short connect timeout, printing a progress line when the state changes (open, refused, timed out...), and giving
 * up after a timeout with a message naming {@code host:port}.
 */
final class PortWaiter {
    static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final Waiter waiter;

    PortWaiter(Waiter waiter) {
        this.waiter = waiter;
    }

    /**
     * Returns once {@code host:port} accepts a connection.
     *
     * @param server the server's name, for messages
     * @throws CloudException {@link CloudException.Kind#TIMEOUT} naming {@code host:port} and its last state;
     *     {@link CloudException.Kind#INVALID_REQUEST} when the server has no address
     */
    void await(String server, String host, int port, Duration timeout) {
        if (host == null || host.isBlank()) {
            throw CloudException.invalidRequest("Server " + server + " has no IP address to wait for TCP port "
                    + port + " on: give it a network or a floating IP pool");
        }
        String where = hostPort(host, port);
        try {
            waiter.until("TCP port " + where + " of " + server, timeout, () -> probe(host, port),
                    state -> state.equals("open") ? Optional.of(state) : Optional.empty(), state -> state);
        } catch (CloudException e) {
            if (e.kind() != CloudException.Kind.TIMEOUT) {
                throw e;
            }
            throw new CloudException(CloudException.Kind.TIMEOUT, e.getMessage() + ". Check that a security group"
                    + " lets port " + port + " in, that " + host + " is reachable from here, and that the service"
                    + " starts on the server (its console log shows its boot)", e);
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String probe(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return "open";
        } catch (IOException e) {
            return "closed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
    }
}
