package io.jenkins.plugins.packagepipeline.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationProblemsTest {

    private static OpenStackCloud cloud(String name) {
        OpenStackCloud cloud = new OpenStackCloud(name, "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setImage("CentOS-Stream-9");
        cloud.setFlavor("m1.small");
        cloud.setSecurityGroups("default, ssh");
        cloud.setVolumeSizeGb(20);
        return cloud;
    }

    private static RepoTarget target(String name) {
        return new RepoTarget(name, "/srv/package-pipeline/" + name);
    }

    @Test
    void aSoundConfigurationHasNoProblems() {
        assertEquals(List.of(), PackagePipelineConfiguration.problems(
                List.of(cloud("rdo"), cloud("vexxhost")), List.of(target("trunk"), target("stable"))));
    }

    @Test
    void everyBadValueIsReportedWithItsEntry() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "keystone.example.org", " ");
        cloud.setReadTimeout("0s");
        RepoTarget target = target("trunk");
        target.setDlrnApiUrl("https://dlrn.example.org/api");
        target.setWorkers(100);
        List<String> problems = PackagePipelineConfiguration.problems(List.of(cloud), List.of(target));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Cloud 'rdo': The Keystone URL 'keystone.example.org'"),
                problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.equals("Cloud 'rdo': readTimeout '0s' must be more than zero; write " + Durations.SYNTAX + ".")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Repo target 'trunk': Choose the credentials for"
                + " the DLRN API")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("number of workers 100")), problems.toString());
    }

    @Test
    void everyTimeoutOfACloudIsADurationWithinItsLimits() {
        String write = "; write " + Durations.SYNTAX + ".";
        OpenStackCloud cloud = cloud("rdo");
        cloud.setConnectTimeout("30");
        cloud.setReadTimeout("PT-1M");
        cloud.setProvisionTimeout("a while");
        assertEquals(List.of("Cloud 'rdo': connectTimeout '30' is not a duration (a bare number is refused: add its"
                + " unit, e.g. 30s or 30m)" + write, "Cloud 'rdo': readTimeout 'PT-1M' is negative" + write,
                "Cloud 'rdo': provisionTimeout 'a while' is not a duration" + write), cloud.problems());

        cloud.setConnectTimeout("11m");
        cloud.setReadTimeout("0s");
        cloud.setProvisionTimeout("29s");
        assertEquals(List.of("Cloud 'rdo': connectTimeout '11m' is out of range: use 1s to 10m.",
                "Cloud 'rdo': readTimeout '0s' must be more than zero" + write,
                "Cloud 'rdo': provisionTimeout '29s' is out of range: use 30s to 1d."), cloud.problems());

        cloud.setConnectTimeout("10m");
        cloud.setReadTimeout("1h");
        cloud.setProvisionTimeout("P1D");
        assertEquals(List.of(), cloud.problems(), "the limits are allowed");
        cloud.setConnectTimeout("");
        cloud.setReadTimeout(" ");
        cloud.setProvisionTimeout(null);
        assertEquals(List.of(OpenStackCloud.DEFAULT_CONNECT_TIMEOUT, OpenStackCloud.DEFAULT_READ_TIMEOUT,
                OpenStackCloud.DEFAULT_PROVISION_TIMEOUT), List.of(cloud.getConnectTimeout(), cloud.getReadTimeout(),
                cloud.getProvisionTimeout()), "empty: the defaults");
        assertEquals(List.of(), cloud.problems());
    }

    @Test
    void aRepoTargetsToolTimeoutIsADurationWithinItsLimits() {
        RepoTarget target = target("trunk");
        for (String bad : List.of("600", "9s", "2d", "PT-1M")) {
            target.setToolTimeout(bad);
            List<String> problems = target.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("Repo target 'trunk': toolTimeout '" + bad + "' "), problems.get(0));
            assertEquals("Repo target 'trunk': " + RepoTarget.checkToolTimeout(bad).message(), problems.get(0),
                    "the form's check says the same");
        }
        target.setToolTimeout("9s");
        assertEquals(List.of("Repo target 'trunk': toolTimeout '9s' is out of range: use 10s to 1d."),
                target.problems());
        for (String good : List.of("10s", "90s", "1d", "PT30M")) {
            target.setToolTimeout(good);
            assertEquals(List.of(), target.problems(), good);
        }
        target.setToolTimeout(null);
        assertEquals(RepoTarget.DEFAULT_TOOL_TIMEOUT, target.getToolTimeout());
        assertEquals(java.time.Duration.ofMinutes(10), target.toolTimeout());
    }

    @Test
    void namesMustBeUnique() {
        List<String> problems = PackagePipelineConfiguration.problems(
                List.of(cloud("rdo"), cloud("rdo")), List.of(target("trunk"), target("trunk")));
        assertEquals(List.of("Two clouds are named 'rdo': give each cloud its own name.",
                "Two repo targets are named 'trunk': give each target its own name."), problems);
    }

    @Test
    void aCloudsDefaultsBecomeInstanceSettings() {
        assertEquals(new InstanceSettings("CentOS-Stream-9", "m1.small", null, null, List.of("default", "ssh"), 20,
                null), cloud("rdo").instanceDefaults());
    }

    @Test
    void blankFormValuesAreUnsetAndTheBuilderDefaultsToRpmbuild() {
        RepoTarget target = target("trunk");
        target.setBuilder(" ");
        target.setMirrorTarget("");
        assertEquals("rpmbuild", target.getBuilder());
        assertEquals(null, target.getMirrorTarget());
        assertEquals(2, target.getWorkers());
    }

    @Test
    void aPassphraseNeedsAKeyAndTheDatabaseUrlIsPostgresWithoutPassword() {
        RepoTarget target = target("trunk");
        target.setSigningPassphraseCredentialsId("trunk-signing-passphrase");
        target.setDatabaseUrl("mysql://db.example.org/trunk");
        List<String> problems = PackagePipelineConfiguration.problems(List.of(), List.of(target));
        assertEquals(List.of("Repo target 'trunk': a signing key passphrase is chosen but no signing key: choose the"
                + " key (a secret file) or remove the passphrase", "Repo target 'trunk': The database URL"
                + " 'mysql://db.example.org/trunk' is not a PostgreSQL JDBC URL: use"
                + " jdbc:postgresql://host:5432/database, or leave it empty for SQLite in the data directory."),
                problems);

        target.setSigningKeyCredentialsId("trunk-signing-key");
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk?password=hunter2");
        assertEquals(List.of("Repo target 'trunk': The database URL"
                + " 'jdbc:postgresql://db.example.org:5432/trunk?password=****' must not hold a password (password= or"
                + " user:password@): remove it from the URL and choose a username with password credential instead."),
                PackagePipelineConfiguration.problems(List.of(), List.of(target)));
        target.setDatabaseUrl("jdbc:postgresql://trunk:hunter2@db.example.org:5432/trunk");
        List<String> userInfo = PackagePipelineConfiguration.problems(List.of(), List.of(target));
        assertEquals(1, userInfo.size(), userInfo.toString());
        assertTrue(userInfo.get(0).contains("must not hold a password"), userInfo.get(0));
        assertFalse(userInfo.get(0).contains("hunter2"), "the password is masked: " + userInfo.get(0));

        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("trunk-db");
        assertEquals(List.of(), PackagePipelineConfiguration.problems(List.of(), List.of(target)));
        target.setDatabaseUrl(" ");
        assertEquals(null, target.getDatabaseUrl(), "blank: SQLite in the data directory");
        assertEquals(List.of("Repo target 'trunk': database credentials are chosen but no database URL: the build"
                + " database is the SQLite file of the data directory, which takes none; set the PostgreSQL URL or"
                + " remove the credentials"), PackagePipelineConfiguration.problems(List.of(), List.of(target)));
    }
}
