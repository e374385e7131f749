package io.jenkins.plugins.packagepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build database contract on a real SQLite file, plus what is SQLite's own (file, WAL, URL errors). */
class SqliteBuildStoreTest extends BuildStoreContract {
    @TempDir
    Path dir;

    @Override
    String newDatabaseUrl() throws Exception {
        return Database.sqliteUrl(Files.createTempDirectory(dir, "data").resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
    }

    @Override
    String user() {
        return null;
    }

    @Test
    void createsTheFileAndItsDirectoryAndUsesTheWalJournal() throws Exception {
        Path file = dir.resolve("new/dir/build.db");
        try (JdbcBuildStore created = JdbcBuildStore.sqlite(file)) {
            created.record(build("hello", hash('a'), hash('b'), BuildStatus.SUCCESS, T0));
        }
        assertTrue(Files.isRegularFile(file));
        try (Connection connection = DriverManager.getConnection(Database.sqliteUrl(file));
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
    }

    @Test
    void commitsAreFlushedSoThatTheySurviveAPowerLoss() throws Exception {
        String url = Database.sqliteUrl(dir.resolve("durable.db"));
        try (Connection connection = Database.SQLITE.dataSource(url, null, null).getConnection();
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA synchronous")) {
            mode.next();
            assertEquals(2, mode.getInt(1), "synchronous=FULL: NORMAL may lose the last commits in a power loss");
        }
    }

    @Test
    void anUnsupportedUrlNamesItWithoutItsPassword() {
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> JdbcBuildStore.open("jdbc:mysql://db/trunk?user=u&password=hunter2", null, null));
        assertTrue(e.getMessage().contains("jdbc:mysql://db/trunk?user=u&password=****"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void anUnwritableFileIsAClearError() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> JdbcBuildStore.sqlite(blocker.resolve("build.db")));
        assertTrue(e.getMessage().contains(blocker.resolve("build.db").toString()), e.getMessage());
    }
}
