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
        cloud.setConnectTimeoutSeconds(7);
        cloud.setReadTimeoutSeconds(90);
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
    void noTemporaryCaFileIsLeftBehindAfterAFailedLogin() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenStackCloud cloud = new OpenStackCloud("rdo", "http://127.0.0.1:" + closedPort + "/v3", "rdo-appcred");
        cloud.setCaCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
        cloud.setConnectTimeoutSeconds(2);
        List<String> progress = new ArrayList<>();
        assertThrows(RuntimeException.class, () -> CloudLogin.withSession(cloud,
                CloudLogin.applicationCredential("ac-id", "ac-secret"), progress::add, session -> "unreachable",
                tempDir));
        try (Stream<Path> left = Files.list(tempDir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
