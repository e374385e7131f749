package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.ProjectFiles;
import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, end to end: the example packages become git repositories, the build engine builds them,
 * dnf sees them in the published repo, and a later run builds only what changed.
 */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheExamplesIntoARepositoryDnfReadsThenOnlyWhatChanged() throws Exception {
        RequiredTools.require("rpmbuild", "rpmspec", "createrepo_c", "dnf", "gcc", "make");
        Path examples = dir.resolve("examples");
        FileTrees.copy(ProjectFiles.root().resolve("examples"), examples);
        Path dataDirectory = dir.resolve("data");

        CommandLineRun first = CommandLineRun.of("run", "--examples", examples.toString(), "--data-directory",
                dataDirectory.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("committed hello/distgit\n"), first.out());
        assertTrue(first.out().matches("(?s).*\nbuilt hello in [0-9.]+ s\nbuilt hello-c in [0-9.]+ s\n.*"), first.out());
        Path repo = dataDirectory.resolve("repos/current");
        assertTrue(first.out().contains("repository: " + repo), first.out());
        assertTrue(Files.isRegularFile(repo.resolve("repodata/repomd.xml")), "no repodata in " + repo);
        assertTrue(Files.readString(repo.resolve("package-pipeline.repo")).contains("baseurl="), "no .repo file");
        String packages = repoquery(repo, "root1");
        assertTrue(packages.contains("hello 1.0.0 noarch"), packages);
        assertTrue(packages.contains("hello-c 1.0.0 x86_64") || packages.contains("hello-c 1.0.0 aarch64"), packages);
        Path firstSnapshot = repo.toRealPath();

        CommandLineRun again = CommandLineRun.of("run", "--examples", examples.toString(), "--data-directory",
                dataDirectory.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("up to date hello\nup to date hello-c\n"), again.out());

        Files.writeString(examples.resolve("packages/hello/upstream/hello"), "#!/bin/sh\necho changed\n");
        CommandLineRun changed = CommandLineRun.of("run", "--examples", examples.toString(), "--data-directory",
                dataDirectory.toString());
        assertEquals(0, changed.exitCode(), changed.toString());
        assertTrue(changed.out().startsWith("committed hello/upstream\nbuilt hello in "), changed.out());
        assertTrue(changed.out().contains("up to date hello-c\n"), changed.out());
        Path secondSnapshot = repo.toRealPath();
        assertTrue(!secondSnapshot.equals(firstSnapshot), "current did not move to the new build's snapshot");
        String releases = repoquery(repo, "root2");
        assertEquals(2, releases.lines().filter(l -> l.startsWith("hello ") || l.startsWith("hello-c ")).count(),
                "the snapshot holds one hello and one hello-c:\n" + releases);
        assertTrue(Files.isDirectory(firstSnapshot.resolve("repodata")), "the earlier snapshot stays served");
    }

    private String repoquery(Path repo, String root) throws Exception {
        ProcessResult query = ProcessRunner.command("dnf", "-q", "repoquery", "--installroot",
                        dir.resolve(root).toString(), "--releasever=9", "--setopt=reposdir=/dev/null",
                        "--repofrompath=pp,file://" + repo.toAbsolutePath(), "--repo", "pp",
                        "--qf", "%{name} %{version} %{arch}")
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("dnf repoquery");
        return query.tailText();
    }

    @Test
    void aMissingExamplesFolderIsAClearError() {
        CommandLineRun run = CommandLineRun.of("run", "--examples", dir.resolve("nowhere").toString(), "--data-directory",
                dir.resolve("d").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR: No example packages at '"), run.err());
        assertTrue(run.err().contains("nowhere"), run.err());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsAOneLineError() throws Exception {
        Path examples = dir.resolve("examples");
        FileTrees.copy(ProjectFiles.root().resolve("examples"), examples);
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory\n");
        CommandLineRun run = CommandLineRun.of("run", "--examples", examples.toString(), "--data-directory",
                file.resolve("data").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR: ") && run.err().contains(file.toString()), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
