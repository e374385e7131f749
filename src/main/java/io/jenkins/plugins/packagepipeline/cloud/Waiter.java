package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, printing a progress line when the observed state changes and at least every
 * {@link #PROGRESS_EVERY}; gives up after a timeout ({@link CloudException.Kind#TIMEOUT}) and stops at once when
 * the thread is interrupted ({@link CloudException.Kind#INTERRUPTED}).
 */
final class Waiter {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final ProgressListener listener;
    private final Duration poll;

    Waiter(ProgressListener listener, Duration poll) {
        this.listener = listener;
        this.poll = poll;
    }

    /**
     * Waits for {@code what}: {@code probe} returns the current observation, {@code done} maps it to a result when
     * finished (or throws to fail at once), {@code state} describes it for progress lines.
     */
    <T, R> R until(String what, Duration timeout, Supplier<T> probe, Function<T, Optional<R>> done,
            Function<T, String> state) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String lastState = null;
        long lastPrint = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw CloudErrors.interrupted("Waiting for " + what);
            }
            T observed = probe.get();
            Optional<R> result = done.apply(observed);
            long now = System.nanoTime();
            long seconds = Duration.ofNanos(now - start).toSeconds();
            String current = state.apply(observed);
            if (result.isPresent()) {
                listener.progress(what + ": " + current + " after " + seconds + " s");
                return result.get();
            }
            if (!current.equals(lastState) || now - lastPrint >= PROGRESS_EVERY.toNanos()) {
                listener.progress(what + ": " + current + " (" + seconds + " s)");
                lastState = current;
                lastPrint = now;
            }
            if (now >= deadline) {
                throw new CloudException(CloudException.Kind.TIMEOUT, "Gave up waiting for " + what + " after "
                        + timeout.toSeconds() + " s; last state: " + current);
            }
            pause(poll, what);
        }
    }

    /** Sleeps {@code duration} before {@code what}; an interruption stops at once (INTERRUPTED). */
    void pause(Duration duration, String what) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CloudErrors.interrupted("Waiting for " + what);
        }
    }
}
