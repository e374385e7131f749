package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.packagepipeline.cloud.CloudConnection;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.cloud.CloudsYaml;
import io.jenkins.plugins.packagepipeline.cloud.DestroyResult;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.Provisioner;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the cloud steps do between Jenkins and the engine, against the project's test OpenStack on 127.0.0.1
 * (src/test/openstack; {@code .ci/run} starts it): a configured cloud with instance defaults, username/password
 * credentials scoped by the cloud's project, the step's arguments over the defaults, the environment
 * {@code withInstance} exposes, destroy, and the console masking the password throughout.
 */
@Tag("openstack")
class CloudStepsOnTestOpenStackTest {

    private static CloudCredentials.Password testCredentials() {
        String configured = System.getenv("PP_OPENSTACK_CLOUDS_YAML");
        Path file = Path.of(configured != null ? configured : "/tmp/package-pipeline-openstack/clouds.yaml");
        if (!Files.isRegularFile(file)) {
            fail("The test OpenStack is not running (no " + file + "): start it with 'sudo src/test/openstack/up.sh 4'"
                    + " or leave these tests out with -Dtest.excludedGroups=openstack");
        }
        CloudConnection connection = CloudsYaml.read(file, "package-pipeline-test");
        return (CloudCredentials.Password) connection.credentials();
    }

    private static OpenStackCloud configuredCloud(CloudCredentials.Password test) {
        OpenStackCloud cloud = new OpenStackCloud("test", "http://127.0.0.1:5000/v3", "test-admin");
        cloud.setRegion("RegionOne");
        cloud.setUserDomain(test.userDomain());
        cloud.setProjectName(test.project());
        cloud.setProjectDomain(test.projectDomain());
        cloud.setImage("cirros");
        cloud.setFlavor("m1.large");
        cloud.setNetwork("private");
        cloud.setProvisionTimeout("5m");
        return cloud;
    }

    @Test
    void provisionsWithTheStepsArgumentsOverTheCloudsDefaultsAndDestroysEverything() throws Exception {
        CloudCredentials.Password test = testCredentials();
        OpenStackCloud cloud = configuredCloud(test);
        CloudCredentials credentials = CloudLogin.password(cloud, "test-admin", test.user(), test.password());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleLog log = new ConsoleLog(new PrintStream(console, true, StandardCharsets.UTF_8), SecretMasker.none())
                .masking(credentials.secrets());
        InstanceArguments arguments = new InstanceArguments();
        arguments.setNamePrefix("pp-glue");
        arguments.setFlavor("m1.tiny");
        arguments.setLease("1h");

        Instance instance = CloudLogin.withSession(cloud, credentials, log.progress(), session -> {
            Instance made = new Provisioner(session).provision(arguments.toSpec("withInstance", cloud,
                    new InstanceArguments.Origin("https://ci.example.org/", "glue/test", "7")), log.progress());
            try {
                Map<String, String> env = InstanceEnvironment.of(made);
                assertTrue(env.get("INSTANCE_NAME").startsWith("pp-glue-"), env.toString());
                assertEquals(made.id(), env.get("INSTANCE_ID"));
                assertTrue(env.get("INSTANCE_IP").matches("[0-9.]+"), env.toString());
                assertEquals("glue/test", made.ownership().job());
                assertEquals("7", made.ownership().build());
            } finally {
                DestroyResult destroyed = new Provisioner(session).destroy(made.allocation(), log.progress());
                assertFalse(destroyed.removed().isEmpty(), "destroy removed the server and what came with it");
            }
            assertEquals(List.of(), new Provisioner(session).resourcesOf(made.allocation()),
                    "nothing of the allocation is left");
            return made;
        });

        assertEquals("ACTIVE", instance.status());
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[Package Pipeline]   provisioning " + instance.name()), text);
        assertFalse(text.contains(test.password()), "the password never reaches the console");
    }

    @Test
    void aWrongPasswordFailsAtLoginWithoutShowingIt() {
        CloudCredentials.Password test = testCredentials();
        OpenStackCloud cloud = configuredCloud(test);
        String wrong = "not-the-password-" + System.nanoTime();
        CloudCredentials credentials = CloudLogin.password(cloud, "test-admin", test.user(), wrong);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> CloudLogin.withSession(cloud, credentials, line -> { }, session -> "logged in"));
        String message = SecretMasker.of(credentials.secrets()).mask(String.valueOf(e.getMessage()));
        assertFalse(String.valueOf(e.getMessage()).contains(wrong), e.getMessage());
        assertTrue(message.length() > 0);
    }
}
