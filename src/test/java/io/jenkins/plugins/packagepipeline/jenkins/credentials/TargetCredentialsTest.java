package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which credentials each setting of a repo target takes, and what an unset setting means. */
class TargetCredentialsTest {

    private static final String KEY = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGc0\n-----END PGP PRIVATE KEY BLOCK-----\n";

    private final FakeCredentials store = new FakeCredentials()
            .add(FakeCredentials.secretFile("signing-key", "trunk.asc", KEY))
            .add(FakeCredentials.secretText("signing-passphrase", "Pass-9a7c"))
            .add(FakeCredentials.secretFile("mirror-key", "id_ed25519", "SSH-KEY-3b1d\n"))
            .add(FakeCredentials.usernamePassword("trunk-db", "trunk", "Db-Pass-3e1f"))
            .add(FakeCredentials.usernamePassword("dlrn", "jenkins", "Dlrn-Pass-51ce"));

    private static RepoTarget bare() {
        return new RepoTarget("trunk", "/srv/trunk");
    }

    @Test
    void aTargetWithoutCredentialsNeedsNone() throws Exception {
        RepoTarget target = bare();
        CredentialsLookup lookup = store.lookup();
        assertEquals(BuildDatabase.inDataDirectory(), TargetCredentials.database(target, lookup));
        assertNull(TargetCredentials.signingKey(target, lookup), "unsigned");
        assertNull(TargetCredentials.signingPassphrase(target, lookup), "a key without passphrase");
        assertNull(TargetCredentials.mirrorKey(target, lookup), "the agent user's own SSH keys");
        assertNull(TargetCredentials.dlrnApiUser(target, lookup), "no DLRN API");
        assertEquals(List.of(), store.asked);
    }

    @Test
    void eachSettingTakesItsCredentialsAndRecordsTheirUse() throws Exception {
        RepoTarget target = bare();
        target.setSigningKeyCredentialsId("signing-key");
        target.setSigningPassphraseCredentialsId("signing-passphrase");
        target.setMirrorTarget("mirror@repo2.example.org:/srv/trunk");
        target.setMirrorKeyCredentialsId("mirror-key");
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("trunk-db");
        target.setDlrnApiUrl("https://dlrn.example.org/api");
        target.setDlrnApiCredentialsId("dlrn");
        CredentialsLookup lookup = store.lookup();

        assertEquals(KEY, TargetCredentials.signingKey(target, lookup));
        assertEquals("Pass-9a7c", TargetCredentials.signingPassphrase(target, lookup));
        assertEquals("SSH-KEY-3b1d\n", TargetCredentials.mirrorKey(target, lookup));
        assertEquals(new BuildDatabase("jdbc:postgresql://db.example.org:5432/trunk", "trunk", "Db-Pass-3e1f"),
                TargetCredentials.database(target, lookup));
        assertEquals("jenkins", TargetCredentials.dlrnApiUser(target, lookup).getUsername());
        assertEquals(List.of("signing-key", "signing-passphrase", "mirror-key", "trunk-db", "dlrn"), store.used);
    }

    @Test
    void aDatabaseUrlWithoutCredentialsHasNoUser() {
        RepoTarget target = bare();
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        assertEquals(new BuildDatabase("jdbc:postgresql://db.example.org:5432/trunk", null, null),
                TargetCredentials.database(target, store.lookup()));
    }

    @Test
    void aDlrnApiUrlWithoutCredentialsIsRefusedByName() {
        RepoTarget target = bare();
        target.setDlrnApiUrl("https://dlrn.example.org/api");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> TargetCredentials.dlrnApiUser(target, store.lookup()));
        assertEquals("Repo target 'trunk' names no credentials for a username with password (the DLRN API's):"
                + " choose them under Manage Jenkins » System » Package Pipeline.", e.getMessage());
    }

    @Test
    void credentialsOfTheWrongTypeAreNamedWithTheTypeEachSettingNeedsAndNoSecret() {
        RepoTarget target = bare();
        target.setSigningKeyCredentialsId("signing-passphrase");
        target.setSigningPassphraseCredentialsId("signing-key");
        target.setMirrorKeyCredentialsId("trunk-db");
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("mirror-key");
        CredentialsLookup lookup = store.lookup();

        List<String> messages = List.of(
                assertThrows(PackagePipelineException.class, () -> TargetCredentials.signingKey(target, lookup))
                        .getMessage(),
                assertThrows(PackagePipelineException.class,
                        () -> TargetCredentials.signingPassphrase(target, lookup)).getMessage(),
                assertThrows(PackagePipelineException.class, () -> TargetCredentials.mirrorKey(target, lookup))
                        .getMessage(),
                assertThrows(PackagePipelineException.class, () -> TargetCredentials.database(target, lookup))
                        .getMessage());

        assertEquals(List.of(
                "Repo target 'trunk': the credentials 'signing-passphrase' are a secret text, not a secret file (the"
                        + " ASCII-armored signing key): choose credentials of that type.",
                "Repo target 'trunk': the credentials 'signing-key' are a secret file, not a secret text (the signing"
                        + " key's passphrase): choose credentials of that type.",
                "Repo target 'trunk': the credentials 'trunk-db' are a username with password, not a secret file (the"
                        + " mirror's SSH key): choose credentials of that type.",
                "Repo target 'trunk': the credentials 'mirror-key' are a secret file, not a username with password"
                        + " (the build database's): choose credentials of that type."), messages);
        for (String secret : List.of("lQOYBGc0", "Pass-9a7c", "SSH-KEY-3b1d", "Db-Pass-3e1f")) {
            assertTrue(messages.stream().noneMatch(m -> m.contains(secret)), secret);
        }
        assertEquals(List.of(), store.used);
    }

    @Test
    void aMissingIdNamesTheIdAndTheTypeTheSettingNeeds() {
        RepoTarget target = bare();
        target.setMirrorKeyCredentialsId("gone");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> TargetCredentials.mirrorKey(target, store.lookup()));
        assertTrue(e.getMessage().startsWith("Repo target 'trunk': no credentials with id 'gone' (a secret file (the"
                + " mirror's SSH key))"), e.getMessage());
        assertFalse(e.getMessage().contains("SSH-KEY"));
    }
}
