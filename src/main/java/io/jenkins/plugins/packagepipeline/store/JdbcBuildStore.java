package io.jenkins.plugins.packagepipeline.store;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The build database behind JDBC: a SQLite file by default (zero set-up, WAL journal, safe for several threads and
 * processes), or PostgreSQL by JDBC URL. The schema is created and upgraded by Flyway migrations
 * ({@code db/migration/sqlite}, {@code db/migration/postgresql}) when the store is opened.
 *
 * <pre>{@code
 * try (BuildStore store = JdbcBuildStore.sqlite(dataDir.resolve("build.db"))) { ... }
 * try (BuildStore store = JdbcBuildStore.open("jdbc:postgresql://db:5432/trunk", "trunk", password)) { ... }
 * }</pre>
 *
 * Each operation takes its own connection; each write is one transaction.
 */
public final class JdbcBuildStore implements BuildStore {
    /** The SQLite file the store uses in a data directory when no database URL is configured. */
    public static final String DEFAULT_SQLITE_FILE = "build.db";

    private static final String SELECT = "SELECT b.id, p.name, p.project, b.source_commit, b.distgit_commit,"
            + " b.source_branch, b.distgit_branch, b.component, b.status, b.commit_time, b.build_time, b.nvr,"
            + " b.artifacts, b.repo_dir, b.notes, b.retries, b.purged FROM builds b JOIN packages p"
            + " ON p.id = b.package_id";
    /** The setting holding when DLRN imports began to be tracked (epoch ms), written by migration V2. */
    private static final String TRACKED_SINCE = "dlrn_imports_tracked_since";
    /** The setting holding the name the repositories are published under. */
    private static final String REPO_NAME = "repo_name";
    private static final String NEWEST_COMMIT_FIRST =
            " ORDER BY COALESCE(b.commit_time, 0) DESC, COALESCE(b.build_time, 0) DESC, b.id DESC";

    private final DataSource dataSource;
    private final String description;
    private final SecretMasker masker;
    /** Serializes this store's writes; the database serializes them across processes. */
    private final ReentrantLock writeLock = new ReentrantLock();

    private JdbcBuildStore(DataSource dataSource, String description, SecretMasker masker) {
        this.dataSource = dataSource;
        this.description = description;
        this.masker = masker;
    }

