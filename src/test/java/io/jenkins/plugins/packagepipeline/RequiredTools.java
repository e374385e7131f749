package io.jenkins.plugins.packagepipeline;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests drive real tools (rpmbuild, createrepo_c, dnf, gpg, ...). Where the build requires them
 * ({@code -Dpackagepipeline.requireTools=true}: the offline build and CI, whose .ci/run installs them) a missing
 * tool fails the test; elsewhere (the canonical build on ci.jenkins.io, whose agents have no RPM tool chain) the
 * test is skipped with the reason.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    public static void require(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "Not installed: " + String.join(", ", missing)
                + " (bash .ci/run installs every tool the tests need)";
        if (Boolean.getBoolean("packagepipeline.requireTools")) {
            fail(message);
        }
        abort(message);
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
