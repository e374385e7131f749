package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.packagepipeline.cloud.CreatedResource;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.Ownership;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceEnvironmentTest {

    private static Instance instance(String floatingIp, String keyPair) {
        return new Instance("5f1c0a", "pp-ab12cd", "k7m2p9x3qa", "ACTIVE", Map.of("private", List.of("10.0.0.5")),
                floatingIp, keyPair, null, new Ownership("k7m2p9x3qa", "https://ci.example.org/", "trunk", "42",
                        Ownership.SCOPE_INSTANCE, Instant.parse("2026-11-23T03:00:00Z")),
                List.of(new CreatedResource(CreatedResource.Kind.SERVER, "5f1c0a", "pp-ab12cd")));
    }

    @Test
    void theFloatingIpIsTheAddressToUse() {
        assertEquals(Map.of(
                "INSTANCE_ID", "5f1c0a",
                "INSTANCE_NAME", "pp-ab12cd",
                "INSTANCE_IP", "203.0.113.7",
                "INSTANCE_FLOATING_IP", "203.0.113.7",
                "INSTANCE_KEY_PAIR", "jenkins",
                "INSTANCE_ALLOCATION", "k7m2p9x3qa"), InstanceEnvironment.of(instance("203.0.113.7", "jenkins")));
    }

    @Test
    void withoutFloatingIpTheFixedAddressIsUsedAndUnsetFactsAreLeftOut() {
        Map<String, String> env = InstanceEnvironment.of(instance(null, null));
        assertEquals("10.0.0.5", env.get("INSTANCE_IP"));
        assertEquals(List.of("INSTANCE_ID", "INSTANCE_NAME", "INSTANCE_IP", "INSTANCE_ALLOCATION"),
                List.copyOf(env.keySet()));
    }
}
