package io.jenkins.plugins.packagepipeline.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {

    private static final String SECRET = "s3cr3t-app-cred";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong();
    private final ConsoleLog log = new ConsoleLog(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            SecretMasker.none(), clock::get).masking(List.of(SECRET));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aPhaseSaysWhenItStartsAndHowLongItTook() throws Exception {
        String result = log.phase("provision instance on cloud 'rdo'", () -> {
            log.progress().progress("server pp-ab12 BUILD (12 s)");
            clock.addAndGet(42_000_000_000L);
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of(
                "[Package Pipeline] provision instance on cloud 'rdo' ...",
                "[Package Pipeline]   server pp-ab12 BUILD (12 s)",
                "[Package Pipeline] provision instance on cloud 'rdo' done in 42.0 s"), lines());
    }

    @Test
    void aFailedPhaseIsReportedMaskedAndRethrownUnchanged() {
        PackagePipelineException failure = new PackagePipelineException("Keystone refused secret " + SECRET);
        PackagePipelineException thrown = assertThrows(PackagePipelineException.class, () -> log.phase("login", () -> {
            clock.addAndGet(3_100_000_000L);
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("[Package Pipeline] login failed after 3.1 s: Keystone refused secret ****", lines().get(1));
    }

    @Test
    void secretsNeverReachTheConsole() {
        log.line("token for " + SECRET);
        log.progress().progress("password=" + SECRET);
        String console = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(console.contains(SECRET), console);
        assertEquals(2, console.split("\\*\\*\\*\\*", -1).length - 1);
    }

    @Test
    void anAgentPhaseKeepsItsUncheckedFailuresAndWrapsTheOthersInIoExceptions() {
        PackagePipelineException userError = new PackagePipelineException("no build database");
        assertSame(userError, assertThrows(PackagePipelineException.class,
                () -> log.agentPhase("publish", () -> {
                    throw userError;
                })));
        java.io.IOException wrapped = assertThrows(java.io.IOException.class, () -> log.agentPhase("publish", () -> {
            throw new java.util.concurrent.TimeoutException("createrepo_c timed out");
        }));
        assertEquals("createrepo_c timed out", wrapped.getMessage());
        assertEquals("[Package Pipeline] publish failed after 0.0 s: createrepo_c timed out", lines().get(3));
    }
}
