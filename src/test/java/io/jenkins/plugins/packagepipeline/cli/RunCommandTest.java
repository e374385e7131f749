package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.ProjectFiles;
import io.jenkins.plugins.packagepipeline.RequiredTools;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, end to end: the example packages are built and dnf sees them in the published repo. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheExamplesIntoARepositoryDnfReads() throws Exception {
        RequiredTools.require("rpmbuild", "rpmspec", "createrepo_c", "dnf", "gcc", "make");
        Path datadir = dir.resolve("data");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PackagePipelineCommand.execute(new String[] {
            "run", "--examples", ProjectFiles.root().resolve("examples").toString(), "--datadir", datadir.toString()
        }, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, exit, out + "\n" + err);
        Path repo = datadir.resolve("repo");
        assertTrue(Files.isRegularFile(repo.resolve("repodata/repomd.xml")), "no repodata in " + repo);

        ProcessResult query = ProcessRunner.command("dnf", "-q", "repoquery", "--installroot", dir.resolve("root").toString(),
                        "--releasever=9", "--setopt=reposdir=/dev/null", "--repofrompath=pp,file://" + repo.toAbsolutePath(),
                        "--repo", "pp", "--qf", "%{name} %{arch}")
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("dnf repoquery");
        String packages = query.tailText();
        assertTrue(packages.contains("hello noarch"), packages);
        assertTrue(packages.contains("hello-c x86_64") || packages.contains("hello-c aarch64"), packages);
    }

    @Test
    void aMissingExamplesFolderIsAClearError() {
        StringWriter err = new StringWriter();
        int exit = PackagePipelineCommand.execute(new String[] {
            "run", "--examples", dir.resolve("nowhere").toString(), "--datadir", dir.resolve("d").toString()
        }, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("ERROR: No example packages at '"), err.toString());
        assertTrue(err.toString().contains("nowhere"), err.toString());
    }
}
