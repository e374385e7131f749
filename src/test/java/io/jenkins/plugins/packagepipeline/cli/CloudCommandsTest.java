package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenStack subcommands end to end against the test OpenStack, reading their JSON output. */
@Tag("openstack")
class CloudCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String cloudsYaml() {
        String configured = System.getenv("PP_OPENSTACK_CLOUDS_YAML");
        Path file = Path.of(configured != null ? configured : "/tmp/package-pipeline-openstack/clouds.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("The test OpenStack is not running: start it with 'sudo src/test/openstack/up.sh "
                    + "4' (see src/test/openstack/README.md), or exclude with -Dtest.excludedGroups=openstack");
        }
        return file.toString();
    }

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--clouds-yaml=" + cloudsYaml());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PackagePipelineCommand.execute(all.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void provisionPrintsJsonWritesTheKeyPrivatelyAndDestroyIsIdempotent(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("id_pp");
        Run provision = run("provision", "--name-prefix", "pp-cli", "--image", "cirros", "--flavor", "m1.tiny",
                "--network", "private", "--generate-key-pair", "--private-key-file", key.toString(),
                "--create-security-group", "22,80,443,3300", "--metadata", "role=repo", "--job", "cli-test",
                "--build", "9");
        assertEquals(0, provision.exit(), provision.err());
        JsonNode instance = provision.json();
        try {
            assertEquals("ACTIVE", instance.get("status").asText());
            assertTrue(instance.get("keyPairGenerated").asBoolean());
            assertEquals("cli-test", instance.get("ownership").get("package-pipeline.job").asText());
            assertTrue(Files.readString(key).startsWith("-----BEGIN"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertFalse(provision.out().contains("BEGIN") || provision.err().contains("BEGIN"), "key never printed");
            assertTrue(provision.err().contains("server " + instance.get("name").asText() + ": ACTIVE"),
                    provision.err());
        } finally {
            Run destroy = run("destroy", instance.get("id").asText());
            assertEquals(0, destroy.exit(), destroy.err());
            assertEquals(3, destroy.json().get("removed").size(), "server, security group, key pair: " + destroy.out());
        }
        Run again = run("destroy", instance.get("allocation").asText());
        assertEquals(0, again.exit(), again.err());
        assertEquals(0, again.json().get("removed").size());

        Run sweep = run("sweep");
        assertEquals(0, sweep.exit(), sweep.err());
        assertTrue(sweep.json().get("dryRun").asBoolean());
    }

    @Test
    void generatedKeyWithoutFileIsRefusedBeforeTouchingTheCloud() {
        Run run = run("provision", "--name", "pp-nokey", "--image", "cirros", "--flavor", "m1.tiny",
                "--generate-key-pair");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--generate-key-pair needs --private-key-file"), run.err());
    }
}
