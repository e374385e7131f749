package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.io.Serializable;

/**
 * What {@code purgeRepo} asks the agent holding a repo target's data directory to do. It crosses the agent
 * channel with the build database's password and the mirror's SSH key; {@link #toString()} shows neither.
 *
 * @param target the repo target's name
 * @param dataDirectory the absolute data directory on the agent
 * @param publicBaseUrl where the data directory's {@code repos} directory is served, or null
 * @param database where the build database is
 * @param olderThan purge the snapshots of builds finished longer ago than this duration ({@code 14d},
 *     {@code 36h}...; a bare number is days), as the user wrote it
 * @param dryRun only report what would be purged
 * @param mirror the secondary to bring in line after purging (its purged snapshots deleted too), or null
 * @param options how the target publishes (its tool timeout bounds the purge's wait for the publish lock and the
 *     mirror's tool runs)
 */
public record PurgeRequest(String target, String dataDirectory, String publicBaseUrl, BuildDatabase database,
        String olderThan, boolean dryRun, PublishRequest.Mirror mirror, PublishOptions options)
        implements Serializable {

    public PurgeRequest {
        database = database == null ? BuildDatabase.inDataDirectory() : database;
        options = options == null ? PublishOptions.defaults() : options;
    }

    /** A request with the default {@link PublishOptions}. */
    public PurgeRequest(String target, String dataDirectory, String publicBaseUrl, BuildDatabase database,
            String olderThan, boolean dryRun, PublishRequest.Mirror mirror) {
        this(target, dataDirectory, publicBaseUrl, database, olderThan, dryRun, mirror, null);
    }

    @Override
    public String toString() {
        return "PurgeRequest[target=" + target + ", dataDirectory=" + dataDirectory + ", database=" + database
                + ", olderThan=" + olderThan + ", dryRun=" + dryRun + ", mirror=" + mirror + ", options=" + options
                + "]";
    }
}
