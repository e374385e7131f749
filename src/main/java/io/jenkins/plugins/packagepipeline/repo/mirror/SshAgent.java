package io.jenkins.plugins.packagepipeline.repo.mirror;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private ssh-agent holding one SSH private key for the length of a mirror, so that the key never lies in a file:
 * the agent listens on a socket in a directory made for it that only the owner may enter ({@code ssh-agent -a}),
 * the key reaches it through the standard input of {@code ssh-add -} (never an argument or a file), and rsync and
 * ssh reach it through {@code SSH_AUTH_SOCK} ({@link MirrorTarget#withAgent(SshAgent)}), offering exactly that key
 * (its public half, not secret, is the identity file, with {@code IdentitiesOnly}). {@link #close()} stops the agent
 * ({@code ssh-agent -k}) and removes the directory, whatever happened before.
 *
 * <p>A JVM killed without closing it (kill -9) leaves no agent for long: the agent runs as the child of a process
 * that reads the JVM's pipe ({@code cat}) and ends with it, and ssh-agent exits within 10 seconds of its parent's
 * end, removing its socket; the key expires anyway after the lifetime given ({@code ssh-agent -t}).
 *
 * <p>A key protected by a passphrase is refused with a message naming it, at once: ssh-add is given an askpass
 * program that answers nothing ({@code SSH_ASKPASS=false}, {@code SSH_ASKPASS_REQUIRE=force}), so it never waits
 * on a terminal.
 */
public final class SshAgent implements AutoCloseable {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PID_LINE = "ssh-agent-pid ";

    private final Path directory;
    private final Path socket;
    private final Process holder;
    private final long pid;
    private Path publicKey;
    private boolean closed;

    private SshAgent(Path directory, Path socket, Process holder, long pid) {
        this.directory = directory;
        this.socket = socket;
        this.holder = holder;
        this.pid = pid;
    }

    /**
     * Starts an agent with no key yet, its socket in a new owner-only directory under {@code parent}.
     *
     * @param lifetime how long a key added stays in it at most ({@code -t}): longer than the work it is for
     * @throws PackagePipelineException when ssh-agent is missing or cannot listen (its last line said)
     */
    public static SshAgent start(Path parent, Duration lifetime) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(parent, "ssh-agent-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = directory.resolve("agent.sock");
        ProcessBuilder builder = new ProcessBuilder("ssh-agent", "-a", socket.toString(),
                "-t", String.valueOf(Math.max(1, lifetime.toSeconds())),
                "sh", "-c", "echo \"" + PID_LINE + "$SSH_AGENT_PID\"; exec cat").redirectErrorStream(true);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().remove("SSH_AGENT_PID");
        Process holder;
        try {
            holder = builder.start();
        } catch (IOException e) {
            FileTrees.delete(directory);
            throw new PackagePipelineException("Cannot run 'ssh-agent': " + e.getMessage() + ". Is the OpenSSH client"
                    + " installed and on the PATH?", e);
        }
        List<String> lines = new ArrayList<>();
        Optional<Long> pid = Optional.empty();
        try {
            pid = CompletableFuture.supplyAsync(() -> readPid(holder, lines))
                    .get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // no pid: reported below
        } finally {
            if (pid.isEmpty()) {
                holder.descendants().forEach(ProcessHandle::destroyForcibly);
                holder.destroyForcibly();
                holder.waitFor(10, TimeUnit.SECONDS);
                FileTrees.delete(directory);
            }
        }
        if (pid.isEmpty()) {
            String said;
            synchronized (lines) {
                said = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                        .orElse("no answer within " + STEP_TIMEOUT.toSeconds() + " s");
            }
            throw new PackagePipelineException("ssh-agent could not start with its socket at " + socket + ": " + said
                    + ". The socket path must be short (at most 107 bytes) in a writable temporary directory.");
        }
        return new SshAgent(directory, socket, holder, pid.get());
    }

    private static Optional<Long> readPid(Process holder, List<String> lines) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PID_LINE)) {
                    return Optional.of(Long.parseLong(line.substring(PID_LINE.length()).strip()));
                }
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no pid
        }
        return Optional.empty();
    }

    /**
     * Gives the agent a private key through ssh-add's standard input, and keeps its public half (not secret) as the
     * identity file ssh offers.
     *
     * @param privateKey the private key in OpenSSH or PEM format, without passphrase
     * @param keyName what the key is called in messages, e.g. {@code of repo target 'trunk' (credentials 'k')}
     * @throws PackagePipelineException naming {@code keyName} (never the key) when the key has a passphrase or is
     *     not a private key
     */
    public void add(String privateKey, String keyName) throws IOException, InterruptedException {
        byte[] key = (privateKey.endsWith("\n") ? privateKey : privateKey + "\n").getBytes(StandardCharsets.UTF_8);
        ProcessResult added;
        try {
            added = agentCommand("ssh-add", "-").stdin(key)
                    .env("SSH_ASKPASS", "false").env("SSH_ASKPASS_REQUIRE", "force").env("DISPLAY", "none").run();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (!added.succeeded()) {
            List<String> said = added.tail().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (added.timedOut()) {
                throw new PackagePipelineException("ssh-add did not take the SSH key " + keyName + " within "
                        + STEP_TIMEOUT.toSeconds() + " s.");
            }
            if (said.isEmpty()) {
                throw new PackagePipelineException("The SSH key " + keyName + " is protected by a passphrase, which"
                        + " the mirror cannot type: store a key without passphrase there (remove it from a copy"
                        + " with ssh-keygen -p -N '' -f COPY).");
            }
            if (said.get(0).startsWith("Error loading key")) {
                throw new PackagePipelineException("The SSH key " + keyName + " is not a private key ssh-add can"
                        + " read (" + said.get(0) + "): store the private key file itself, in OpenSSH or PEM format.");
            }
            throw new PackagePipelineException("ssh-agent did not take the SSH key " + keyName + ": "
                    + said.get(said.size() - 1) + ".");
        }
        List<String> publicKeys = agentCommand("ssh-add", "-L").run().requireSuccess("ssh-add -L").tail().stream()
                .filter(l -> !l.isBlank()).toList();
        if (publicKeys.isEmpty()) {
            throw new PackagePipelineException("ssh-agent holds no key after ssh-add took the SSH key " + keyName
                    + ".");
        }
        Path file = directory.resolve("identity.pub");
        Files.deleteIfExists(file);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), publicKeys.get(publicKeys.size() - 1) + "\n");
        publicKey = file;
    }

    private ProcessRunner agentCommand(String... command) {
        return ProcessRunner.command(command).env("SSH_AUTH_SOCK", socket.toString()).unsetEnv("SSH_AGENT_PID")
                .timeout(STEP_TIMEOUT);
    }

    /** The agent's socket, for {@code SSH_AUTH_SOCK}. */
    public Path socket() {
        return socket;
    }

    /** The public half of the key added, the identity ssh offers; null before {@link #add(String, String)}. */
    public Path publicKey() {
        return publicKey;
    }

    /** The agent's process id ({@code SSH_AGENT_PID}). */
    public long pid() {
        return pid;
    }

    /**
     * Stops the agent ({@code ssh-agent -k}; killed outright if it is still there after that) and its parent, and
     * removes the directory with the socket; safe to call again. An interrupt (a Jenkins abort) does not cut it
     * short: it is noted and set again at the end.
     *
     * @throws IOException when the agent process is still alive at the end, or the directory cannot be removed
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = Thread.interrupted();
        try {
            try {
                agentCommand("ssh-agent", "-k").env("SSH_AGENT_PID", String.valueOf(pid)).run();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (IOException | PackagePipelineException e) {
                // stopped below
            }
            // cat, the agent's parent, reads the end of its input and exits; the agent's exit is reaped with it
            holder.getOutputStream().close();
            holder.getInputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
            if (!waitGone(Duration.ofSeconds(10))) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                if (!waitGone(Duration.ofSeconds(10))) {
                    throw new IOException("ssh-agent (pid " + pid + ") did not stop; kill it: kill -9 " + pid + ".");
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            try {
                FileTrees.delete(directory);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Waits until the agent no longer runs (a zombie, whose memory is already freed, counts as gone). */
    private boolean waitGone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Whether a process runs: it exists and is not a zombie. A zombie waits only for its parent to collect its exit
     * status, which a JVM that is the container's process 1 never does for processes not its own.
     */
    static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            String line = Files.readString(stat);
            String state = line.substring(line.lastIndexOf(')') + 1).strip();
            return !(state.startsWith("Z") || state.startsWith("X"));
        } catch (IOException | IndexOutOfBoundsException e) {
            return !Files.exists(Path.of("/proc/self/stat"))
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    @Override
    public String toString() {
        return "ssh-agent " + pid + " at " + socket;
    }
}