    /** Opens (creating and migrating when needed) the SQLite build database in this file. */
    public static JdbcBuildStore sqlite(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot create the directory of the build database " + file + ": "
                    + e.getMessage(), e);
        }
        return open(Database.sqliteUrl(file), null, null);
    }

    /**
     * Opens the build database at a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}), migrating its
     * schema to the current version. {@code user} and {@code password} may be null (SQLite, or a server that needs
     * none); a password in the URL itself is refused ({@link DatabaseUrl}).
     *
     * @throws PackagePipelineException naming the URL (password masked) when it holds a password, or cannot be
     *     reached or migrated
     */
    public static JdbcBuildStore open(String jdbcUrl, String user, String password) {
        DatabaseUrl.refusePassword(jdbcUrl, "The build database URL", "give the password on its own: $"
                + DatabaseUrl.PASSWORD_ENV + " for the command line, database.password-env in a configuration file,"
                + " a credential in Jenkins");
        Database database = Database.of(jdbcUrl);
        SecretMasker masker = password == null ? SecretMasker.none() : SecretMasker.of(password);
        String description = masker.mask(DatabaseUrl.mask(jdbcUrl));
        DataSource dataSource = database.dataSource(jdbcUrl, user, password);
        try {
            Flyway.configure(JdbcBuildStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .loggers("slf4j")
                    .locations(database.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new PackagePipelineException("Cannot open the build database " + description + ": "
                    + masker.mask(rootMessage(e)) + ". " + database.openHint(), null);
        }
        return new JdbcBuildStore(dataSource, description, masker);
    }

    /** The store's database URL with any password masked, for messages. */
    public String description() {
        return description;
    }

    @Override
    public BuildRecord record(BuildRecord build) {
        writeLock.lock();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                long packageId = upsertPackage(connection, build);
                long id = upsertBuild(connection, packageId, build);
                connection.commit();
                return build.withId(id);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record the build of " + build.packageName() + " at " + build.sourceCommit(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private static long upsertPackage(Connection connection, BuildRecord build) throws SQLException {
        long now = Instant.now().toEpochMilli();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO packages (name, project, component, first_built, last_built) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET project = excluded.project,"
                        + " component = excluded.component, last_built = excluded.last_built")) {
            insert.setString(1, build.packageName());
            insert.setString(2, build.project());
            insert.setString(3, build.component());
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
        return selectId(connection, "SELECT id FROM packages WHERE name = ?", build.packageName());
    }

    private static long upsertBuild(Connection connection, long packageId, BuildRecord build) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO builds (package_id, source_commit, distgit_commit, source_branch, distgit_branch,"
                        + " component, status, commit_time, build_time, nvr, artifacts, repo_dir, notes, retries,"
                        + " purged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (package_id, source_commit, distgit_commit) DO UPDATE SET"
                        + " source_branch = excluded.source_branch, distgit_branch = excluded.distgit_branch,"
                        + " component = excluded.component, status = excluded.status,"
                        + " commit_time = excluded.commit_time, build_time = excluded.build_time,"
                        + " nvr = excluded.nvr, artifacts = excluded.artifacts, repo_dir = excluded.repo_dir,"
                        + " notes = excluded.notes, retries = excluded.retries, purged = excluded.purged")) {
            int i = 1;
            insert.setLong(i++, packageId);
            insert.setString(i++, build.sourceCommit());
            insert.setString(i++, build.distgitCommit());
            insert.setString(i++, build.sourceBranch());
            insert.setString(i++, build.distgitBranch());
            insert.setString(i++, build.component());
            insert.setString(i++, build.status().name());
            setInstant(insert, i++, build.commitTime());
            setInstant(insert, i++, build.buildTime());
            insert.setString(i++, build.nvr());
            insert.setString(i++, String.join("\n", build.artifacts()));
            insert.setString(i++, build.repoDir());
            insert.setString(i++, build.notes());
            insert.setInt(i++, build.retries());
            insert.setBoolean(i, build.purged());
            insert.executeUpdate();
        }
        return selectId(connection, "SELECT id FROM builds WHERE package_id = ? AND source_commit = ?"
                + " AND distgit_commit = ?", packageId, build.sourceCommit(), build.distgitCommit());
    }

    @Override
    public Optional<BuildRecord> find(String packageName, String sourceCommit, String distgitCommit) {
        return first(query(SELECT + " WHERE p.name = ? AND b.source_commit = ? AND b.distgit_commit = ?",
                packageName, sourceCommit, distgitCommit));
    }

    @Override
    public Optional<BuildRecord> lastProcessed(String packageName) {
        return first(query(SELECT + " WHERE p.name = ?" + NEWEST_COMMIT_FIRST + " LIMIT 1", packageName));
    }

    @Override
    public Optional<BuildRecord> lastSuccessful(String packageName) {
        return first(query(SELECT + " WHERE p.name = ? AND b.status = 'SUCCESS'" + NEWEST_COMMIT_FIRST + " LIMIT 1",
                packageName));
    }

    @Override
    public List<BuildRecord> latestPerPackage() {
        return latestPerPackageWhere("");
    }

    @Override
    public List<BuildRecord> latestSuccessfulPerPackage() {
        return latestPerPackageWhere(" WHERE b.status = 'SUCCESS'");
    }

    private List<BuildRecord> latestPerPackageWhere(String where) {
        return query("SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.package_id ORDER BY"
                + " COALESCE(r.commit_time, 0) DESC, COALESCE(r.build_time, 0) DESC, r.id DESC) AS position"
                + " FROM (" + SELECT.replace("SELECT b.id,", "SELECT b.package_id, b.id,") + where + ") r) ranked"
                + " WHERE position = 1 ORDER BY name");
    }

    @Override
    public List<BuildRecord> recent(int limit) {
        return query(SELECT + " ORDER BY COALESCE(b.build_time, 0) DESC, b.id DESC LIMIT ?", limit);
    }

    @Override
    public List<BuildRecord> history(String packageName) {
        return query(SELECT + " WHERE p.name = ?" + NEWEST_COMMIT_FIRST, packageName);
    }

    @Override
    public void markPurged(long id) {
        writeLock.lock();
        try (Connection connection = connect();
                PreparedStatement update = connection.prepareStatement("UPDATE builds SET purged = ? WHERE id = ?")) {
            update.setBoolean(1, true);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new PackagePipelineException("No build with id " + id + " in the build database "
                        + description + " to mark purged.");
            }
        } catch (SQLException e) {
            throw failure("mark build " + id + " purged", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<BuildRecord> notImportedInto(String dlrnApiUrl) {
        return query(SELECT + " WHERE b.status = 'SUCCESS' AND NOT b.purged AND NOT EXISTS (SELECT 1 FROM"
                + " dlrn_imports d WHERE d.build_id = b.id AND d.api_url = ?)"
                + " ORDER BY COALESCE(b.build_time, 0), b.id", dlrnApiUrl);
    }

    @Override
    public void recordDlrnImport(long buildId, String dlrnApiUrl, DlrnImportState state) {
        update("record build " + buildId + " as " + state + " into the DLRN API " + dlrnApiUrl,
                "INSERT INTO dlrn_imports (build_id, api_url, state, recorded_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (build_id, api_url) DO NOTHING",
                buildId, dlrnApiUrl, state.name(), Instant.now().toEpochMilli());
    }

    @Override
    public Optional<DlrnImportState> dlrnImportState(long buildId, String dlrnApiUrl) {
        return texts("read the DLRN import state of build " + buildId + " for the DLRN API " + dlrnApiUrl,
                "SELECT state FROM dlrn_imports WHERE build_id = ? AND api_url = ?", buildId, dlrnApiUrl).stream()
                .findFirst().map(DlrnImportState::valueOf);
    }

    @Override
    public List<String> dlrnApiUrls() {
        return texts("read the DLRN API URLs of the DLRN import states",
                "SELECT DISTINCT api_url FROM dlrn_imports ORDER BY api_url");
    }

    @Override
    public Instant dlrnImportsTrackedSince() {
        String value = setting(TRACKED_SINCE).orElseThrow(() -> new PackagePipelineException("The build database "
                + description + " lacks its setting '" + TRACKED_SINCE + "' (written by its migration to version 2):"
                + " was the settings table edited by hand?"));
        return Instant.ofEpochMilli(Long.parseLong(value));
    }

    @Override
    public Optional<String> repoName() {
        return setting(REPO_NAME);
    }

    @Override
    public void recordRepoName(String name) {
        update("record the repository name '" + name + "'", "INSERT INTO settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value", REPO_NAME, name);
    }

    private Optional<String> setting(String name) {
        return texts("read the setting " + name, "SELECT value FROM settings WHERE name = ?", name).stream()
                .findFirst();
    }

    /** Runs one write statement under the write lock; {@code what} names it in a failure's message. */
    private void update(String what, String sql, Object... parameters) {
        writeLock.lock();
        try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The first column of every row a query answers, as text; {@code what} names it in a failure's message. */
    private List<String> texts(String what, String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    @Override
    public void close() {
        // Connections are per operation: nothing stays open.
    }

    private Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    private List<BuildRecord> query(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<BuildRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw failure("read builds", e);
        }
    }

    private static BuildRecord read(ResultSet row) throws SQLException {
        String artifacts = row.getString("artifacts");
        return new BuildRecord(row.getLong("id"), row.getString("name"), row.getString("project"),
                row.getString("source_commit"), row.getString("distgit_commit"), row.getString("source_branch"),
                row.getString("distgit_branch"), row.getString("component"),
                BuildStatus.valueOf(row.getString("status")), instant(row, "commit_time"),
                instant(row, "build_time"), row.getString("nvr"),
                artifacts == null || artifacts.isEmpty() ? List.of() : Arrays.asList(artifacts.split("\n")),
                row.getString("repo_dir"), row.getString("notes"), row.getInt("retries"), row.getBoolean("purged"));
    }

    private static long selectId(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("row just written is missing: " + sql);
                }
                return rows.getLong(1);
            }
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Optional<BuildRecord> first(List<BuildRecord> records) {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
    }

    private PackagePipelineException failure(String what, SQLException e) {
        return new PackagePipelineException("Cannot " + what + " in the build database " + description + ": "
                + masker.mask(rootMessage(e)), null);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }

}
