package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudConnection;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudLoginTest {

    private static final String PASSWORD = "hunter2-keystone";

    @TempDir
    Path tempDir;

    @Test
    void passwordCredentialsTakeDomainsAndProjectFromTheCloud() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-user");
        cloud.setProjectName("trunk");
        cloud.setProjectDomain("rdo");
        CloudCredentials.Password password =
                (CloudCredentials.Password) CloudLogin.password(cloud, "rdo-user", "jenkins", PASSWORD);
        assertEquals("jenkins", password.user());
        assertEquals("Default", password.userDomain());
        assertEquals("trunk", password.project());
        assertEquals("rdo", password.projectDomain());
        assertFalse(password.toString().contains(PASSWORD));
    }

    @Test
    void passwordCredentialsWithoutProjectSayWhatToSet() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-user");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> CloudLogin.password(cloud, "rdo-user", "jenkins", PASSWORD));
        assertTrue(e.getMessage().contains("'rdo-user'") && e.getMessage().contains("Project"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void theConnectionCarriesTheCloudsTlsAndTimeouts() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setRegion("RegionTwo");
        cloud.setTlsVerify(false);
        cloud.setConnectTimeout("7s");
        cloud.setReadTimeout("PT1M30S");
        CloudConnection connection = CloudLogin.connection(cloud,
                CloudLogin.applicationCredential("ac-id", "ac-secret"), null);
        assertEquals("https://keystone.example.org:5000/v3", connection.identityV3());
        assertEquals("RegionTwo", connection.region());
        assertTrue(connection.insecure());
        assertEquals(Duration.ofSeconds(7), connection.connectTimeout());
        assertEquals(Duration.ofSeconds(90), connection.readTimeout());
        assertNull(connection.caBundle());
        assertEquals("****", connection.masker().mask("ac-secret"));
    }

    @Test
    void theCloudsDefaultTimeoutsApplyWhenLeftEmpty() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setConnectTimeout(" ");
        cloud.setReadTimeout(null);
        CloudConnection connection = CloudLogin.connection(cloud,
                CloudLogin.applicationCredential("ac-id", "ac-secret"), null);
        assertEquals(Duration.ofSeconds(30), connection.connectTimeout());
        assertEquals(Duration.ofMinutes(2), connection.readTimeout());
        assertEquals("30s", cloud.getConnectTimeout());
        assertEquals("15m", cloud.getProvisionTimeout());
        assertEquals(Duration.ofMinutes(15), cloud.provisionTimeout());
    }

    @Test
    void aBadTimeoutOfTheCloudIsRefusedNamingTheCloudTheSettingAndTheValue() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setReadTimeout("120");
        PackagePipelineException bare = assertThrows(PackagePipelineException.class, () -> CloudLogin.connection(
                cloud, CloudLogin.applicationCredential("ac-id", "ac-secret"), null));
        assertTrue(bare.getMessage().startsWith("Cloud 'rdo': readTimeout '120' is not a duration (a bare number is"
                + " refused: add its unit, e.g. 120s or 120m)"), bare.getMessage());
        cloud.setReadTimeout("2m");
        cloud.setConnectTimeout("1h");
        PackagePipelineException tooLong = assertThrows(PackagePipelineException.class, () -> CloudLogin.connection(
                cloud, CloudLogin.applicationCredential("ac-id", "ac-secret"), null));
        assertEquals("Cloud 'rdo': connectTimeout '1h' is out of range: use 1s to 10m.", tooLong.getMessage());
    }

    @Test
    void noTemporaryCaFileIsLeftBehindAfterAFailedLogin() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenStackCloud cloud = new OpenStackCloud("rdo", "http://127.0.0.1:" + closedPort + "/v3", "rdo-appcred");
        cloud.setCaCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
        cloud.setConnectTimeout("2s");
        List<String> progress = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> CloudLogin.withSession(cloud,
                CloudLogin.applicationCredential("ac-id", "ac-secret"), progress::add, session -> "unreachable",
                tempDir));
        try (Stream<Path> left = Files.list(tempDir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
