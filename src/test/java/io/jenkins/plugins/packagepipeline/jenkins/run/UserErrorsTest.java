package io.jenkins.plugins.packagepipeline.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserErrorsTest {

    private static final String SECRET = "Tr0ub4dor-3";
    private static final SecretMasker MASKER = SecretMasker.of(SECRET);

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(UserErrors.LOGGER_NAME);

    private boolean parentHandlers;

    @BeforeEach
    void listen() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlers);
    }

    @Test
    void aUserErrorEndsTheBuildWithItsMaskedMessageAlone() {
        Exception e = UserErrors.forBuild(new PackagePipelineException("Cloud 'rdo' refused the password " + SECRET
                + ": check the credentials 'rdo-login'"), MASKER);

        assertInstanceOf(AbortException.class, e);
        assertEquals("Cloud 'rdo' refused the password ****: check the credentials 'rdo-login'", e.getMessage());
        assertEquals(List.of(), logged, "nothing to log: the user can fix it");
    }

    @Test
    void anAbortStaysTheSameInterruption() {
        InterruptedException abort = new InterruptedException("aborted by admin");
        assertSame(abort, UserErrors.forBuild(abort, MASKER));
    }

    @Test
    void anUnexpectedFailureIsOneMaskedLineAndItsMaskedTraceGoesToTheLog() {
        IOException failure = new IOException("cannot write /srv/repo with token " + SECRET,
                new IllegalStateException("inner " + SECRET));
        failure.addSuppressed(new RuntimeException("suppressed " + SECRET));

        Exception e = UserErrors.forBuild(failure, MASKER);

        assertInstanceOf(AbortException.class, e);
        assertEquals("Unexpected java.io.IOException: cannot write /srv/repo with token **** (stack trace in the"
                + " Jenkins log, logger io.jenkins.plugins.packagepipeline)", e.getMessage());
        assertEquals(1, logged.size());
        String trace = stackTrace(logged.get(0).getThrown());
        assertFalse(trace.contains(SECRET), trace);
        assertTrue(trace.contains("java.io.IOException: cannot write /srv/repo with token ****"), trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: inner ****"), trace);
        assertTrue(trace.contains("Suppressed: java.lang.RuntimeException: suppressed ****"), trace);
        assertTrue(trace.contains("anUnexpectedFailureIsOneMaskedLineAndItsMaskedTraceGoesToTheLog"),
                "the original frames are kept: " + trace);
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        Exception e = UserErrors.forBuild(new NullPointerException(), MASKER);
        assertTrue(e.getMessage().startsWith("Unexpected java.lang.NullPointerException (stack trace"),
                e.getMessage());
    }

    @Test
    void aCycleOfCausesIsCut() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        Throwable masked = UserErrors.masked(a, MASKER, 0);

        int depth = 0;
        for (Throwable t = masked; t != null; t = t.getCause()) {
            depth++;
        }
        assertEquals(21, depth, "the copy stops after 20 causes");
    }

    @Test
    void rethrowThrowsWhatStepsMayThrow() {
        AbortException unexpected = assertThrows(AbortException.class,
                () -> UserErrors.rethrow(new IllegalArgumentException("bad " + SECRET), MASKER));
        assertEquals("Unexpected java.lang.IllegalArgumentException: bad **** (stack trace in the Jenkins log,"
                + " logger io.jenkins.plugins.packagepipeline)", unexpected.getMessage());
        InterruptedException abort = new InterruptedException();
        assertSame(abort, assertThrows(InterruptedException.class, () -> UserErrors.rethrow(abort, MASKER)));
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
