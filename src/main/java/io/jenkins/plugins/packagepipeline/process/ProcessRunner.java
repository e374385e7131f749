package io.jenkins.plugins.packagepipeline.process;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one external tool (rpmbuild, createrepo_c, gpg, rsync, ...) the way the engine needs it: in a given
 * directory, with a timeout after which the whole process tree is killed, standard output and error merged into
 * an optional log file, the last lines kept for error messages, every line masked of secrets before it is
 * written anywhere, and an interrupt (a Jenkins abort) killing the tree too.
 *
 * <pre>{@code
 * ProcessResult r = ProcessRunner.command("rpmbuild", "-ba", spec.toString())
 *         .directory(work).timeout(Duration.ofMinutes(30)).log(logFile).run();
 * r.requireSuccess("rpmbuild of " + spec);
 * }</pre>
 */
public final class ProcessRunner {
    static final int TAIL_LINES = 40;

    private final List<String> command;
    private Path directory;
    private Duration timeout = Duration.ofHours(1);
    private Path logFile;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> unsetEnvironment = new ArrayList<>();
    private byte[] stdin;
    private SecretMasker masker = SecretMasker.none();
    private Consumer<String> lineListener = line -> { };

    private ProcessRunner(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        this.command = List.copyOf(command);
    }

    public static ProcessRunner command(String... command) {
        return new ProcessRunner(List.of(command));
    }

    public static ProcessRunner command(List<String> command) {
        return new ProcessRunner(command);
    }

    public ProcessRunner directory(Path directory) {
        this.directory = directory;
        return this;
    }

    public ProcessRunner timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** Appends the (masked) output to this file, creating it and its parents. */
    public ProcessRunner log(Path logFile) {
        this.logFile = logFile;
        return this;
    }

    public ProcessRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ProcessRunner unsetEnv(String name) {
        unsetEnvironment.add(name);
        return this;
    }

    /** Bytes written to the tool's standard input, then closed (e.g. a passphrase, never a command argument). */
    public ProcessRunner stdin(byte[] input) {
        this.stdin = input == null ? null : input.clone();
        return this;
    }

    public ProcessRunner masking(SecretMasker masker) {
        this.masker = Objects.requireNonNull(masker);
        return this;
    }

    /** Called with each (masked) output line as it arrives, e.g. to stream progress to a console. */
    public ProcessRunner onLine(Consumer<String> listener) {
        this.lineListener = Objects.requireNonNull(listener);
        return this;
    }

    public List<String> commandLine() {
        return command;
    }

    /**
     * Runs the command to its end.
     *
     * @throws PackagePipelineException if the tool is not installed or cannot be started
     * @throws InterruptedException if the calling thread is interrupted; the process tree is killed first
     */
    public ProcessResult run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        unsetEnvironment.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot run '" + command.get(0) + "': " + e.getMessage()
                    + ". Is it installed and on the PATH?", e);
        }
        long started = System.nanoTime();
        if (stdin != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the tool closed its input early; its exit code tells the rest
            }
        }
        Deque<String> tail = new ArrayDeque<>();
        Writer log = null;
        if (logFile != null) {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        Thread pump = startPump(process, tail, log);
        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        } finally {
            if (log != null) {
                synchronized (tail) {
                    log.close();
                }
            }
        }
        int exit = timedOut ? -1 : process.exitValue();
        List<String> lines;
        synchronized (tail) {
            lines = List.copyOf(tail);
        }
        return new ProcessResult(masker.mask(String.join(" ", command)), exit, timedOut, timeout,
                Duration.ofNanos(System.nanoTime() - started), lines, logFile);
    }

    private Thread startPump(Process process, Deque<String> tail, Writer log) {
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String masked = masker.mask(line);
                    synchronized (tail) {
                        tail.addLast(masked);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                        if (log != null) {
                            log.write(masked);
                            log.write('\n');
                        }
                    }
                    lineListener.accept(masked);
                }
            } catch (IOException e) {
                // the stream closes when the process is killed
            }
        }, "output of " + command.get(0));
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle descendant : tree) {
            try {
                descendant.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // reported by the caller's timeout message; nothing more we can do for a process that will not die
            }
        }
    }
}
