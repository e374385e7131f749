package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files that exist only while a tool needs them (a CA certificate, a known_hosts file): in a directory only the
 * owner may enter, each file readable by the owner only, all deleted by {@link #close()}. Not for private keys,
 * which a file would leave behind if the JVM were killed: the mirror's SSH key goes to a private ssh-agent
 * ({@link io.jenkins.plugins.packagepipeline.repo.mirror.SshAgent}).
 */
public final class PrivateFiles implements AutoCloseable {

    private final Path directory;

    private PrivateFiles(Path directory) {
        this.directory = directory;
    }

    /** A new private directory under {@code parent}. */
    public static PrivateFiles in(Path parent) throws IOException {
        return new PrivateFiles(Files.createTempDirectory(parent, "package-pipeline-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    /** The system's temporary directory, where private directories go unless a caller says otherwise. */
    public static Path systemTemp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Writes {@code content} (a trailing newline added if missing) to a file readable by the owner only. */
    public Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
