package io.jenkins.plugins.packagepipeline.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogSource;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.DatabaseUrl;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A build configuration file (the command line's {@code --config}):
 *
 * <pre>{@code
 * data-directory: /var/lib/package-pipeline      # relative paths are relative to this file
 * catalog: catalog.yaml                   # a file, or a git repository refreshed before each run:
 * # catalog: {git: https://git.example.org/rdoinfo.git, branch: main, path: catalog.yaml}
 * release: trunk                          # default: the catalog's first release
 * database:                               # default: SQLite <data-directory>/build.db
 *   url: jdbc:postgresql://db.example.org:5432/trunk
 *   user: trunk
 *   password-env: TRUNK_DB_PASSWORD       # the password's environment variable (default PACKAGE_PIPELINE_DB_PASSWORD);
 *                                         # never in the file: a URL holding one is refused
 * builder: rpmbuild                       # or mock
 * mock-config: centos-stream-9-x86_64
 * dist: .el9
 * nodeps: true
 * build-timeout: 30m                      # 90s, 30m, 2h, 1d or PT1H30M (see Durations)
 * git-timeout: 2m
 * workers: 2
 * git-threads: 8
 * max-retries: 3
 * allow-force-rechecks: false            # true lets --force-recheck rebuild a SUCCESS pair (DLRN's
 *                                         # allow_force_rechecks)
 * }</pre>
 *
 * @param databaseUrl the JDBC URL, or null for SQLite in the data directory
 * @param databasePassword the password read from the environment, or null
 */
public record BuildConfig(BuildSettings settings, CatalogSource catalog, String databaseUrl, String databaseUser,
        String databasePassword) {

    private static final Set<String> FIELDS = Set.of("data-directory", "catalog", "release", "database", "builder",
            "mock-config", "dist", "nodeps", "build-timeout", "git-timeout", "workers", "git-threads", "max-retries",
            "allow-force-rechecks");
    private static final Set<String> DATABASE_FIELDS = Set.of("url", "user", "password-env");
    private static final Set<String> CATALOG_FIELDS = Set.of("git", "branch", "path");

    /** Reads a configuration file, taking secrets from {@code environment} (e.g. {@code System.getenv()}). */
    public static BuildConfig load(Path file, Map<String, String> environment) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new PackagePipelineException("Configuration file " + file + " does not exist.");
        } catch (JsonProcessingException e) {
            throw new PackagePipelineException("Configuration file " + file + " is not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        Reader reader = new Reader(file);
        if (root == null || !root.isObject()) {
            throw reader.problem("", "must be a mapping of settings");
        }
        reader.known(root, FIELDS, "");
        Path base = file.toAbsolutePath().getParent();
        String dataDirectory = reader.text(root, "data-directory");
        if (dataDirectory == null) {
            throw reader.problem("data-directory",
                    "is missing: where builds, the git cache and the SQLite database go");
        }
        BuildSettings defaults = BuildSettings.defaults(base.resolve(dataDirectory));
        BuildSettings settings = new BuildSettings(defaults.dataDir(), reader.text(root, "release"),
                reader.or(reader.text(root, "builder"), defaults.builder()),
                reader.or(reader.text(root, "dist"), defaults.dist()),
                reader.value(root, "nodeps", JsonNode::isBoolean, JsonNode::asBoolean, defaults.nodeps(), "true or false"),
                reader.or(reader.text(root, "mock-config"), defaults.mockConfig()),
                reader.duration(root, "build-timeout", defaults.buildTimeout()),
                reader.duration(root, "git-timeout", defaults.gitTimeout()),
                reader.count(root, "workers", defaults.workers(), 1), reader.count(root, "git-threads",
                        defaults.gitThreads(), 1), reader.count(root, "max-retries", defaults.maxRetries(), 0),
                reader.value(root, "allow-force-rechecks", JsonNode::isBoolean, JsonNode::asBoolean,
                        defaults.allowForceRechecks(), "true or false"));
        CatalogSource catalog = catalog(root.get("catalog"), reader, base);
        JsonNode database = root.get("database");
        String url = null;
        String user = null;
        String password = null;
        if (database != null && !database.isNull()) {
            if (!database.isObject()) {
                throw reader.problem("database", "must be a mapping with url, user, password-env");
            }
            reader.known(database, DATABASE_FIELDS, "database.");
            url = reader.text(database, "url");
            DatabaseUrl.refusePassword(url, "Configuration file " + file + ": field 'database.url'", "name the"
                    + " environment variable holding it with database.password-env (default: "
                    + DatabaseUrl.PASSWORD_ENV + ")");
            user = reader.text(database, "user");
            String passwordEnv = reader.text(database, "password-env");
            if (passwordEnv != null) {
                password = environment.get(passwordEnv);
                if (password == null) {
                    throw reader.problem("database.password-env", "names the environment variable " + passwordEnv
                            + ", which is not set");
                }
            } else {
                password = environment.get(DatabaseUrl.PASSWORD_ENV);
            }
        }
        return new BuildConfig(settings, catalog, url, user, password);
    }

    private static CatalogSource catalog(JsonNode node, Reader reader, Path base) {
        if (node == null || node.isNull()) {
            throw reader.problem("catalog", "is missing: a catalog file, or {git: URL, branch: B, path: P}");
        }
        if (node.isValueNode()) {
            return CatalogSource.ofFile(base.resolve(node.asText()));
        }
        reader.known(node, CATALOG_FIELDS, "catalog.");
        String git = reader.text(node, "git");
        if (git == null) {
            throw reader.problem("catalog.git", "is missing");
        }
        try {
            return CatalogSource.ofGit(git, reader.or(reader.text(node, "branch"), "main"),
                    reader.or(reader.text(node, "path"), "catalog.yaml"));
        } catch (PackagePipelineException e) {
            throw reader.problem("catalog", e.getMessage());
        }
    }

    /** This configuration with other settings (e.g. another data directory). */
    public BuildConfig withSettings(BuildSettings value) {
        return new BuildConfig(value, catalog, databaseUrl, databaseUser, databasePassword);
    }

    /** This configuration with another catalog. */
    public BuildConfig withCatalog(CatalogSource value) {
        return new BuildConfig(settings, value, databaseUrl, databaseUser, databasePassword);
    }

    /** Opens the build database this configuration names (SQLite in the data directory by default). */
    public BuildStore openStore() {
        if (databaseUrl == null) {
            return JdbcBuildStore.sqlite(settings.dataDir().resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
        }
        return JdbcBuildStore.open(databaseUrl, databaseUser, databasePassword);
    }

    /** Loads the catalog, refreshing its git repository first when it lives in one. */
    public Catalog loadCatalog() {
        return catalog.load(new GitCache(settings.gitCacheDir(), settings.gitTimeout()),
                settings.dataDir().resolve("catalog"));
    }

    @Override
    public String toString() {
        return "BuildConfig[" + settings + ", catalog=" + catalog + ", database="
                + (databaseUrl == null ? null : DatabaseUrl.mask(databaseUrl)) + "]";
    }

    /** Reads typed values, naming the file and the field in every problem. */
    private record Reader(Path file) {
        PackagePipelineException problem(String field, String problem) {
            return new PackagePipelineException("Configuration file " + file + ": "
                    + (field.isEmpty() ? "" : "field '" + field + "' ") + problem + ".");
        }

        void known(JsonNode node, Set<String> fields, String prefix) {
            List<String> unknown = new ArrayList<>();
            node.fieldNames().forEachRemaining(f -> {
                if (!fields.contains(f)) {
                    unknown.add(f);
                }
            });
            if (!unknown.isEmpty()) {
                throw problem(prefix + unknown.get(0), "is unknown (known fields: "
                        + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode() || value.asText().isBlank()) {
                throw problem(field, "must be a non-empty text");
            }
            return value.asText().strip();
        }

        String or(String value, String fallback) {
            return value == null ? fallback : value;
        }

        <T> T value(JsonNode node, String field, java.util.function.Predicate<JsonNode> valid,
                Function<JsonNode, T> read, T fallback, String expected) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!valid.test(value)) {
                throw problem(field, "'" + value.asText() + "' must be " + expected);
            }
            return read.apply(value);
        }

        int count(JsonNode node, String field, int fallback, int minimum) {
            int count = value(node, field, JsonNode::isInt, JsonNode::asInt, fallback, "a whole number");
            if (count < minimum) {
                throw problem(field, "'" + count + "' must be at least " + minimum);
            }
            return count;
        }

        Duration duration(JsonNode node, String field, Duration fallback) {
            String text = text(node, field);
            if (text == null) {
                return fallback;
            }
            return Durations.parsePositive(text, "Configuration file " + file + ": field '" + field + "'");
        }
    }
}
