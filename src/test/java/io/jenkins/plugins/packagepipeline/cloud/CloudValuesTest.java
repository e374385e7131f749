package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's plain values: user-data encoding, ownership tags, rules, clouds.yaml, error classification. */
class CloudValuesTest {

    @Test
    void smallUserDataIsPlainBase64() {
        UserData data = UserData.encode("#cloud-config\n".getBytes(StandardCharsets.UTF_8), "text");
        assertFalse(data.compressed());
        assertEquals("#cloud-config\n", new String(Base64.getDecoder().decode(data.base64()), StandardCharsets.UTF_8));
    }

    @Test
    void largeUserDataIsGzippedAndRoundTrips() throws Exception {
        byte[] text = "runcmd: [echo hello]\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        UserData data = UserData.encode(text, "big.yaml");
        assertTrue(data.compressed());
        assertTrue(data.base64().length() < UserData.NOVA_LIMIT);
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(data.base64())))
                .readAllBytes();
        assertEquals(new String(text, StandardCharsets.UTF_8), new String(back, StandardCharsets.UTF_8));
    }

    @Test
    void incompressibleUserDataAboveNovasLimitIsRefusedWithSizes() {
        byte[] random = new byte[70_000];
        new Random(1).nextBytes(random);
        CloudException e = assertThrows(CloudException.class, () -> UserData.encode(random, "seed.bin"));
        assertEquals(CloudException.Kind.INVALID_REQUEST, e.kind());
        assertTrue(e.getMessage().startsWith("User-data seed.bin is too large: 70000 bytes"), e.getMessage());
    }

    @Test
    void ownershipRoundTripsThroughMetadataAndNeutronDescriptions() {
        Ownership ownership = new Ownership("abc123defg", "https://ci.example/", "trunk;main", "42",
                Ownership.SCOPE_INSTANCE, Instant.parse("2026-11-23T00:00:00Z"));
        assertEquals(ownership, Ownership.fromMetadata(ownership.toMetadata()).orElseThrow());
        Ownership back = Ownership.fromDescription(ownership.toDescription()).orElseThrow();
        assertEquals("abc123defg", back.allocation());
        assertEquals("trunk,main", back.job());
        assertEquals(ownership.leaseUntil(), back.leaseUntil());
        assertTrue(ownership.leaseExpired(Instant.parse("2026-11-24T00:00:00Z")));
        assertFalse(ownership.leaseExpired(Instant.parse("2026-11-22T00:00:00Z")));
        assertTrue(Ownership.fromMetadata(Map.of("role", "x")).isEmpty());
        assertTrue(Ownership.fromDescription("someone else's group").isEmpty());
        assertTrue(Ownership.newAllocationId().matches("[a-z2-9]{10}"));
        Ownership longJob = new Ownership("a", "o", "j".repeat(400), "1", null, null);
        assertTrue(longJob.toDescription().length() <= 255);
        assertTrue(longJob.toMetadata().values().stream().allMatch(v -> v.length() <= 255));
    }

    @Test
    void securityGroupRulesParse() {
        assertEquals(SecurityGroupRule.tcp(22), SecurityGroupRule.parse("22"));
        assertEquals(new SecurityGroupRule("tcp", 8000, 8080, "0.0.0.0/0"), SecurityGroupRule.parse("8000-8080"));
        assertEquals(new SecurityGroupRule("udp", 53, 53, "10.0.0.0/8"), SecurityGroupRule.parse("udp/53@10.0.0.0/8"));
        CloudException e = assertThrows(CloudException.class, () -> SecurityGroupRule.parse("ssh"));
        assertTrue(e.getMessage().contains("'ssh'"));
        assertEquals(CloudException.Kind.INVALID_REQUEST, e.kind());
        assertEquals(CloudException.Kind.INVALID_REQUEST,
                assertThrows(CloudException.class, () -> SecurityGroupRule.parse("0")).kind());
    }

    @Test
    void cloudsYamlGivesPasswordOrApplicationCredential(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clouds.yaml");
        Files.writeString(file, """
                clouds:
                  lab:
                    auth:
                      auth_url: https://keystone.example:5000/v3
                      username: jenkins
                      password: s3cret
                      project_name: trunk
                      user_domain_name: Default
                      project_domain_name: Default
                    region_name: RegionTwo
                    cacert: /etc/ssl/lab-ca.pem
                    api_timeout: 90
                  appcred:
                    auth:
                      auth_url: https://keystone.example:5000
                      application_credential_id: 0123abcd
                      application_credential_secret: very-secret
                    verify: false
                """);
        CloudConnection lab = CloudsYaml.read(file, "lab");
        assertEquals("RegionTwo", lab.region());
        assertEquals(Path.of("/etc/ssl/lab-ca.pem"), lab.caBundle());
        assertEquals(90, lab.readTimeout().toSeconds());
        assertFalse(lab.toString().contains("s3cret"), lab.toString());
        CloudConnection appcred = CloudsYaml.read(file, "appcred");
        assertTrue(appcred.insecure());
        assertEquals("https://keystone.example:5000/v3", appcred.identityV3());
        assertEquals(new CloudCredentials.ApplicationCredential("0123abcd", "very-secret"), appcred.credentials());
        assertFalse(appcred.toString().contains("very-secret"));
        CloudException missing = assertThrows(CloudException.class, () -> CloudsYaml.read(file, "prod"));
        assertTrue(missing.getMessage().contains("No cloud 'prod'") && missing.getMessage().contains("lab, appcred"),
                missing.getMessage());
    }

    @Test
    void errorsAreClassified() {
        assertEquals(CloudException.Kind.QUOTA, CloudErrors.kindOf(403, "Quota exceeded for instances"));
        assertEquals(CloudException.Kind.QUOTA, CloudErrors.kindOf(413, "Request Entity Too Large"));
        assertEquals(CloudException.Kind.CAPACITY, CloudErrors.kindOf(500, "No valid host was found. "));
        assertEquals(CloudException.Kind.NOT_FOUND, CloudErrors.kindOf(404, "Image not found"));
        assertEquals("Quota exceeded", CloudErrors.messageOf("{\"overLimit\":{\"code\":413,\"message\":\"Quota exceeded\"}}"));
        assertEquals("boom", CloudErrors.messageOf("{\"NeutronError\":{\"message\":\"boom\"}}"));
    }
}
