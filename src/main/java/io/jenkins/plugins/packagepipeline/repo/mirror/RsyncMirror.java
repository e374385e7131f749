package io.jenkins.plugins.packagepipeline.repo.mirror;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.PublishLock;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors the repos directory to a secondary over rsync and SSH, in the order that keeps the secondary serving
 * complete repositories at every instant: (1) new snapshots, reports and key, hard links preserved, without deleting
 * anything; (2) the {@code current} and {@code consistent} pointers, each sent under a temporary name and renamed
 * into place on the secondary (one rename(2) each); (3) a deleting pass that removes what a purge removed here.
 * Holds the publish lock meanwhile, so no snapshot is half-made while it is sent.
 */
public final class RsyncMirror {
    private static final List<String> POINTERS = List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT);

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

    /** Pushes the repos directory to the secondary. */
    public MirrorResult push() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path repos = config.reposDir();
        try (PublishLock lock = PublishLock.acquire(repos, config.toolTimeout())) {
            RepoPointers pointers = new RepoPointers(repos);
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
                List<String> ssh = new ArrayList<>(sshCommand());
                ssh.add(target.login());
                ssh.add(renames.toString());
                run("Switching pointers on " + target, ssh);
            }
            rsync("Removing purged files from " + target, true);
            return new MirrorResult(moved, Duration.ofNanos(System.nanoTime() - started));
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
        return ssh;
    }

    private String remote(String path) {
        return target.login() + ":" + path;
    }

    private void run(String what, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        ProcessResult result = ProcessRunner.command(command).timeout(config.toolTimeout()).log(logFile).run();
        if (!result.succeeded()) {
            throw new PackagePipelineException(result.failureMessage(what)
                    + "\nThe secondary keeps serving what it had: its pointers only move after the snapshots they"
                    + " name have arrived. Check that " + target + " is reachable with this key and known host.");
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
