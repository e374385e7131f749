package io.jenkins.plugins.packagepipeline.jenkins.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repo target's publishing settings ({@code sources}, {@code components}, {@code toolTimeout}, the command line's
 * {@code --sources}, {@code --components}, {@code --tool-timeout}) on their way from the target to the engine:
 * into the requests of {@code publishRepo} and {@code purgeRepo}, across the agent channel, into the engine's
 * {@link RepoConfig}, and into the snapshot the real engine publishes.
 */
class PublishOptionsTest {

    @TempDir
    Path dataDir;

    private RepoTarget target() {
        RepoTarget target = new RepoTarget("trunk", dataDir.toString());
        target.setSources(true);
        target.setComponents(true);
        target.setToolTimeout(" 90s ");
        return target;
    }

    @Test
    void aTargetsSettingsGoIntoBothRequestsAcrossTheChannelAndIntoTheEnginesConfig() throws Exception {
        RepoTarget target = target();
        PublishOptions expected = new PublishOptions(true, true, Duration.ofSeconds(90));

        PublishRequest publish = PublishWork.request(target, false, PublishSelection.latest(),
                new FakeCredentials().lookup());
        PurgeRequest purge = PurgeWork.request(target, "14d", false, false, new FakeCredentials().lookup());

        assertEquals(expected, publish.options());
        assertEquals(expected, purge.options());
        assertEquals(publish, roundTrip(publish), "the options cross the agent channel");
        assertEquals(purge, roundTrip(purge));
        RepoConfig config = RepoPublishing.config("trunk", dataDir, "https://trunk.example.org/", publish.options());
        assertTrue(config.includeSources());
        assertTrue(config.components());
        assertEquals(Duration.ofSeconds(90), config.toolTimeout());
        assertEquals("trunk", config.repoName());
        assertEquals("https://trunk.example.org/current/", config.publicUrlOf("current/"));
    }

    @Test
    void aTargetWithoutSettingsPublishesAsTheEngineDoesByDefault() throws Exception {
        RepoTarget target = new RepoTarget("trunk", dataDir.toString());
        assertFalse(target.isSources());
        assertFalse(target.isComponents());
        assertEquals(RepoTarget.DEFAULT_TOOL_TIMEOUT, target.getToolTimeout());
        target.setToolTimeout(" ");
        assertEquals(RepoTarget.DEFAULT_TOOL_TIMEOUT, target.getToolTimeout(), "blank: the default");

        PublishOptions options = PublishWork.request(target, false, PublishSelection.latest(),
                new FakeCredentials().lookup()).options();

        RepoConfig engine = RepoConfig.defaults(dataDir);
        assertEquals(new PublishOptions(engine.includeSources(), engine.components(), engine.toolTimeout()), options);
        assertEquals(engine.toolTimeout(), Durations.parsePositive(RepoTarget.DEFAULT_TOOL_TIMEOUT, "default"));
        assertEquals(PublishOptions.defaults(), new PublishRequest("trunk", dataDir.toString(), null, null).options());
        assertEquals(PublishOptions.defaults(), new PurgeRequest("trunk", dataDir.toString(), null, null, "14d", false,
                null).options());
    }

    @Test
    void aBadToolTimeoutFailsOnTheControllerNamingTheTargetBeforeAnyCredentialIsRead() {
        RepoTarget target = target();
        target.setToolTimeout("30");
        target.setSigningKeyCredentialsId("trunk-signing-key");
        FakeCredentials credentials = new FakeCredentials()
                .add(FakeCredentials.secretFile("trunk-signing-key", "trunk.asc", "KEY"));

        PackagePipelineException publish = assertThrows(PackagePipelineException.class,
                () -> PublishWork.request(target, false, PublishSelection.latest(), credentials.lookup()));
        PackagePipelineException purge = assertThrows(PackagePipelineException.class,
                () -> PurgeWork.request(target, "14d", false, false, credentials.lookup()));

        assertEquals("Repo target 'trunk': toolTimeout '30' is not a duration (a bare number is refused: add its"
                + " unit, e.g. 30s or 30m); write " + Durations.SYNTAX + ".", publish.getMessage());
        assertEquals(publish.getMessage(), purge.getMessage());
        assertEquals(List.of(), credentials.used, "no credential was read");
    }

    /**
     * With {@code sources} and {@code components}, the real engine publishes one sub-repository per component, the
     * SRPM in its component's, and a {@code .repo} file with a section per component.
     */
    @Test
    void sourcesAndComponentsShapeTheSnapshotThatIsPublished() throws Exception {
        BuildRecord core;
        try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE))) {
            TargetBuilds builds = new TargetBuilds(dataDir, store);
            builds.successWithSrpm("tools", "2.0", "5b9c1e3a7d4f6b8c0e2a4c6e8a0c2e4a6c8e0a2c",
                    Instant.parse("2026-11-01T09:00:00Z"), null);
            core = builds.successWithSrpm("hello", "1.0", "3f7a9c1e5b2d4f6a8c0e1b3d5f7a9c1e5b2d4f6a",
                    Instant.parse("2026-11-01T10:05:00Z"), "core");
        }
        PublishRequest request = PublishWork.request(target(), false, PublishSelection.latest(),
                new FakeCredentials().lookup());

        RepoPublishing.publish(request, line -> { });

        Path current = dataDir.resolve("repos/current");
        assertEquals(dataDir.resolve(core.repoDir()).toRealPath(), current.toRealPath());
        for (String component : List.of("core", "default")) {
            assertTrue(Files.isRegularFile(current.resolve("components/" + component + "/repodata/repomd.xml")),
                    component);
        }
        assertEquals(List.of("hello-1.0-1.3f7a9c1.noarch.rpm", "hello-1.0-1.3f7a9c1.src.rpm"),
                rpms(current.resolve("components/core")), "the SRPM is in its component's repository");
        assertEquals(List.of("tools-2.0-1.5b9c1e3.noarch.rpm", "tools-2.0-1.5b9c1e3.src.rpm"),
                rpms(current.resolve("components/default")));
        String repoFile = Files.readString(current.resolve("trunk.repo"));
        assertTrue(repoFile.contains("[trunk-core]") && repoFile.contains("[trunk-default]"), repoFile);
    }

    private static List<String> rpms(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rpm")).sorted().toList();
        }
    }

    private static Object roundTrip(Object request) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
