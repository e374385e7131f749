package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory ({@code build.lock}) held for a whole engine run, so that two runs (two
 * Jenkins jobs, a job and a cron) never build into the same directory at once. The operating system releases it
 * when the process dies, so a crash never leaves it stuck. An import of builds made elsewhere holds it too.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = "build.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} (made if missing), or fails at once.
     *
     * @throws PackagePipelineException when another run or import holds it
     */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new PackagePipelineException("Another build or import is running in the data directory " + dataDir
                    + " (it holds " + file + "). Wait for it to finish, or use another data directory.");
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
