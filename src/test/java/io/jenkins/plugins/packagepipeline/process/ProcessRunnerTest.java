package io.jenkins.plugins.packagepipeline.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void capturesOutputTailAndExitCode() throws Exception {
        ProcessResult result = ProcessRunner.command("sh", "-c", "for i in $(seq 1 100); do echo line $i; done; exit 3")
                .directory(dir).log(dir.resolve("logs/out.log")).run();
        assertFalse(result.succeeded());
        assertEquals(3, result.exitCode());
        assertEquals(ProcessRunner.TAIL_LINES, result.tail().size());
        assertEquals("line 100", result.tail().get(result.tail().size() - 1));
        assertEquals(100, Files.readAllLines(dir.resolve("logs/out.log")).size());
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> result.requireSuccess("the counting step"));
        assertTrue(e.getMessage().startsWith("the counting step failed with exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("line 100") && e.getMessage().contains("out.log"), e.getMessage());
    }

    @Test
    void killsTheWholeProcessTreeAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        ProcessResult result = ProcessRunner.command("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait")
                .timeout(Duration.ofMillis(700)).run();
        assertTrue(result.timedOut());
        assertTrue(result.failureMessage("rpmbuild of hang").contains("timed out after 0.7 s"),
                result.failureMessage("rpmbuild of hang"));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child still alive");
    }

    @Test
    void masksSecretsInLogsTailsCommandLinesAndListeners() throws Exception {
        String secret = "s3cr3t-passphrase";
        List<String> streamed = new ArrayList<>();
        ProcessResult result = ProcessRunner.command("sh", "-c", "cat; echo \"arg was $0\"; exit 1", secret)
                .stdin(("read " + secret + "\n").getBytes(StandardCharsets.UTF_8))
                .masking(SecretMasker.of(secret)).log(dir.resolve("log")).onLine(streamed::add).run();
        String everything = result.failureMessage("x") + Files.readString(dir.resolve("log")) + streamed;
        assertFalse(everything.contains(secret), everything);
        assertTrue(everything.contains("read " + SecretMasker.MASK), everything);
    }

    @Test
    void aMissingToolIsAClearError() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> ProcessRunner.command("no-such-tool-xyz", "--version").run());
        assertTrue(e.getMessage().contains("'no-such-tool-xyz'") && e.getMessage().contains("installed"),
                e.getMessage());
    }

    @Test
    void interruptKillsTheTool() throws Exception {
        Path pidFile = dir.resolve("pid");
        Thread runner = new Thread(() -> {
            try {
                ProcessRunner.command("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60").run();
            } catch (Exception expected) {
                // interrupted
            }
        });
        runner.start();
        for (int i = 0; i < 100 && !Files.exists(pidFile); i++) {
            Thread.sleep(50);
        }
        runner.interrupt();
        runner.join(15_000);
        assertFalse(runner.isAlive());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "tool still alive");
    }

    @Test
    void maskerMasksLongestSecretFirst() {
        SecretMasker masker = SecretMasker.of("abc", "abcdef", "");
        assertEquals("**** and ****", masker.mask("abcdef and abc"));
        assertEquals("nothing", SecretMasker.none().mask("nothing"));
    }
}
