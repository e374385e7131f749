package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-loss durability, checked at the system-call level: the publisher (the command line in its own JVM) and the
 * preservation of a served snapshot before a recheck run under {@code strace}, and the trace must show, in the
 * thread that did it, (1) the new files of a snapshot (metadata, signature, {@code .repo} file, the RPMs rpmsign
 * rewrote) and its directories flushed (fsync) before the manifest that marks it complete is renamed into place, and
 * (2) after each rename that switches a pointer or completes a
 * snapshot or a preserved copy, an fsync of the directory that rename changed. Removing any of those fsync calls
 * makes this test fail; it cannot show that the disk honours them (no power is cut here).
 */
class PublishDurabilityTest {
    private static final Pattern CALL = Pattern.compile(
            "^(\\d+)\\s+(rename|renameat|renameat2|fsync)\\((.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FD_PATH = Pattern.compile("^\\d+<([^>]*)>");

    @TempDir
    Path dir;

    /** One traced call: the thread, the call, its destination path (rename) or flushed path (fsync). */
    private record Call(String thread, String name, String path) {
        boolean isRename() {
            return name.startsWith("rename");
        }
    }

    @Test
    void pointerSwitchesSnapshotsAndPreservedCopiesAreFlushed() throws Exception {
        RequiredTools.require("strace", "createrepo_c", "rpmsign", "gpg");
        try (TestBuilds builds = new TestBuilds(dir.resolve("data"))) {
            builds.success("alpha", "1.0");
            BuildRecord beta = builds.success("beta", "1.0");
            Path repos = builds.dataDir.resolve("repos").toRealPath();
            Path snapshot = builds.dataDir.resolve(beta.repoDir()).toRealPath();

            TestKeys keys = TestKeys.generate();
            List<Call> publish = traced("publish", keys,
                    "io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand", "publish", "--data-directory",
                    builds.dataDir.toString(), "--recent", "10", "--sign");
            assertEquals(snapshot, repos.resolve("current").toRealPath(), "the trace is of a real publish");
            Call manifest = renameTo(publish, snapshot.resolve(SnapshotManifest.FILE_NAME));
            List<Call> before = publish.subList(0, publish.indexOf(manifest));
            Path rpm = snapshot.resolve(Path.of(beta.artifacts().get(0)).getFileName());
            for (Path flushed : List.of(snapshot.resolve("repodata/repomd.xml"),
                    snapshot.resolve("repodata/repomd.xml.asc"), snapshot.resolve("package-pipeline.repo"),
                    snapshot.resolve("repodata"), snapshot, rpm, rpm.getParent())) {
                assertTrue(before.contains(new Call(manifest.thread(), "fsync", flushed.toString())),
                        flushed + " flushed before the manifest");
            }
            assertDirectoryFlushedAfter(publish, manifest, snapshot);
            for (String pointer : List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT)) {
                assertDirectoryFlushedAfter(publish, renameTo(publish, repos.resolve(pointer)), repos);
            }

            List<Call> preserve = traced("preserve", null, PreserveServed.class.getName(), repos.toString(),
                    snapshot.toString());
            Path copy = repos.resolve("current").toRealPath();
            assertTrue(copy.startsWith(repos.resolve(SupersededSnapshots.DIR)), copy.toString());
            assertDirectoryFlushedAfter(preserve, renameTo(preserve, copy), copy.getParent());
            assertTrue(preserve.contains(new Call(renameTo(preserve, copy).thread(), "fsync",
                    copy.getParent().resolve("." + copy.getFileName() + ".tmp").resolve("repodata").toString())),
                    "the copy's directories are flushed before it is renamed into place");
            for (String pointer : List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT)) {
                assertDirectoryFlushedAfter(preserve, renameTo(preserve, repos.resolve(pointer)), repos);
            }
        }
    }

    /** A rename must be followed, in its thread and before that thread's next rename, by an fsync of {@code dir}. */
    private static void assertDirectoryFlushedAfter(List<Call> calls, Call rename, Path directory) {
        for (Call call : calls.subList(calls.indexOf(rename) + 1, calls.size())) {
            if (!call.thread().equals(rename.thread())) {
                continue;
            }
            if (call.isRename()) {
                break;
            }
            if (call.path().equals(directory.toString())) {
                return;
            }
        }
        throw new AssertionError("no fsync of " + directory + " after the rename to " + rename.path());
    }

    private static Call renameTo(List<Call> calls, Path destination) {
        return calls.stream().filter(c -> c.isRename() && c.path().equals(destination.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no rename to " + destination + " traced"));
    }

    /** Runs a main class in its own JVM under strace and returns its renames and fsyncs, in order. */
    private List<Call> traced(String name, TestKeys keys, String mainClass, String... args) throws Exception {
        Path trace = dir.resolve(name + ".strace");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-y", "-qq", "-s", "4096", "-o",
                trace.toString(), "-e", "trace=rename,renameat,renameat2,fsync",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (keys != null) {
            builder.environment().put("PACKAGE_PIPELINE_SIGNING_KEY", keys.armoredSecretKey);
            builder.environment().put("PACKAGE_PIPELINE_SIGNING_PASSPHRASE", TestKeys.PASSPHRASE);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), name + " finished");
        assertEquals(0, process.exitValue(), Files.readString(log));
        List<Call> calls = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher call = CALL.matcher(line);
            if (!call.find()) {
                continue;
            }
            String path = null;
            if (call.group(2).equals("fsync")) {
                Matcher fd = FD_PATH.matcher(call.group(3));
                path = fd.find() ? fd.group(1) : null;
            } else {
                Matcher quoted = QUOTED.matcher(call.group(3));
                while (quoted.find()) {
                    path = quoted.group(1);
                }
            }
            if (path != null) {
                calls.add(new Call(call.group(1), call.group(2), path));
            }
        }
        assertFalse(calls.isEmpty(), "strace recorded nothing: " + trace);
        return calls;
    }

    /** The preservation a recheck does before replacing a served output directory, as its own program. */
    static final class PreserveServed {
        public static void main(String[] args) throws Exception {
            SupersededSnapshots.preserveServed(Path.of(args[0]), Path.of(args[1]));
        }
    }
}
