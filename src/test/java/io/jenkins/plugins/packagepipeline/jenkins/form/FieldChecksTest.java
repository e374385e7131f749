package io.jenkins.plugins.packagepipeline.jenkins.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck.Level;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void namesAreShortShellSafeAndRequired() {
        assertEquals(Level.OK, FieldChecks.name("cloud", "rdo-2.east_1").level());
        FieldCheck blank = FieldChecks.name("cloud", "  ");
        assertEquals(Level.ERROR, blank.level());
        assertTrue(blank.message().contains("cloud needs a name"), blank.message());
        FieldCheck spaced = FieldChecks.name("repo target", "my trunk");
        assertEquals(Level.ERROR, spaced.level());
        assertTrue(spaced.message().contains("'my trunk'"), spaced.message());
        assertEquals(Level.ERROR, FieldChecks.name("cloud", "-rdo").level());
        assertEquals(Level.ERROR, FieldChecks.name("cloud", "a".repeat(65)).level());
    }

    @Test
    void keystoneUrlMustBeHttpWithHostAndUsuallyV3() {
        assertEquals(Level.OK, FieldChecks.keystoneUrl("https://keystone.example.org:5000/v3").level());
        assertEquals(Level.OK, FieldChecks.keystoneUrl("http://127.0.0.1:5000/v3/").level());
        FieldCheck noV3 = FieldChecks.keystoneUrl("https://keystone.example.org:5000");
        assertEquals(Level.WARNING, noV3.level());
        assertTrue(noV3.message().contains("/v3"), noV3.message());
        FieldCheck ftp = FieldChecks.keystoneUrl("ftp://keystone.example.org/v3");
        assertEquals(Level.ERROR, ftp.level());
        assertTrue(ftp.message().contains("'ftp://keystone.example.org/v3'"), ftp.message());
        assertEquals(Level.ERROR, FieldChecks.keystoneUrl("keystone:5000").level());
        assertEquals(Level.ERROR, FieldChecks.keystoneUrl("").level());
        assertEquals(Level.ERROR, FieldChecks.keystoneUrl("http://bad host/v3").level());
    }

    @Test
    void urlsNeverCarryPasswords() {
        FieldCheck check = FieldChecks.optionalHttpUrl("DLRN API URL", "https://user:hunter2@dlrn.example.org/api");
        assertEquals(Level.ERROR, check.level());
        assertTrue(check.message().contains("credentials"), check.message());
        assertTrue(!check.message().contains("hunter2"), "the message must not repeat the password");
    }

    @Test
    void databaseUrlsNeverCarryPasswordsInEitherForm() {
        for (String url : List.of("jdbc:postgresql://db.example.org:5432/trunk?user=trunk&password=hunter2",
                "jdbc:postgresql://trunk:hunter2@db.example.org:5432/trunk")) {
            FieldCheck check = FieldChecks.databaseUrl(url);
            assertEquals(Level.ERROR, check.level(), url);
            assertTrue(check.message().contains("must not hold a password"), check.message());
            assertTrue(check.message().contains("username with password credential"), check.message());
            assertTrue(!check.message().contains("hunter2"), "the message must not repeat the password");
        }
        assertEquals(Level.OK, FieldChecks.databaseUrl("jdbc:postgresql://db.example.org:5432/trunk").level());
        assertEquals(Level.OK, FieldChecks.databaseUrl("").level());
    }

    @Test
    void optionalUrlsMayBeEmpty() {
        assertEquals(Level.OK, FieldChecks.optionalHttpUrl("public base URL", null).level());
        assertEquals(Level.OK, FieldChecks.optionalHttpUrl("public base URL", "https://trunk.example.org/").level());
        assertEquals(Level.ERROR, FieldChecks.optionalHttpUrl("public base URL", "trunk.example.org").level());
    }

    @Test
    void rangesNameTheFieldAndTheLimits() {
        assertEquals(Level.OK, FieldChecks.range("volume size (GB)", "120", 0, 16384).level());
        assertEquals(Level.OK, FieldChecks.range("volume size (GB)", "", 0, 16384).level());
        FieldCheck tooBig = FieldChecks.range("volume size (GB)", "90000", 0, 16384);
        assertEquals(Level.ERROR, tooBig.level());
        assertTrue(tooBig.message().contains("90000") && tooBig.message().contains("0 to 16384"), tooBig.message());
        FieldCheck notNumber = FieldChecks.range("workers", "two", 1, 64);
        assertTrue(notNumber.message().contains("'two'"), notNumber.message());
    }

    @Test
    void durationsTakeTheOneSyntaxAndEmptyKeepsTheDefault() {
        for (String good : List.of("90s", "45m", "2h", "3d", "PT1H30M", "P1D", " 2H ")) {
            assertEquals(Level.OK, FieldChecks.duration("lease", good).level(), good);
        }
        assertEquals(Level.OK, FieldChecks.duration("lease", "").level());
        assertEquals(Level.OK, FieldChecks.duration("lease", null).level());
        assertEquals(Duration.ofMinutes(45), FieldChecks.durationOr(null, "buildTimeout", "45m", null, null));
        assertEquals(Duration.ofHours(24), FieldChecks.durationOr(Duration.ofHours(24), "lease", " ", null, null));
    }

    @Test
    void aBadDurationIsRefusedNamingTheFieldAndTheValue() {
        String write = "; write " + Durations.SYNTAX + ".";
        assertEquals("lease '24' is not a duration (a bare number is refused: add its unit, e.g. 24s or 24m)" + write,
                FieldChecks.duration("lease", "24").message());
        assertEquals("lease '0s' must be more than zero" + write, FieldChecks.duration("lease", "0s").message());
        assertEquals("lease 'PT-2H' is negative" + write, FieldChecks.duration("lease", "PT-2H").message());
        assertEquals("lease '-2h' is not a duration" + write, FieldChecks.duration("lease", "-2h").message());
        assertEquals("lease 'a day' is not a duration" + write, FieldChecks.duration("lease", "a day").message());
        assertEquals("lease '5 weeks' is not a duration" + write, FieldChecks.duration("lease", "5 weeks").message());
        for (String bad : List.of("24", "0s", "PT-2H", "-2h", "a day")) {
            assertEquals(Level.ERROR, FieldChecks.duration("lease", bad).level(), bad);
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> FieldChecks.durationOr(null, "provisionInstance: lease", bad, null, null));
            assertTrue(e.getMessage().startsWith("provisionInstance: lease '" + bad + "' "), e.getMessage());
        }
    }

    @Test
    void durationLimitsAreInclusiveAndNamedInTheDurationSyntax() {
        Duration second = Duration.ofSeconds(1);
        Duration tenMinutes = Duration.ofMinutes(10);
        assertEquals(Level.OK, FieldChecks.duration("connectTimeout", "1s", second, tenMinutes).level());
        assertEquals(Level.OK, FieldChecks.duration("connectTimeout", "PT10M", second, tenMinutes).level());
        assertEquals("connectTimeout '601s' is out of range: use 1s to 10m.",
                FieldChecks.duration("connectTimeout", "601s", second, tenMinutes).message());
        assertEquals("provisionTimeout '10s' is out of range: use at least 30s.",
                FieldChecks.duration("provisionTimeout", "10s", Duration.ofSeconds(30), null).message());
        assertEquals("readTimeout '2d' is out of range: use at most 1h.",
                FieldChecks.duration("readTimeout", "2d", null, Duration.ofHours(1)).message());
        assertEquals("connectTimeout '0s' must be more than zero; write " + Durations.SYNTAX + ".",
                FieldChecks.duration("connectTimeout", "0s", second, tenMinutes).message(),
                "zero is refused as the command line refuses it, before the limits");
    }

    @Test
    void dataDirectoryIsAbsolute() {
        assertEquals(Level.OK, FieldChecks.dataDirectory("/srv/package-pipeline/trunk").level());
        FieldCheck relative = FieldChecks.dataDirectory("data/trunk");
        assertEquals(Level.ERROR, relative.level());
        assertTrue(relative.message().contains("'data/trunk'"), relative.message());
        assertEquals(Level.ERROR, FieldChecks.dataDirectory(null).level());
    }

    @Test
    void mirrorTargetIsAnRsyncDestination() {
        assertEquals(Level.OK, FieldChecks.mirrorTarget("mirror@repo.example.org:/srv/trunk").level());
        assertEquals(Level.OK, FieldChecks.mirrorTarget("repo.example.org:/srv/trunk").level());
        assertEquals(Level.ERROR, FieldChecks.mirrorTarget("repo.example.org:trunk").level());
        assertEquals(Level.ERROR, FieldChecks.mirrorTarget("rsync://repo.example.org/trunk").level());
        assertEquals(Level.OK, FieldChecks.mirrorTarget("").level());
        FieldCheck bad = FieldChecks.mirrorTarget("srv/mirror");
        assertEquals(Level.ERROR, bad.level());
        assertTrue(bad.message().contains("'srv/mirror'"), bad.message());
    }

    @Test
    void builderIsOneOfTheKnownOnes() {
        assertEquals(Level.OK, FieldChecks.builder("mock").level());
        assertEquals(Level.OK, FieldChecks.builder(null).level());
        FieldCheck bad = FieldChecks.builder("kiwi");
        assertEquals(Level.ERROR, bad.level());
        assertTrue(bad.message().contains("'kiwi'") && bad.message().contains("rpmbuild"), bad.message());
    }

    @Test
    void credentialsAreRequiredWhereNeeded() {
        assertEquals(Level.ERROR, FieldChecks.requiredCredentials("cloud 'rdo'", " ").level());
        assertEquals(Level.OK, FieldChecks.requiredCredentials("cloud 'rdo'", "rdo-appcred").level());
    }
}
