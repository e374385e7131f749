package io.jenkins.plugins.packagepipeline.store;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway PostgreSQL 15 for tests: {@code initdb} into a temporary directory owned by the
 * {@code postgres} user, {@code postgres} listening on 127.0.0.1 on a free port (its unix socket in that
 * directory), stopped and deleted when the test JVM exits. One server per JVM; each test takes a fresh database
 * with {@link #newDatabase()}. When the PostgreSQL binaries are missing the test fails with what to install wherever
 * tools are required ({@code -Dpackagepipeline.requireTools=true}: the offline build and .ci/run); only the canonical
 * build on ci.jenkins.io, which has no PostgreSQL, skips it.
 */
public final class PostgresServer {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String OS_USER = "postgres";
    /** The one role that must give its password (scram-sha-256); every other connects on trust. */
    public static final String PASSWORD_USER = "pp_password_user";
    private static PostgresServer shared;

    private final Path directory;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop test PostgreSQL"));
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database on the server. */
    public String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), OS_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + url("postgres"), e);
        }
        return url(name);
    }

    public String user() {
        return OS_USER;
    }

    /**
     * A JDBC URL of a new, empty database owned by {@link #PASSWORD_USER}, whose password becomes
     * {@code password}: connecting to it proves that a password really was sent.
     */
    public String newDatabaseNeedingPassword(String password) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), OS_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN CREATE ROLE " + PASSWORD_USER + " LOGIN; EXCEPTION WHEN duplicate_object"
                    + " THEN NULL; END $$");
            statement.execute("ALTER ROLE " + PASSWORD_USER + " PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("CREATE DATABASE " + name + " OWNER " + PASSWORD_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + url("postgres"), e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(BIN.resolve(tool))) {
                String message = "PostgreSQL 15 is not installed: " + BIN.resolve(tool) + " is missing. Install the"
                        + " Debian package 'postgresql' (bash .ci/run does) to run the PostgreSQL tests.";
                if (Boolean.getBoolean("packagepipeline.requireTools")) {
                    Assertions.fail(message); // the offline build and CI: a missing PostgreSQL fails the test
                }
                Assumptions.abort(message); // the canonical build on ci.jenkins.io, which has no PostgreSQL
            }
        }
        try {
            Path directory = Files.createTempDirectory("package-pipeline-postgres-");
            run("chown", OS_USER + ":", directory.toString());
            Path data = directory.resolve("data");
            asPostgres(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", OS_USER, "--auth=trust",
                    "--encoding=UTF8", "--no-sync").requireSuccess("initdb of the test PostgreSQL");
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n"
                    + Files.readString(hba));
            int port = freePort();
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c max_connections=200", "start")
                    .requireSuccess("start of the test PostgreSQL (log: " + directory.resolve("server.log") + ")");
            return new PostgresServer(directory, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test PostgreSQL", e);
        }
    }

    private void stop() {
        try {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop");
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL in " + directory + ": " + e);
        }
    }

    private static ProcessResult asPostgres(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        line.addAll(List.of(command));
        return ProcessRunner.command(line).timeout(Duration.ofMinutes(2)).run();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        ProcessRunner.command(command).timeout(Duration.ofMinutes(1)).run().requireSuccess(String.join(" ", command));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
