package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import org.junit.jupiter.api.Test;

/** snapshotInstance's arguments are checked before any cloud is contacted. */
class SnapshotWorkTest {

    @Test
    void keepWithoutLabelsIsRefused() {
        SnapshotArguments arguments = new SnapshotArguments();
        arguments.setKeep(3);
        AbortException e = assertThrows(AbortException.class,
                () -> SnapshotWork.snapshot("rdo", "server-1", arguments, null, null));
        assertTrue(e.getMessage().startsWith("snapshotInstance: keep 3 needs labels"), e.getMessage());
    }
}
