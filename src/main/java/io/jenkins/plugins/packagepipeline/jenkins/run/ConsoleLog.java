package io.jenkins.plugins.packagepipeline.jenkins.run;

import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What the steps write to the build's console: one line when a phase starts and one when it ends with its
 * duration ("provision done in 42.0 s", or "provision failed after 3.1 s"), and the engine's progress lines
 * indented under it. Every line goes through a {@link SecretMasker}, so a secret of the credentials in use never
 * reaches the console even if an engine message or an exception carries it.
 */
public final class ConsoleLog {

    /** Starts every line, so that the plugin's lines stand out among the build's own output. */
    public static final String PREFIX = "[Package Pipeline] ";

    /** Work of a phase, which may fail. */
    @FunctionalInterface
    public interface PhaseWork<T> {
        T run() throws Exception;
    }

    private final PrintStream out;
    private final SecretMasker masker;
    private final LongSupplier nanoTime;

    public ConsoleLog(PrintStream out, SecretMasker masker) {
        this(out, masker, System::nanoTime);
    }

    ConsoleLog(PrintStream out, SecretMasker masker, LongSupplier nanoTime) {
        this.out = out;
        this.masker = masker;
        this.nanoTime = nanoTime;
    }

    /** A log that also masks these secrets. */
    public ConsoleLog masking(Collection<String> secrets) {
        return new ConsoleLog(out, masker.with(secrets), nanoTime);
    }

    /** The masker of this log, for messages that leave through another way (exceptions). */
    public SecretMasker masker() {
        return masker;
    }

    /** One line, masked. */
    public void line(String text) {
        out.println(PREFIX + masker.mask(text));
    }

    /** The engine's progress lines, masked and indented under the current phase. */
    public ProgressListener progress() {
        return text -> line("  " + text);
    }

    /**
     * Runs one phase: announces it, runs it, and says how long it took and whether it failed (with the masked
     * message). The failure itself is rethrown unchanged.
     */
    public <T> T phase(String name, PhaseWork<T> work) throws Exception {
        line(name + " ...");
        long started = nanoTime.getAsLong();
        try {
            T result = work.run();
            line(name + " done in " + seconds(started));
            return result;
        } catch (Exception | Error e) {
            line(name + " failed after " + seconds(started) + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }

    /**
     * {@link #phase} for the work of a file callable on an agent, which may throw only I/O, interruption and
     * unchecked exceptions: any other failure becomes an {@link IOException} with its message.
     */
    public <T> T agentPhase(String name, PhaseWork<T> work) throws IOException, InterruptedException {
        try {
            return phase(name, work);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (nanoTime.getAsLong() - startedNanos) / 1e9);
    }
}
