package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes publishers of one repository directory: an exclusive lock on {@code repos/.publish.lock} (an OS file
 * lock, so it holds across processes and is released by the kernel when a holder is killed) plus an in-process lock
 * (the JVM refuses two file locks of one file in one process). Waits up to a timeout, then fails with a message.
 */
public final class PublishLock implements AutoCloseable {
    /** The lock file's name in the repos directory. */
    public static final String FILE_NAME = ".publish.lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock fileLock;

    private PublishLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Takes the lock of {@code reposDir}, waiting up to {@code timeout} for another publisher to finish. */
    public static PublishLock acquire(Path reposDir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(reposDir);
        Path file = reposDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw busy(file, timeout);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new PublishLock(local, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(file, timeout);
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    private static PackagePipelineException busy(Path file, Duration timeout) {
        return new PackagePipelineException("Another publisher has held the repository lock " + file + " for more than "
                + timeout.toSeconds() + " s; wait for it to finish (the lock is released when its process ends).");
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            inProcess.unlock();
        }
    }
}
