package io.jenkins.plugins.packagepipeline.jenkins.run;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build's console for the glue's tests: the {@link TaskListener} steps write to, and what they wrote. */
public final class TestConsole {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TaskListener listener = new Listener(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    /** The listener, as the agent-side work and the controller write to it. */
    public TaskListener listener() {
        return listener;
    }

    /** Everything written so far. */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private record Listener(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }
}
