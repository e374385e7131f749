package io.jenkins.plugins.packagepipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's own files are, for tests that read them (POMs, examples, docs). */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The project root: the folder holding the canonical pom.xml and the offline/ build. */
    public static Path root() {
        String configured = System.getProperty("packagepipeline.projectRoot");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("offline"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root (pom.xml beside offline/) from " + start);
    }
}
