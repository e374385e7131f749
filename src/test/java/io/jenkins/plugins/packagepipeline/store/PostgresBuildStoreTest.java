package io.jenkins.plugins.packagepipeline.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The build database contract on a real PostgreSQL 15 that the test starts itself ({@link PostgresServer}); fails
 * (never skips) when PostgreSQL is not installed.
 */
class PostgresBuildStoreTest extends BuildStoreContract {

    @Override
    String newDatabaseUrl() {
        return PostgresServer.shared().newDatabase();
    }

    @Override
    String user() {
        return PostgresServer.shared().user();
    }

    @Test
    void anUnreachableServerIsAClearErrorThatNeverShowsThePassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String unreachable = "jdbc:postgresql://127.0.0.1:" + port + "/trunk";
        PackagePipelineException e = assertThrows(PackagePipelineException.class,
                () -> JdbcBuildStore.open(unreachable, "trunk", "s3cret-Pa55"));
        assertTrue(e.getMessage().contains(unreachable), e.getMessage());
        assertTrue(e.getMessage().contains("Check the database URL"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-Pa55"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedBeforeConnectingAndNeverShown() {
        String authority = url.substring("jdbc:postgresql://".length());
        for (String withPassword : new String[] {url + "?user=nobody&password=Wr0ngPass",
                "jdbc:postgresql://nobody:Wr0ngPass@" + authority}) {
            PackagePipelineException e = assertThrows(PackagePipelineException.class,
                    () -> JdbcBuildStore.open(withPassword, null, null));
            assertTrue(e.getMessage().startsWith("The build database URL 'jdbc:postgresql://"), e.getMessage());
            assertTrue(e.getMessage().contains("holds a password") && e.getMessage().contains("****"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("$PACKAGE_PIPELINE_DB_PASSWORD for the command line"), e.getMessage());
            assertFalse(e.getMessage().contains("Wr0ngPass"), e.getMessage());
        }
    }
}
