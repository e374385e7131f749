package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's test OpenStack (src/test/openstack): where its clouds.yaml is, a shared session, and a clear
 * failure (never a silent skip) when it is not running.
 */
final class TestOpenStack {
    static final String CLOUD = "package-pipeline-test";
    static final String IMAGE = "cirros";
    static final String FLAVOR = "m1.tiny";
    static final String NETWORK = "private";
    static final String FLOATING_POOL = "public";
    private static final String HOW_TO_START = "The test OpenStack is not running. Start it with "
            + "'sudo src/test/openstack/up.sh 4' (see src/test/openstack/README.md; .ci/run does it), or run the "
            + "fast suite alone with -Dtest.excludedGroups=openstack";
    private static CloudSession session;

    private TestOpenStack() {
    }

    static Path cloudsYaml() {
        String configured = System.getenv("PP_OPENSTACK_CLOUDS_YAML");
        return Path.of(configured != null ? configured : "/tmp/package-pipeline-openstack/clouds.yaml");
    }

    static CloudConnection connection() {
        Path file = cloudsYaml();
        if (!Files.isRegularFile(file)) {
            fail(HOW_TO_START + " (no " + file + ")");
        }
        CloudConnection connection = CloudsYaml.read(file, CLOUD);
        URI url = connection.authUrl();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
        } catch (IOException e) {
            fail(HOW_TO_START + " (Keystone at " + url + " does not answer: " + e.getMessage() + ")");
        }
        return connection;
    }

    static synchronized CloudSession session() {
        if (session == null) {
            session = CloudSession.open(connection(), ProgressListener.NONE);
        }
        return session;
    }

    /** A listener that keeps every line (and prints it, for the test report). */
    static class Lines implements ProgressListener {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(String line) {
            lines.add(line);
            System.out.println("[cloud] " + line);
        }

        String allocation() {
            for (String line : lines) {
                int at = line.indexOf("(allocation ");
                if (at >= 0) {
                    return line.substring(at + "(allocation ".length(), line.indexOf(')', at));
                }
            }
            return null;
        }

        String all() {
            return String.join("\n", lines);
        }
    }
}
