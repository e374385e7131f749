package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job on the project's examples: git repositories, the build engine, a repository dnf reads. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheExamplesOnceThenOnlyWhatChanged() throws Exception {
        Path examples = dir.resolve("examples");
        FileTrees.copy(Path.of(System.getProperty("packagepipeline.projectRoot", ".")).resolve("examples"), examples);
        Path data = dir.resolve("data");

        CommandLineRun first = CommandLineRun.of("run", "--examples", examples.toString(), "--datadir", data.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("committed hello/distgit\n"), first.out());
        assertTrue(first.out().matches("(?s).*\nbuilt hello in [0-9.]+ s\nbuilt hello-c in [0-9.]+ s\n.*"), first.out());
        assertTrue(first.out().contains("published 2 RPMs to " + data.resolve("repo")), first.out());
        String available = ProcessRunner.command("dnf", "-q", "--setopt=reposdir=/dev/null", "--releasever=9",
                        "--repofrompath=pp,file://" + data.resolve("repo"), "--repo", "pp",
                        "--setopt=cachedir=" + dir.resolve("dnf-cache"), "repoquery", "--qf", "%{name}-%{version}")
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("dnf repoquery").tailText();
        assertTrue(available.contains("hello-1.0.0") && available.contains("hello-c-1.0.0"), available);

        CommandLineRun again = CommandLineRun.of("run", "--examples", examples.toString(), "--datadir", data.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("up to date hello\nup to date hello-c\n"), again.out());

        Files.writeString(examples.resolve("packages/hello/upstream/hello"), "#!/bin/sh\necho changed\n");
        CommandLineRun changed = CommandLineRun.of("run", "--examples", examples.toString(), "--datadir",
                data.toString());
        assertEquals(0, changed.exitCode(), changed.toString());
        assertTrue(changed.out().startsWith("committed hello/upstream\nbuilt hello in "), changed.out());
        assertTrue(changed.out().contains("up to date hello-c\n"), changed.out());
    }
}
