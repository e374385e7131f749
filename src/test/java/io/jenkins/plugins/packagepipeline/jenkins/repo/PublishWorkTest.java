package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.TargetCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code publishRepo} sends the agent, built from a repo target and its credentials (plain fakes). */
class PublishWorkTest {

    private static final String KEY = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGc0\n-----END PGP PRIVATE KEY BLOCK-----\n";

    @Test
    void everySecretOfTheTargetGoesIntoTheRequestAndNoneIntoItsTextOrTheConsole() throws Exception {
        RepoTarget target = new RepoTarget("trunk", "/srv/trunk");
        target.setPublicBaseUrl("https://trunk.example.org/");
        target.setSigningKeyCredentialsId("signing-key");
        target.setSigningPassphraseCredentialsId("signing-passphrase");
        target.setMirrorTarget("mirror@repo2.example.org:/srv/trunk");
        target.setMirrorSshPort(2222);
        target.setMirrorKeyCredentialsId("mirror-key");
        target.setDatabaseUrl("jdbc:postgresql://db.example.org:5432/trunk");
        target.setDatabaseCredentialsId("trunk-db");
        target.setDlrnApiUrl("https://dlrn.example.org/api");
        target.setDlrnApiCredentialsId("dlrn");
        FakeCredentials store = new FakeCredentials()
                .add(FakeCredentials.secretFile("signing-key", "trunk.asc", KEY))
                .add(FakeCredentials.secretText("signing-passphrase", "Pass-9a7c"))
                .add(FakeCredentials.secretFile("mirror-key", "id_ed25519", "SSH-KEY-3b1d\n"))
                .add(FakeCredentials.usernamePassword("trunk-db", "trunk", "Db-Pass-3e1f"))
                .add(FakeCredentials.usernamePassword("dlrn", "jenkins", "Dlrn-Pass-51ce"));

        PublishRequest request = PublishWork.request(target, true, PublishSelection.latest(), store.lookup());

        assertEquals(new PublishRequest.Signing(KEY, "Pass-9a7c"), request.signing());
        assertEquals(new PublishRequest.Mirror("mirror@repo2.example.org:/srv/trunk", 2222, "SSH-KEY-3b1d\n", null,
                "mirror-key"), request.mirror(), "the key's credentials are named in messages about the key");
        assertEquals(new BuildDatabase("jdbc:postgresql://db.example.org:5432/trunk", "trunk", "Db-Pass-3e1f"),
                request.database());
        var masker = PublishWork.masker(request, TargetCredentials.dlrnApiUser(target, store.lookup()));
        assertEquals("**** **** ****", masker.mask("Pass-9a7c Db-Pass-3e1f Dlrn-Pass-51ce"));
        for (String secret : List.of("lQOYBGc0", "Pass-9a7c", "SSH-KEY-3b1d", "Db-Pass-3e1f")) {
            assertFalse(request.toString().contains(secret), request.toString());
        }

        assertNull(PublishWork.request(target, false, PublishSelection.latest(), store.lookup()).mirror(),
                "mirror: false");
    }
}
