package io.jenkins.plugins.packagepipeline.store;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database products the build database runs on, each with its JDBC data source and its own Flyway migrations
 * ({@code db/migration/<product>}). The SQL the store runs is common to both.
 */
enum Database {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    /** How long a SQLite connection waits for another writer (another thread or process) before failing. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    private final String migrations;

    Database(String migrations) {
        this.migrations = migrations;
    }

    /** What to check when the database cannot be opened. */
    String openHint() {
        return this == SQLITE ? "Check that the file's directory exists and is writable."
                : "Check the database URL, that the server is running and that the user may create tables.";
    }

    String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** Which product a JDBC URL names; anything else is a user error naming the URL. */
    static Database of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new PackagePipelineException("Unsupported build database URL '" + DatabaseUrl.mask(jdbcUrl)
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>.");
    }

    DataSource dataSource(String jdbcUrl, String user, String password) {
        if (this == SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: a committed record survives a power loss (NORMAL may roll the last ones back), so that the
            // record of a build always describes the output directory the engine moved into place and flushed
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
            config.enforceForeignKeys(true);
            // Writers take the lock when their transaction starts, so two writers never deadlock on an upgrade.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl(jdbcUrl);
            return dataSource;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
