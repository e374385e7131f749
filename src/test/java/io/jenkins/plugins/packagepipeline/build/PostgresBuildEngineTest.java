package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import io.jenkins.plugins.packagepipeline.store.PostgresServer;
import java.nio.file.Path;

/** The build engine's end-to-end suite on a real PostgreSQL 15 started by the test. */
class PostgresBuildEngineTest extends BuildEngineContract {
    @Override
    BuildStore openStore(Path dataDir) {
        PostgresServer server = PostgresServer.shared();
        return JdbcBuildStore.open(server.newDatabase(), server.user(), null);
    }
}
