package io.jenkins.plugins.packagepipeline.repo.mirror;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secondary a repository is mirrored to over rsync and SSH.
 *
 * @param user the SSH user on the secondary
 * @param host the secondary's host name or address
 * @param port its SSH port
 * @param remotePath the absolute directory on the secondary that mirrors the repos directory
 * @param identityFile the key to log in with: a private key file, or the public half of the key {@code agentSocket}'s
 *     agent holds; null for the user's SSH agent and default keys
 * @param knownHostsFile the known_hosts file holding the secondary's host key, or null for the default; the host key
 *     is always checked
 * @param agentSocket the socket of the ssh-agent holding the key ({@code SSH_AUTH_SOCK} of rsync and ssh), or null
 *     for the environment's own
 */
public record MirrorTarget(String user, String host, int port, String remotePath, Path identityFile,
        Path knownHostsFile, Path agentSocket) {

    private static final Pattern SPEC = Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.:\\[\\]_-]+):(/.*)");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/+-]*");

    public MirrorTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(remotePath, "remotePath");
        if (!SAFE_PATH.matcher(remotePath).matches() || remotePath.contains("..")) {
            throw new PackagePipelineException("Mirror path '" + remotePath + "' must be an absolute path of letters,"
                    + " digits and ._/+- only (no '..').");
        }
        if (port < 1 || port > 65535) {
            throw new PackagePipelineException("Mirror SSH port " + port + " is not a port number (1-65535).");
        }
        remotePath = remotePath.endsWith("/") && remotePath.length() > 1
                ? remotePath.substring(0, remotePath.length() - 1) : remotePath;
    }

    /** A target reached with a key file (or the environment's agent and default keys). */
    public MirrorTarget(String user, String host, int port, String remotePath, Path identityFile,
            Path knownHostsFile) {
        this(user, host, port, remotePath, identityFile, knownHostsFile, null);
    }

    /** This target reached with the key {@code agent} holds, and that key only. */
    public MirrorTarget withAgent(SshAgent agent) {
        if (agent.publicKey() == null) {
            throw new IllegalStateException(agent + " holds no key yet");
        }
        return new MirrorTarget(user, host, port, remotePath, agent.publicKey(), knownHostsFile, agent.socket());
    }

    /** Parses {@code [user@]host:/absolute/path}, rsync's own notation. */
    public static MirrorTarget parse(String spec, int port, Path identityFile, Path knownHostsFile) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new PackagePipelineException("Mirror '" + spec + "' is not of the form [user@]host:/absolute/path.");
        }
        return new MirrorTarget(m.group(1), m.group(2), port, m.group(3), identityFile, knownHostsFile);
    }

    /** {@code [user@]host}, as ssh and rsync take it. */
    String login() {
        return user == null ? host : user + "@" + host;
    }

    @Override
    public String toString() {
        return login() + ":" + remotePath + " (port " + port + ")";
    }
}
