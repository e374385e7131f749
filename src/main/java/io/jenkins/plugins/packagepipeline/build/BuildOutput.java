package io.jenkins.plugins.packagepipeline.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's self-contained output directory, {@code repos/<h[0:2]>/<h[2:4]>/<source-hash>_<distgit-hash[0:8]>/}
 * under a data directory (or a worker's output directory): the RPMs and the SRPM, the logs, and three files that
 * describe it:
 * <ul>
 *   <li>{@code commit.yaml}: DLRN's commit record ({@code commits: [...]}, DLRN's field names, values as text), so
 *       DLRN tooling can read it;</li>
 *   <li>{@code versions.csv}: DLRN's columns, this build's row first, then the other packages' latest successful
 *       builds when the engine knows them;</li>
 *   <li>{@code build-record.yaml}: the exact {@link BuildRecord}, for importing the build elsewhere with
 *       {@link #read(Path)} (e.g. from a worker into the central build database).</li>
 * </ul>
 */
public final class BuildOutput {
    public static final String COMMIT_YAML = "commit.yaml";
    public static final String VERSIONS_CSV = "versions.csv";
    public static final String BUILD_RECORD_YAML = "build-record.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private BuildOutput() {
    }

    /** Writes the three description files of a build into its output directory. */
    static void describe(Path dir, BuildRecord build, String sourceUrl, String distgitUrl, Instant distgitTime,
            List<VersionsRow> others) throws IOException {
        sourceUrl = GitCache.redact(sourceUrl);
        distgitUrl = GitCache.redact(distgitUrl);
        Files.writeString(dir.resolve(COMMIT_YAML), YAML.writeValueAsString(
                Map.of("commits", List.of(dlrnCommit(build, distgitUrl, distgitTime)))), StandardCharsets.UTF_8);
        StringBuilder versions = new StringBuilder(VersionsRow.HEADER).append('\n');
        versions.append(VersionsRow.of(build, sourceUrl, distgitUrl).toCsv()).append('\n');
        for (VersionsRow other : others) {
            if (!other.packageName().equals(build.packageName())) {
                versions.append(other.toCsv()).append('\n');
            }
        }
        Files.writeString(dir.resolve(VERSIONS_CSV), versions, StandardCharsets.UTF_8);
        writeRecord(dir, build);
    }

    /**
     * Writes {@code build-record.yaml}, the exact record of the build a directory holds ({@link #read} reads it):
     * what tells, after a crash, whether the output in place is the one the database records.
     */
    public static void writeRecord(Path dir, BuildRecord build) throws IOException {
        Files.writeString(dir.resolve(BUILD_RECORD_YAML), YAML.writeValueAsString(recordFields(build)),
                StandardCharsets.UTF_8);
    }

    private static Map<String, String> dlrnCommit(BuildRecord build, String distgitUrl, Instant distgitTime) {
        Map<String, String> commit = new LinkedHashMap<>();
        commit.put("artifacts", String.join(",", build.artifacts()));
        commit.put("commit_branch", build.sourceBranch());
        commit.put("commit_hash", build.sourceCommit());
        commit.put("component", build.component() == null ? "None" : build.component());
        commit.put("distgit_dir", distgitUrl);
        commit.put("distro_hash", build.distgitCommit());
        commit.put("dt_build", epochSeconds(build.buildTime()));
        commit.put("dt_commit", epochSeconds(build.commitTime()));
        commit.put("dt_distro", epochSeconds(distgitTime));
        commit.put("dt_extended", "0");
        commit.put("extended_hash", "None");
        commit.put("flags", "0");
        commit.put("id", Long.toString(build.id()));
        commit.put("notes", build.notes() == null ? "OK" : build.notes());
        commit.put("project_name", build.packageName());
        commit.put("repo_dir", build.repoDir());
        commit.put("status", build.status().name());
        commit.put("type", "rpm");
        commit.put("versions_csv", build.repoDir() + "/" + VERSIONS_CSV);
        return commit;
    }

    private static Map<String, Object> recordFields(BuildRecord build) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("package", build.packageName());
        fields.put("project", build.project());
        fields.put("source-commit", build.sourceCommit());
        fields.put("distgit-commit", build.distgitCommit());
        fields.put("source-branch", build.sourceBranch());
        fields.put("distgit-branch", build.distgitBranch());
        fields.put("component", build.component());
        fields.put("status", build.status().name());
        fields.put("commit-time", build.commitTime() == null ? null : build.commitTime().toString());
        fields.put("build-time", build.buildTime() == null ? null : build.buildTime().toString());
        fields.put("nvr", build.nvr());
        fields.put("artifacts", build.artifacts());
        fields.put("repo-dir", build.repoDir());
        fields.put("notes", build.notes());
        fields.put("retries", build.retries());
        return fields;
    }

    /**
     * Reads the build a self-contained output directory holds (its {@code build-record.yaml}), e.g. to import a
     * worker's build. The record's id is 0; its paths are relative to the output root the directory was made in.
     *
     * @throws PackagePipelineException when the directory holds no readable build record
     */
    public static BuildRecord read(Path dir) {
        Path file = dir.resolve(BUILD_RECORD_YAML);
        try {
            JsonNode node = YAML.readTree(file.toFile());
            List<String> artifacts = new ArrayList<>();
            node.path("artifacts").forEach(a -> artifacts.add(a.asText()));
            return new BuildRecord(0, text(node, "package"), text(node, "project"), text(node, "source-commit"),
                    text(node, "distgit-commit"), text(node, "source-branch"), text(node, "distgit-branch"),
                    text(node, "component"), BuildStatus.valueOf(text(node, "status")),
                    instant(text(node, "commit-time")), instant(text(node, "build-time")), text(node, "nvr"),
                    artifacts, text(node, "repo-dir"), text(node, "notes"), node.path("retries").asInt(), false);
        } catch (IOException | RuntimeException e) {
            throw new PackagePipelineException("Cannot read the build record " + file + ": " + e.getMessage()
                    + ". Is " + dir + " a build output directory?", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String epochSeconds(Instant instant) {
        return instant == null ? "0" : Long.toString(instant.getEpochSecond());
    }
}
