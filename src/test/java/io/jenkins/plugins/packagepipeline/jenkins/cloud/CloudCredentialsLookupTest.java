package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which engine credentials a cloud's Jenkins credentials become, against plain credentials. */
class CloudCredentialsLookupTest {

    private final FakeCredentials store = new FakeCredentials()
            .add(FakeCredentials.applicationCredential("rdo-appcred", "4c2f6b1e9d3a", "App-Secret-0d2e"))
            .add(FakeCredentials.usernamePassword("rdo-user", "jenkins", "User-Pass-77b1"))
            .add(FakeCredentials.secretText("a-text", "Text-Secret-1a2b"));

    private static OpenStackCloud cloud(String credentialsId) {
        return new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", credentialsId);
    }

    @Test
    void anApplicationCredentialIsUsedAsItIs() {
        CloudCredentials c = CloudCredentialsLookup.of(cloud("rdo-appcred"), store.lookup());
        assertEquals(new CloudCredentials.ApplicationCredential("4c2f6b1e9d3a", "App-Secret-0d2e"), c);
        assertEquals(List.of("App-Secret-0d2e"), c.secrets(), "masked in every console line");
        assertEquals(List.of("rdo-appcred"), store.used);
    }

    @Test
    void aUsernameWithPasswordIsScopedToTheCloudsProject() {
        OpenStackCloud cloud = cloud("rdo-user");
        cloud.setUserDomain("Default");
        cloud.setProjectName("trunk");
        cloud.setProjectDomain("Default");
        assertEquals(new CloudCredentials.Password("jenkins", "Default", "trunk", "Default", "User-Pass-77b1"),
                CloudCredentialsLookup.of(cloud, store.lookup()));
    }

    @Test
    void aUsernameWithPasswordWithoutAProjectIsRefused() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> CloudCredentialsLookup.of(cloud("rdo-user"), store.lookup()));
        assertEquals("Cloud 'rdo' uses the username/password credentials 'rdo-user' but names no project to scope"
                + " to: set Project under Manage Jenkins » System » Package Pipeline, or use an OpenStack application"
                + " credential.", e.getMessage());
    }

    @Test
    void otherCredentialsAreNamedWithTheTypesACloudTakes() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> CloudCredentialsLookup.of(cloud("a-text"), store.lookup()));
        assertEquals("Cloud 'rdo': the credentials 'a-text' are a secret text, not an OpenStack application"
                + " credential or a username with password: choose credentials of one of those types.",
                e.getMessage());
        assertFalse(e.getMessage().contains("Text-Secret"));
    }

    @Test
    void noOrUnknownCredentialsAreNamed() {
        PackagePipelineException none = assertThrows(PackagePipelineException.class,
                () -> CloudCredentialsLookup.of(cloud(null), store.lookup()));
        assertEquals("Cloud 'rdo' names no credentials for an OpenStack application credential or a username with"
                + " password: choose them under Manage Jenkins » System » Package Pipeline.", none.getMessage());
        PackagePipelineException unknown = assertThrows(PackagePipelineException.class,
                () -> CloudCredentialsLookup.of(cloud("rdo-old"), store.lookup()));
        assertEquals("Cloud 'rdo': no credentials with id 'rdo-old' (an OpenStack application credential or a"
                + " username with password) in the system credentials: add them under Manage Jenkins » Credentials"
                + " or choose others.", unknown.getMessage());
    }
}
