package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.nio.file.Path;

/** The build engine's end-to-end suite on the default SQLite build database in the data directory. */
class SqliteBuildEngineTest extends BuildEngineContract {
    @Override
    BuildStore openStore(Path dataDir) {
        return JdbcBuildStore.sqlite(dataDir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
    }
}
