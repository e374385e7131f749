package io.jenkins.plugins.packagepipeline.repo.mirror;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.PublishLock;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import io.jenkins.plugins.packagepipeline.repo.SnapshotManifest;
import io.jenkins.plugins.packagepipeline.repo.SupersededSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Mirrors the repos directory to a secondary over rsync and SSH, in the order that keeps the secondary serving
 * complete repositories at every instant: (0) when a secondary pointer names a snapshot that is no longer the same
 * here (its build was rechecked), that pointer is first moved, on the secondary, to a hard-linked copy of it, as
 * {@link SupersededSnapshots} does here; (1) new snapshots, reports and key, hard links preserved, without deleting
 * anything; (2) the {@code current} and {@code consistent} pointers, each sent under a temporary name and renamed
 * into place on the secondary (one rename(2) each); (3) a deleting pass that removes what a purge removed here and
 * the secondary's copies of step 0. Holds the publish lock meanwhile, so no snapshot is half-made while it is sent.
 */
public final class RsyncMirror {
    private static final List<String> POINTERS = List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT);
    /** A pointer target read from the secondary, used in its shell commands: a relative path of plain names. */
    private static final Pattern SAFE_TARGET =
            Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private final RepoConfig config;
    private final MirrorTarget target;
    private final Path logFile;

    public RsyncMirror(RepoConfig config, MirrorTarget target) {
        this.config = config;
        this.target = target;
        this.logFile = config.dataDir().resolve("logs").resolve("mirror.log");
    }

    /**
     * What a push did.
     *
     * @param pointers the pointers moved on the secondary, with their targets
     * @param elapsed how long the three steps took
     */
    public record MirrorResult(List<String> pointers, Duration elapsed) {
        public String summary() {
            return String.format("Mirrored to the secondary in %.2f s; pointers %s", elapsed.toNanos() / 1e9,
                    pointers);
        }
    }

    /**
     * The longest a {@link #push()} may take: its wait for the publish lock and its at most 8 tool runs (reading the
     * secondary's pointers, moving at most two of them off rechecked snapshots, sending the snapshots, at most two
     * pointers, switching them, removing purged files), each bounded by the tool timeout. What a key handed to an
     * {@link SshAgent} for a push needs to live.
     */
    public static Duration longestPush(RepoConfig config) {
        return config.toolTimeout().multipliedBy(9);
    }

    /** Pushes the repos directory to the secondary. */
    public MirrorResult push() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path repos = config.reposDir();
        try (PublishLock lock = PublishLock.acquire(repos, config.toolTimeout())) {
            RepoPointers pointers = new RepoPointers(repos);
            protectChangedSnapshots(repos);
            rsync("Sending new snapshots to " + target, false);
            List<String> moved = new ArrayList<>();
            StringBuilder renames = new StringBuilder();
            for (String pointer : POINTERS) {
                if (pointers.target(pointer).isEmpty()) {
                    continue;
                }
                String temp = "." + pointer + ".mirror-new";
                run("Sending pointer " + pointer + " to " + target, rsyncCommand(List.of("-l",
                        repos.resolve(pointer).toString(), remote(target.remotePath() + "/" + temp))));
                renames.append(renames.length() == 0 ? "" : " && ").append("mv -T ")
                        .append(quote(target.remotePath() + "/" + temp)).append(' ')
                        .append(quote(target.remotePath() + "/" + pointer));
                moved.add(pointer + " -> " + pointers.target(pointer).orElseThrow());
            }
            if (renames.length() > 0) {
                run("Switching pointers on " + target, ssh(renames.toString()));
            }
            rsync("Removing purged files from " + target, true);
            return new MirrorResult(moved, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Step 0: a recheck replaces a build's directory in place, so step 1 would change a directory the secondary's
     * pointers may still name. Each secondary pointer whose snapshot differs from the one of the same name here (its
     * {@code snapshot.json} differs or is gone) is moved, on the secondary, to a hard-linked copy
     * {@code superseded/<name>.mirror-<epoch-ms>} (its {@code .repo} file rewritten), made under a temporary name and
     * renamed into place; step 2 moves the pointer on and step 3 deletes the copy.
     */
    private void protectChangedSnapshots(Path repos) throws IOException, InterruptedException {
        ProcessResult listing = run("Reading the pointers of " + target, ssh("cd " + quote(target.remotePath())
                + " && for p in " + String.join(" ", POINTERS) + "; do if [ -L \"$p\" ]; then t=$(readlink \"$p\");"
                + " echo \"pointer $p $t $(sha256sum < \"$t/" + SnapshotManifest.FILE_NAME
                + "\" 2>/dev/null | cut -c1-64)\"; fi; done"));
        Map<String, List<String>> changed = new TreeMap<>();
        for (String line : listing.tail()) {
            String[] fields = line.strip().split(" ");
            if (fields.length != 4 || !fields[0].equals("pointer") || !SAFE_TARGET.matcher(fields[2]).matches()
                    || fields[2].startsWith(SupersededSnapshots.DIR + "/")) {
                continue; // no manifest there, or a copy, which never changes
            }
            Path manifest = repos.resolve(fields[2]).resolve(SnapshotManifest.FILE_NAME);
            if (!Files.isRegularFile(manifest) || !sha256(manifest).equals(fields[3])) {
                changed.computeIfAbsent(fields[2], t -> new ArrayList<>()).add(fields[1]);
            }
        }
        for (Map.Entry<String, List<String>> e : changed.entrySet()) {
            String snapshot = e.getKey();
            String copy = SupersededSnapshots.DIR + "/" + Path.of(snapshot).getFileName() + ".mirror-"
                    + System.currentTimeMillis();
            String temp = SupersededSnapshots.DIR + "/." + Path.of(copy).getFileName() + ".tmp";
            StringBuilder script = new StringBuilder("cd ").append(quote(target.remotePath()))
                    .append(" && mkdir -p ").append(SupersededSnapshots.DIR)
                    .append(" && rm -rf ").append(quote(temp))
                    .append(" && cp -al ").append(quote(snapshot)).append(' ').append(quote(temp))
                    .append(" && for f in ").append(quote(temp)).append("/*.repo; do if [ -f \"$f\" ]; then sed -i")
                    .append(" -e ").append(quote("s#" + snapshot + "/#" + copy + "/#g"))
                    .append(" -e ").append(quote("s#" + snapshot + ",#" + copy + ",#g")).append(" \"$f\"; fi; done")
                    .append(" && sync && mv -T ").append(quote(temp)).append(' ').append(quote(copy));
            for (String pointer : e.getValue()) {
                String link = "." + pointer + ".mirror-new";
                script.append(" && ln -sfn ").append(quote(copy)).append(' ').append(quote(link))
                        .append(" && mv -T ").append(quote(link)).append(' ').append(quote(pointer));
            }
            run("Moving the pointers " + e.getValue() + " of " + target + " off the rechecked " + snapshot,
                    ssh(script.append(" && sync").toString()));
        }
    }

    private List<String> ssh(String script) {
        List<String> ssh = new ArrayList<>(sshCommand());
        ssh.add(target.login());
        ssh.add(script);
        return ssh;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rsync(String what, boolean delete) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-aH", "--exclude=/" + PublishLock.FILE_NAME,
                "--exclude=.*.tmp", "--exclude=/.*.mirror-new"));
        for (String pointer : POINTERS) {
            args.add("--exclude=/" + pointer);
        }
        if (delete) {
            args.add("--delete");
        }
        args.add(config.reposDir() + "/");
        args.add(remote(target.remotePath() + "/"));
        run(what, rsyncCommand(args));
    }

    private List<String> rsyncCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of("rsync", "--timeout=" + config.toolTimeout().toSeconds(),
                "-e", String.join(" ", sshCommand().stream().map(RsyncMirror::quote).toList())));
        command.addAll(args);
        return command;
    }

    private List<String> sshCommand() {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-p", String.valueOf(target.port()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=30"));
        if (target.identityFile() != null) {
            ssh.addAll(List.of("-i", target.identityFile().toString(), "-o", "IdentitiesOnly=yes"));
        }
        if (target.knownHostsFile() != null) {
            ssh.addAll(List.of("-o", "UserKnownHostsFile=" + target.knownHostsFile()));
        }
        if (target.agentSocket() != null) {
            ssh.addAll(List.of("-o", "IdentityAgent=SSH_AUTH_SOCK")); // the socket of run()'s environment
        }
        return ssh;
    }

    private String remote(String path) {
        return target.login() + ":" + path;
    }

    private ProcessResult run(String what, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        ProcessRunner runner = ProcessRunner.command(command).timeout(config.toolTimeout()).log(logFile);
        if (target.agentSocket() != null) {
            runner.env("SSH_AUTH_SOCK", target.agentSocket().toString());
        }
        ProcessResult result = runner.run();
        if (!result.succeeded()) {
            String cause = result.timedOut() ? "timed out after " + result.timeout().toSeconds() + " s"
                    : result.tail().stream().map(String::strip).filter(l -> !l.isEmpty())
                            .reduce((first, last) -> last).orElse("exit code " + result.exitCode());
            throw new PackagePipelineException(what + " failed: " + cause + ". The secondary keeps serving what it"
                    + " had: its pointers only move after the snapshots they name have arrived. Check that " + target
                    + " is reachable with this key and known host (full log: " + logFile + ").");
        }
        return result;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
