package io.jenkins.plugins.packagepipeline.jenkins.run;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.JdbcBuildStore;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a repo target's build database is, as {@code buildPackage} and {@code publishRepo} open it on the agent:
 * the SQLite file {@code build.db} of the data directory (the default), or a PostgreSQL (or other JDBC) URL with the
 * user and password of the target's credentials. It crosses the agent channel with the password (the channel is the
 * one Jenkins trusts with build secrets); {@link #toString()} never shows it.
 *
 * @param url the JDBC URL, or null for SQLite in the data directory
 * @param user the database user, or null
 * @param password the database password, or null
 */
public record BuildDatabase(String url, String user, String password) implements Serializable {

    /** The SQLite file of the data directory. */
    public static BuildDatabase inDataDirectory() {
        return new BuildDatabase(null, null, null);
    }

    /** Whether this is the SQLite file of the data directory. */
    public boolean isInDataDirectory() {
        return url == null;
    }

    /** Hides the password wherever a message or a console line might show it. */
    public SecretMasker masker() {
        return password == null ? SecretMasker.none() : SecretMasker.of(password);
    }

    /**
     * Opens (creating and migrating when needed) the build database of this data directory.
     *
     * @param mustExist whether the SQLite file must already be there (publishing needs builds), {@code owner}
     *     naming who asks in that message
     */
    public BuildStore open(Path dataDirectory, boolean mustExist, String owner) {
        if (url != null) {
            return JdbcBuildStore.open(url, user, password);
        }
        Path file = dataDirectory.resolve(JdbcBuildStore.DEFAULT_SQLITE_FILE);
        if (mustExist && !Files.isRegularFile(file)) {
            throw new PackagePipelineException(owner + ": no build database at " + file + " on this agent: build"
                    + " packages into " + dataDirectory + " first (buildPackage), or run the step on the agent that"
                    + " holds the data directory.");
        }
        return JdbcBuildStore.sqlite(file);
    }

    @Override
    public String toString() {
        if (url == null) {
            return "BuildDatabase[SQLite in the data directory]";
        }
        String shownUrl = masker().mask(url.replaceAll("(?i)(password=)[^&;]*", "$1" + SecretMasker.MASK));
        return "BuildDatabase[" + shownUrl + ", user=" + user + ", password="
                + (password == null ? "none" : SecretMasker.MASK) + "]";
    }
}
