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
        Path file;
        try (PrivateFiles files = PrivateFiles.in(parent)) {
            file = files.write("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB==\n-----END CERTIFICATE-----");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            assertEquals("-----END CERTIFICATE-----", Files.readAllLines(file).get(2));
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
