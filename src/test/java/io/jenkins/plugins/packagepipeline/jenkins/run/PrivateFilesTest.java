package io.jenkins.plugins.packagepipeline.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path parent;

    @Test
    void filesAreOwnerOnlyWhileNeededAndGoneAfter() throws Exception {
        Path key;
        try (PrivateFiles files = PrivateFiles.in(parent)) {
            key = files.write("id_mirror", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
            assertEquals("-----END OPENSSH PRIVATE KEY-----", Files.readAllLines(key).get(2));
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
