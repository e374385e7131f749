package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one format of the command line's duration options. */
class DurationOptionTest {

    @Test
    void readsUnitsPlainSecondsAndIso8601() {
        assertEquals(Duration.ofSeconds(90), DurationOption.parse("90s", "--grace"));
        assertEquals(Duration.ofMinutes(10), DurationOption.parse("10m", "--grace"));
        assertEquals(Duration.ofHours(24), DurationOption.parse(" 24H ", "--grace"));
        assertEquals(Duration.ofDays(7), DurationOption.parse("7d", "--grace"));
        assertEquals(Duration.ofSeconds(45), DurationOption.parse("45", "--grace"));
        assertEquals(Duration.ofMinutes(10), DurationOption.parse("PT10M", "--tool-timeout"));
    }

    @Test
    void refusesAnythingElseNamingTheOptionAndTheValue() {
        for (String bad : new String[] {"10x", "", "m", "ten minutes", "PT"}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> DurationOption.parse(bad, "--tool-timeout"));
            assertTrue(e.getMessage().startsWith("--tool-timeout '" + bad + "' is not a duration"), e.getMessage());
        }
    }
}
