package io.jenkins.plugins.packagepipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds named by their build id, or by their package and a start of it, in a real SQLite build database. */
class BuildIdsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;

    private JdbcBuildStore store;
    private BuildRecord first;
    private BuildRecord rebuilt;
    private BuildRecord other;

    @BeforeEach
    void recordBuilds() {
        store = JdbcBuildStore.sqlite(dir.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE));
        String source = "3f7a9c1e5b" + "0".repeat(30);
        first = store.record(BuildStoreContract.build("hello", source, "a".repeat(40), BuildStatus.SUCCESS, T0));
        rebuilt = store.record(BuildStoreContract.build("hello", source, "b".repeat(40), BuildStatus.SUCCESS,
                T0.plusSeconds(60)));
        other = store.record(BuildStoreContract.build("hello", "4".repeat(40), "a".repeat(40), BuildStatus.SUCCESS,
                T0.plusSeconds(120)));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aBuildIdIsThePackageAndItsOutputDirectoryName() {
        assertEquals("hello/3f7a9c1e5b" + "0".repeat(30) + "_aaaaaaaa", BuildIds.of(first));
        assertEquals(rebuilt.id(), BuildIds.find(store, BuildIds.of(rebuilt)).orElseThrow().id());
        assertTrue(BuildIds.find(store, "hello/3f7a9c1e5b").isEmpty(), "find takes whole ids only");
        assertTrue(BuildIds.find(store, "world/" + BuildIds.of(first).substring(6)).isEmpty());
    }

    @Test
    void aStartOfTheIdNamesTheOneBuildItMatchesAndNoMore() {
        assertEquals(other.id(), BuildIds.resolve(store, "hello/44", "Cannot skip build").id());
        assertEquals(first.id(), BuildIds.resolve(store, BuildIds.of(first), "Cannot skip build").id());
        assertEquals(rebuilt.id(), BuildIds.resolve(store, "hello/3f7a9c1e5b" + "0".repeat(30) + "_b",
                "Cannot skip build").id());
        PackagePipelineException ambiguous = assertThrows(PackagePipelineException.class,
                () -> BuildIds.resolve(store, "hello/3f7a9c1e5b", "Cannot skip build"));
        assertEquals("Cannot skip build 'hello/3f7a9c1e5b': it names 2 builds (" + BuildIds.of(rebuilt) + ", "
                + BuildIds.of(first) + "); give more of the build id.", ambiguous.getMessage());
        for (String unknown : new String[] {"hello/5", "world/44", "hello/", "/44", "hello"}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> BuildIds.resolve(store, unknown, "Cannot skip build"));
            assertTrue(e.getMessage().startsWith("Cannot skip build '" + unknown + "': the build database holds no"
                    + " such build; name it by its build id, <package>/<source-hash>_<distgit-hash[0:8]>"),
                    e.getMessage());
        }
    }
}
