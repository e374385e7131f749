package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpecFileTest {
    static final String HASH = "1a2b3c4d5e6f708192a3b4c5d6e7f80912345678";

    @Test
    void theReleaseIsDlrnsZeroDateTimeShortHash() {
        assertEquals("0.20261122031500.1a2b3c4", SpecFile.release(Instant.parse("2026-11-22T03:15:00.999Z"), "1a2b3c4"));
    }

    @Test
    void replacesTheCommitAndTheMainReleaseOnly() {
        String spec = """
                %define commit 0000000000000000000000000000000000000000
                Name: x
                release:   7%{?dist}
                %package sub
                Release: 9
                """;
        String rewritten = SpecFile.rewrite(spec, "x.spec", HASH, "0.1.1a2b3c4");
        assertEquals("""
                %global commit 1a2b3c4d5e6f708192a3b4c5d6e7f80912345678
                Name: x
                Release:        0.1.1a2b3c4%{?dist}
                %package sub
                Release: 9
                """, rewritten);
    }

    @Test
    void addsTheCommitWhenTheSpecHasNone() {
        assertTrue(SpecFile.rewrite("Name: x\nRelease: 1\n", "x.spec", HASH, "0.1.a")
                .startsWith("%global commit " + HASH + "\nName: x\nRelease:        0.1.a%{?dist}\n"));
    }

    @Test
    void aSpecWithoutReleaseIsRefusedByName() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> SpecFile.rewrite("Name: x\n", "x.spec", HASH, "0.1.a"));
        assertEquals("Spec x.spec has no 'Release:' line to set the release 0.1.a in.", e.getMessage());
    }
}
