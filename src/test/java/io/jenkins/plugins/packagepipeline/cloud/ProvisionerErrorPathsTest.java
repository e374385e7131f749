package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error paths the real test cloud will not produce on demand, against {@link FakeOpenStackServer} (the real wire
 * protocol): Nova's legacy 413 over-limit answer, after a volume already exists.
 */
class ProvisionerErrorPathsTest {

    @Test
    void status413IsReportedAsQuotaAndTheVolumeAlreadyCreatedIsRemoved() throws Exception {
        try (FakeOpenStackServer cloud = new FakeOpenStackServer()) {
            CloudConnection connection = CloudConnection.of(cloud.authUrl(), new CloudCredentials.Password("admin",
                    null, "admin", null, "fake-password"), "RegionOne");
            CloudSession session = CloudSession.open(connection, ProgressListener.NONE);
            Provisioner provisioner = new Provisioner(session, java.time.Clock.systemUTC(), Duration.ofMillis(50),
                    Duration.ofSeconds(10));
            TestOpenStack.Lines lines = new TestOpenStack.Lines();
            CloudException e = assertThrows(CloudException.class, () -> provisioner.provision(InstanceSpec.builder()
                    .name("pp-413").image("cirros").flavor("m1.tiny").network("private").dataVolumeGb(1).build(),
                    lines));
            assertEquals(CloudException.Kind.QUOTA, e.kind());
            assertTrue(e.getMessage().contains("boot server pp-413 failed: project quota exceeded")
                    && e.getMessage().contains("HTTP 413") && e.getMessage().contains("Quota exceeded for instances"),
                    e.getMessage());
            List<String> requests = cloud.requests();
            assertTrue(requests.contains("POST /compute/v2.1/servers"), requests.toString());
            assertTrue(requests.contains("DELETE /volume/v3/project-1/volumes/vol-1"), "cleanup: " + requests);
            assertTrue(requests.indexOf("DELETE /volume/v3/project-1/volumes/vol-1")
                    > requests.indexOf("POST /compute/v2.1/servers"));
            assertTrue(lines.all().contains("removed: volume pp-413-data"), lines.all());
        }
    }
}
