package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code importBuild} asks the agent holding a repo target's data directory to do. It crosses the agent
 * channel with the build database's password; {@link #toString()} never shows it.
 *
 * @param target the repo target's name
 * @param dataDirectory the absolute data directory on the agent
 * @param publicBaseUrl where the data directory's {@code repos} directory is served, or null
 * @param options the target's publishing options (its tool timeout bounds the importer's tool runs)
 * @param database where the build database is
 * @param from the locations to import, as the user wrote them: build output directories, or directories holding
 *     them, by path (absolute, or relative to the workspace), or served build output directories by http(s) URL
 */
public record ImportRequest(String target, String dataDirectory, String publicBaseUrl, PublishOptions options,
        BuildDatabase database, List<String> from) implements Serializable {

    public ImportRequest {
        options = options == null ? PublishOptions.defaults() : options;
        database = database == null ? BuildDatabase.inDataDirectory() : database;
        from = from == null ? new ArrayList<>() : new ArrayList<>(from); // a JDK list any agent channel takes
    }

    @Override
    public String toString() {
        return "ImportRequest[target=" + target + ", dataDirectory=" + dataDirectory + ", publicBaseUrl="
                + publicBaseUrl + ", options=" + options + ", database=" + database + ", from=" + from + "]";
    }
}
