package io.jenkins.plugins.packagepipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration syntax of the command line, the configuration file and the Jenkins steps. */
class DurationsTest {

    @Test
    void readsAWholeNumberWithItsUnitOrIso8601() {
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "--grace"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m", "--grace"));
        assertEquals(Duration.ofHours(24), Durations.parse(" 24H ", "--grace"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d", "--grace"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("PT1H30M", "--tool-timeout"));
        assertEquals(Duration.ofDays(2), Durations.parse("P2D", "--tool-timeout"));
        assertEquals(Duration.ZERO, Durations.parse("0s", "--grace"));
    }

    @Test
    void refusesAnythingElseNamingTheValueAndTheAcceptedForms() {
        for (String bad : new String[] {"10x", "", "m", "ten minutes", "PT", "1.5h", "-5m", "PT-5M", "99999999999s"}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> Durations.parse(bad, "--tool-timeout"));
            assertTrue(e.getMessage().startsWith("--tool-timeout '" + bad + "' is "), e.getMessage());
            assertTrue(e.getMessage().contains(Durations.SYNTAX), e.getMessage());
        }
    }

    @Test
    void aBareNumberIsRefusedBecauseItsUnitIsAGuess() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> Durations.parse("45", "--timeout"));
        assertTrue(e.getMessage().contains("a bare number is refused: add its unit, e.g. 45s or 45m"), e.getMessage());
    }

    @Test
    void timeoutsAndLeasesMustBeMoreThanZero() {
        assertEquals(Duration.ofSeconds(1), Durations.parsePositive("1s", "--timeout"));
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> Durations.parsePositive("0m", "--timeout"));
        assertTrue(e.getMessage().startsWith("--timeout '0m' must be more than zero"), e.getMessage());
    }

    @Test
    void theAgeOfAPurgeTakesDurationsAndKeepsBareNumbersAsDays() {
        assertEquals(Duration.ofDays(14), Durations.parseAge("14", "--older-than"));
        assertEquals(Duration.ofDays(14), Durations.parseAge("14d", "--older-than"));
        assertEquals(Duration.ofHours(12), Durations.parseAge("12h", "--older-than"));
        for (String bad : new String[] {"0", "0d", "PT0S", "soon"}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> Durations.parseAge(bad, "olderThan"));
            assertTrue(e.getMessage().startsWith("olderThan '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void formatsTheShortestExactForm() {
        assertEquals("14d", Durations.format(Duration.ofDays(14)));
        assertEquals("36h", Durations.format(Duration.ofHours(36)));
        assertEquals("90m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        for (Duration d : new Duration[] {Duration.ofDays(3), Duration.ofMinutes(61), Duration.ofSeconds(3601)}) {
            assertEquals(d, Durations.parse(Durations.format(d), "round trip"));
        }
    }
}
