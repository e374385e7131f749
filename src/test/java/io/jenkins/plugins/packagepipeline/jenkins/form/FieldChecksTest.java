package io.jenkins.plugins.packagepipeline.jenkins.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck.Level;
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
        assertEquals(Level.OK, FieldChecks.range("read timeout (seconds)", "120", 1, 3600).level());
        assertEquals(Level.OK, FieldChecks.range("read timeout (seconds)", "", 1, 3600).level());
        FieldCheck tooBig = FieldChecks.range("read timeout (seconds)", "9000", 1, 3600);
        assertEquals(Level.ERROR, tooBig.level());
        assertTrue(tooBig.message().contains("9000") && tooBig.message().contains("1 to 3600"), tooBig.message());
        FieldCheck notNumber = FieldChecks.range("workers", "two", 1, 64);
        assertTrue(notNumber.message().contains("'two'"), notNumber.message());
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
