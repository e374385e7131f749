package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 and a free port, with its own host key and an authorized client key, all in a
 * temporary directory; the client gets a known_hosts file for it. Stopped (its process killed) on close. Also used
 * by the glue's tests of mirroring from {@code publishRepo}.
 */
public final class LoopbackSshd implements AutoCloseable {
    public final int port;
    public final Path clientKey;
    public final Path knownHosts;
    private final Process process;

    public LoopbackSshd(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path hostKey = dir.resolve("host_ed25519");
        clientKey = dir.resolve("client_ed25519");
        keygen(hostKey);
        keygen(clientKey);
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(Path.of(hostKey + ".pub")));
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized, "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes no", "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password", "AllowUsers " + System.getProperty("user.name"), ""));
        Files.createDirectories(Path.of("/run/sshd")); // Debian's sshd needs its privilege separation directory
        process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        ProcessRunner.command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .timeout(Duration.ofMinutes(1)).run().requireSuccess("ssh-keygen");
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
