package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The snapshot command's retention options are checked before any cloud is contacted. */
class SnapshotOptionsTest {

    @Test
    void keepWithoutALabelOrBelowOneIsRefusedBeforeTheCloudIsContacted() {
        for (String[] args : new String[][] {
            {"snapshot", "server-1", "--keep", "2", "--clouds-yaml", "/nonexistent/clouds.yaml"},
            {"snapshot", "server-1", "--keep", "0", "--label", "git-hash=1a2b3c", "--clouds-yaml",
                "/nonexistent/clouds.yaml"},
        }) {
            CommandLineRun run = CommandLineRun.of(args);
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("ERROR: --keep " + args[3] + " needs"), run.toString());
        }
    }
}
