package io.jenkins.plugins.packagepipeline.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildConfigTest {
    @TempDir
    Path dir;

    BuildConfig load(String yaml, Map<String, String> environment) throws Exception {
        return BuildConfig.load(Files.writeString(dir.resolve("config.yaml"), yaml), environment);
    }

    String error(String yaml) {
        return assertThrows(PackagePipelineException.class, () -> load(yaml, Map.of())).getMessage();
    }

    @Test
    void readsEverySettingWithPathsRelativeToTheFile() throws Exception {
        BuildConfig config = load("""
                data-directory: data
                catalog: {git: https://git.example.org/rdoinfo.git, branch: stable, path: meta/catalog.yaml}
                release: stable
                database: {url: "jdbc:postgresql://db:5432/trunk", user: trunk, password-env: DB_PASSWORD}
                builder: rpmbuild
                dist: .el10
                nodeps: false
                build-timeout: 90s
                git-timeout: PT1H
                workers: 4
                git-threads: 16
                max-retries: 0
                allow-force-rechecks: true
                """, Map.of("DB_PASSWORD", "s3cr3t-value"));
        BuildSettings settings = config.settings();
        assertEquals(dir.resolve("data"), settings.dataDir());
        assertEquals("stable", settings.release());
        assertEquals(".el10", settings.dist());
        assertFalse(settings.nodeps());
        assertEquals(Duration.ofSeconds(90), settings.buildTimeout());
        assertEquals(Duration.ofHours(1), settings.gitTimeout());
        assertEquals(4, settings.workers());
        assertEquals(16, settings.gitThreads());
        assertEquals(0, settings.maxRetries());
        assertTrue(settings.allowForceRechecks());
        assertEquals("https://git.example.org/rdoinfo.git", config.catalog().gitUrl());
        assertEquals(Path.of("meta/catalog.yaml"), config.catalog().file());
        assertEquals("s3cr3t-value", config.databasePassword());
        assertFalse(config.toString().contains("s3cr3t-value"), config.toString());
    }

    @Test
    void aPasswordInTheDatabaseUrlIsRefusedAndStillMaskedInTheDescription() throws Exception {
        for (String url : new String[] {"jdbc:postgresql://db:5432/trunk?user=trunk&password=in-url-s3cret&ssl=true",
                "jdbc:postgresql://trunk:in-url-s3cret@db:5432/trunk?ssl=true"}) {
            String error = error("data-directory: d\ncatalog: c\ndatabase: {url: \"" + url + "\"}\n");
            assertTrue(error.contains("field 'database.url' 'jdbc:postgresql://"), error);
            assertTrue(error.contains("holds a password, which would show in the process list and in files: remove"
                    + " it from the URL and name the environment variable holding it with database.password-env"
                    + " (default: PACKAGE_PIPELINE_DB_PASSWORD)."), error);
            assertFalse(error.contains("in-url-s3cret"), error);
            // Defence in depth: a configuration made some other way still never shows the password.
            BuildConfig made = new BuildConfig(BuildSettings.defaults(dir), null, url, null, null);
            assertFalse(made.toString().contains("in-url-s3cret"), made.toString());
            assertTrue(made.toString().contains("ssl=true"), made.toString());
        }
    }

    @Test
    void theDatabasePasswordComesFromPackagePipelineDbPasswordUnlessAnotherVariableIsNamed() throws Exception {
        String file = "data-directory: data\ncatalog: catalog.yaml\ndatabase: {url: \"jdbc:postgresql://db:5432/t\"}\n";
        assertEquals("from-default-variable", load(file, Map.of("PACKAGE_PIPELINE_DB_PASSWORD",
                "from-default-variable")).databasePassword());
        assertNull(load(file, Map.of()).databasePassword());
    }

    @Test
    void defaultsAreSqliteRpmbuildAndTheEmbeddedSettings() throws Exception {
        BuildConfig config = load("data-directory: /srv/pp\ncatalog: catalog.yaml\n", Map.of());
        assertEquals(BuildSettings.defaults(Path.of("/srv/pp")), config.settings());
        assertEquals(dir.resolve("catalog.yaml"), config.catalog().file());
        assertNull(config.databaseUrl());
    }

    @Test
    void everyBadValueNamesItsField() {
        assertTrue(error("catalog: c.yaml\n").contains("field 'data-directory' is missing"));
        assertTrue(error("data-directory: d\n").contains("field 'catalog' is missing"));
        assertTrue(error("data-directory: d\ncatalog: c\nbuild-timeout: soon\n")
                .contains("field 'build-timeout' 'soon' is not a duration; write a whole number with a unit"));
        assertTrue(error("data-directory: d\ncatalog: c\ngit-timeout: 0m\n")
                .contains("field 'git-timeout' '0m' must be more than zero"));
        assertTrue(error("data-directory: d\ncatalog: c\nworkers: 0\n")
                .contains("field 'workers' '0' must be at least 1"));
        assertTrue(error("data-directory: d\ncatalog: c\nnodeps: maybe\n")
                .contains("field 'nodeps' 'maybe' must be true or false"));
        assertTrue(error("data-directory: d\ncatalog: c\ndatabase: {url: x, password: hunter2}\n")
                .contains("field 'database.password' is unknown"));
        assertTrue(error("data-directory: d\ncatalog: c\ndatabase: {url: x, password-env: NOT_SET_ANYWHERE}\n")
                .contains("names the environment variable NOT_SET_ANYWHERE, which is not set"));
        assertTrue(error("data-directory: d\ncatalog: {git: https://example.org/x.git, path: ../../etc/passwd}\n")
                .contains("must be relative to the root of https://example.org/x.git, inside it"));
    }
}
