package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.build.BuildEngine;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A whole trunk for end-to-end tests: a data directory with its SQLite build database, the build engine (rpmbuild,
 * 2 minute timeout, forced rechecks allowed), and the publisher whose public URL is a {@link StaticHttpServer} serving {@code repos/} on
 * 127.0.0.1.
 */
final class ServedRepos implements AutoCloseable {
    final Path dataDir;
    final Path repos;
    final StaticHttpServer server;
    final BuildStore store;
    final BuildEngine engine;
    final RepoPublisher publisher;

    ServedRepos(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.repos = Files.createDirectories(dataDir.resolve("repos"));
        this.server = new StaticHttpServer(repos);
        this.store = JdbcBuildStore.sqlite(dataDir.resolve("build.db"));
        this.engine = new BuildEngine(BuildSettings.defaults(dataDir).withBuildTimeout(Duration.ofMinutes(2))
                .withAllowForceRechecks(true), store);
        this.publisher = new RepoPublisher(RepoConfig.defaults(dataDir).withPublicUrl(URI.create(server.url())),
                store);
    }

    /** The URL of the published public key. */
    String gpgkeyUrl() {
        return server.url() + "RPM-GPG-KEY-package-pipeline";
    }

    @Override
    public void close() {
        store.close();
        server.close();
    }
}
