package io.jenkins.plugins.packagepipeline.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one name a data directory's repositories are published under: the repository id and file name of every
 * {@code .repo} file ({@code current/<name>.repo}, the URL clients download) and the public key's file name
 * ({@code RPM-GPG-KEY-<name>}). The first publish records it in the build database; every later publish, purge or
 * import uses it, whichever front end runs it: the command line without {@code --repo-name} takes the recorded name,
 * and a different name (a Jenkins target's name, an explicit {@code --repo-name}) is refused, since it would leave
 * the clients' {@code current/<name>.repo} behind and add a second {@code .repo} and key file. A rename on purpose
 * ({@link #rename}) applies to the snapshots made from then on, as a change of DLRN's {@code reponame} does.
 *
 * <p>A data directory published before names were recorded has none in its database: the name in its
 * {@code repos/status_report.json} (written by every publish) is taken as the recorded one.
 */
public final class RepoNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepoNames() {
    }

    /** The name recorded for this data directory: its build database's, else its status report's, else none. */
    public static Optional<String> recorded(Path reposDir, BuildStore store) throws IOException {
        Optional<String> recorded = store.repoName();
        return recorded.isPresent() ? recorded : fromStatusReport(reposDir);
    }

    /**
     * The name to publish under: the recorded one (see {@link #recorded}) when {@code requested} is null or the
     * same, else {@code requested} when none is recorded yet, else the default name.
     *
     * @param dataDir the data directory (holding {@code repos/})
     * @param requested the name given explicitly, or null
     * @throws PackagePipelineException when {@code requested} differs from the recorded name
     */
    public static String choose(Path dataDir, BuildStore store, String requested) throws IOException {
        Optional<String> recorded = recorded(dataDir.resolve("repos"), store);
        if (recorded.isEmpty()) {
            return requested != null ? requested : RepoConfig.DEFAULT_REPO_NAME;
        }
        if (requested != null && !requested.equals(recorded.get())) {
            throw refusal(dataDir, recorded.get(), requested);
        }
        return recorded.get();
    }

    /**
     * Checks that {@code config}'s name is the recorded one, recording it when none is: what publishing and purging
     * do before they write a file that carries the name.
     *
     * @throws PackagePipelineException when another name is recorded
     */
    public static void settle(RepoConfig config, BuildStore store) throws IOException {
        Optional<String> dbName = store.repoName();
        Optional<String> recorded = dbName.isPresent() ? dbName : fromStatusReport(config.reposDir());
        if (recorded.isPresent() && !recorded.get().equals(config.repoName())) {
            throw refusal(config.dataDir(), recorded.get(), config.repoName());
        }
        if (dbName.isEmpty()) {
            store.recordRepoName(config.repoName());
        }
    }

    /**
     * Renames the repositories on purpose: the snapshots made from now on carry {@code newName}; those made before
     * keep their {@code .repo} file (clients that downloaded one stay on their snapshot), and so does
     * {@code current} until the next snapshot is made.
     */
    public static void rename(BuildStore store, String newName) {
        RepoConfig.requireSafeName(newName);
        store.recordRepoName(newName);
    }

    private static PackagePipelineException refusal(Path dataDir, String recorded, String requested) {
        return new PackagePipelineException("The repositories of " + dataDir + " are published as '" + recorded
                + "' (the name recorded at their first publish): publishing them as '" + requested + "' would add a"
                + " second .repo file and public key file beside the ones clients use (current/" + recorded
                + ".repo). Publish as '" + recorded + "' (command line: leave out --repo-name; Jenkins: name the"
                + " repo target '" + recorded + "'), or rename on purpose, for the snapshots made from then on:"
                + " package-pipeline publish --data-directory " + dataDir + " --repo-name " + requested
                + " --rename-repo.");
    }

    private static Optional<String> fromStatusReport(Path reposDir) throws IOException {
        Path report = reposDir.resolve("status_report.json");
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        JsonNode name;
        try {
            name = JSON.readTree(report.toFile()).path("repository");
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a report someone broke names nothing; the next publish rewrites it
        }
        return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
    }
}
