package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.junit.jupiter.api.Test;

/** Which credentials a setting gets, and what it is told when it cannot get them, against plain credentials. */
class CredentialsLookupTest {

    private static final String OWNER = "Repo target 'trunk'";
    private static final String KIND = "a secret file (the mirror's SSH key)";

    private final FakeCredentials store = new FakeCredentials()
            .add(FakeCredentials.secretFile("mirror-key", "id_ed25519", "KEY-BODY-7f3a\n"))
            .add(FakeCredentials.secretText("passphrase", "Pass-9a7c"))
            .add(FakeCredentials.usernamePassword("dlrn", "jenkins", "Dlrn-Pass-51ce"))
            .add(FakeCredentials.applicationCredential("rdo-appcred", "4c2f6b1e", "App-Secret-0d2e"));

    @Test
    void theCredentialsOfTheTypeAskedForAreReturnedAndTheirUseRecorded() throws Exception {
        FileCredentials key = store.lookup().require(FileCredentials.class, "mirror-key", OWNER, KIND);
        assertEquals("id_ed25519", key.getFileName());
        assertEquals("KEY-BODY-7f3a\n", store.lookup().secretFileText("mirror-key", OWNER, "the mirror's SSH key"));
        assertEquals("Pass-9a7c", store.lookup().secretText("passphrase", OWNER, "the signing key's passphrase"));
        assertEquals(List.of("mirror-key", "mirror-key", "passphrase"), store.used);
    }

    @Test
    void noIdChosenNamesTheOwnerAndTheTypeExpectedWithoutAskingTheStore() {
        for (String id : new String[] {null, "", "  "}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> store.lookup().require(FileCredentials.class, id, OWNER, KIND));
            assertEquals("Repo target 'trunk' names no credentials for a secret file (the mirror's SSH key): choose"
                    + " them under Manage Jenkins » System » Package Pipeline.", e.getMessage());
        }
        assertEquals(List.of(), store.asked);
    }

    @Test
    void anUnknownIdIsNamedWithTheTypeExpected() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> store.lookup().require(FileCredentials.class, "mirror-kye", OWNER, KIND));
        assertEquals("Repo target 'trunk': no credentials with id 'mirror-kye' (a secret file (the mirror's SSH"
                + " key)) in the system credentials: add them under Manage Jenkins » Credentials or choose others.",
                e.getMessage());
        assertEquals(List.of(), store.used);
    }

    /** A repo target's credentials are looked up as the build may see them; the message says where that is. */
    @Test
    void anUnknownIdOfARepoTargetSaysWhereABuildLooksForCredentials() {
        CredentialsLookup forBuild = new CredentialsLookup(new CredentialsLookup.Store() {
            @Override
            public StandardCredentials byId(String id) {
                return store.byId(id);
            }

            @Override
            public void used(StandardCredentials credentials) {
                store.used(credentials);
            }

            @Override
            public String where() {
                return BuildCredentials.WHERE;
            }
        });
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> forBuild.require(FileCredentials.class, "mirror-kye", OWNER, KIND));
        assertEquals("Repo target 'trunk': no credentials with id 'mirror-kye' (a secret file (the mirror's SSH"
                + " key)) among the credentials this build may use (global ones and those of the job's folders, never"
                + " system-scoped ones): add them with global scope under Manage Jenkins » Credentials, or in the"
                + " job's folder, or choose others.", e.getMessage());
    }

    @Test
    void credentialsOfAnotherTypeAreNamedWithTheirTypeAndTheOneExpectedAndShowNoSecret() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> store.lookup().require(FileCredentials.class, "passphrase", OWNER, KIND));
        assertEquals("Repo target 'trunk': the credentials 'passphrase' are a secret text, not a secret file (the"
                + " mirror's SSH key): choose credentials of that type.", e.getMessage());
        PackagePipelineException user = assertThrows(PackagePipelineException.class,
                () -> store.lookup().secretText("dlrn", OWNER, "the signing key's passphrase"));
        assertEquals("Repo target 'trunk': the credentials 'dlrn' are a username with password, not a secret text"
                + " (the signing key's passphrase): choose credentials of that type.", user.getMessage());
        PackagePipelineException app = assertThrows(PackagePipelineException.class,
                () -> store.lookup().require(StandardUsernamePasswordCredentials.class, "rdo-appcred", OWNER,
                        "a username with password"));
        assertFalse(app.getMessage().contains("App-Secret-0d2e"), app.getMessage());
        assertEquals(List.of(), store.used, "nothing of the wrong type counts as used");
    }

    @Test
    void everyTypeIsNamedAsTheCredentialsPageNamesIt() {
        assertEquals("an OpenStack application credential",
                CredentialsLookup.kindOf(FakeCredentials.applicationCredential("a", "b", "c")));
        assertEquals("a username with password", CredentialsLookup.kindOf(FakeCredentials.usernamePassword("a", "b", "c")));
        assertEquals("a secret file", CredentialsLookup.kindOf(FakeCredentials.secretFile("a", "b", "c")));
        assertEquals("a secret text", CredentialsLookup.kindOf(FakeCredentials.secretText("a", "b")));
        StandardCredentials ssh = FakeCredentials.secretText("x", "y");
        assertSame(ssh, store.add(ssh).lookup().require(StandardCredentials.class, "x", OWNER, "any credentials"));
    }
}
