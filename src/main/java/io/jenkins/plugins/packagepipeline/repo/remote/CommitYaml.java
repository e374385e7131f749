package io.jenkins.plugins.packagepipeline.repo.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads DLRN's {@code commit.yaml}, the description every build output directory carries ({@code commits:} with
 * DLRN's field names and text values; {@code artifacts} comma-separated paths relative to the data directory, times
 * in epoch seconds). Written by this project's build engine and by DLRN itself, so either can be imported.
 */
final class CommitYaml {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern RPM_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~^-]*\\.rpm");

    /** One entry of {@code commits:}, validated. */
    record Commit(String packageName, String sourceCommit, String distgitCommit, String sourceBranch,
            String component, BuildStatus status, Instant commitTime, Instant buildTime, List<String> artifactFiles,
            String notes) {
    }

    private CommitYaml() {
    }

    /** Parses and validates; {@code origin} names the file in messages. */
    static List<Commit> parse(byte[] yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new PackagePipelineException(origin + " is not valid YAML: " + e.getMessage(), e);
        }
        JsonNode commits = root == null ? null : root.get("commits");
        if (commits == null || !commits.isArray() || commits.isEmpty()) {
            throw new PackagePipelineException(origin + " has no 'commits:' list: is this a build output directory"
                    + " (DLRN's commit.yaml)?");
        }
        List<Commit> result = new ArrayList<>();
        for (JsonNode c : commits) {
            String name = required(c, "project_name", origin);
            check(NAME, name, "project_name", origin);
            String source = required(c, "commit_hash", origin);
            check(HASH, source, "commit_hash", origin);
            String distgit = required(c, "distro_hash", origin);
            check(HASH, distgit, "distro_hash", origin);
            BuildStatus status;
            try {
                status = BuildStatus.valueOf(required(c, "status", origin));
            } catch (IllegalArgumentException e) {
                throw new PackagePipelineException(origin + ": status '" + c.get("status").asText()
                        + "' is not one of SUCCESS, FAILED, RETRY.");
            }
            List<String> files = new ArrayList<>();
            String artifacts = text(c, "artifacts");
            if (artifacts != null && !artifacts.isBlank() && !artifacts.equals("None")) {
                for (String artifact : Arrays.stream(artifacts.split(",")).map(String::strip).toList()) {
                    String file = artifact.substring(artifact.lastIndexOf('/') + 1);
                    check(RPM_FILE, file, "artifacts", origin);
                    files.add(file);
                }
            }
            if (status == BuildStatus.SUCCESS && files.isEmpty()) {
                throw new PackagePipelineException(origin + ": the SUCCESS build of " + name + " lists no artifacts.");
            }
            String component = text(c, "component");
            String notes = text(c, "notes");
            result.add(new Commit(name, source, distgit, text(c, "commit_branch"),
                    component == null || component.equals("None") ? null : component, status,
                    epoch(text(c, "dt_commit")), epoch(text(c, "dt_build")), files,
                    notes == null || notes.equals("OK") ? null : notes));
        }
        return result;
    }

    private static String required(JsonNode node, String field, String origin) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new PackagePipelineException(origin + ": a commit has no '" + field + "'.");
        }
        return value;
    }

    private static void check(Pattern pattern, String value, String field, String origin) {
        if (!pattern.matcher(value).matches()) {
            throw new PackagePipelineException(origin + ": '" + field + "' value '" + value
                    + "' is not acceptable (expected " + pattern.pattern() + ").");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant epoch(String seconds) {
        if (seconds == null || seconds.isBlank() || seconds.equals("None")) {
            return null;
        }
        double value = Double.parseDouble(seconds);
        return value <= 0 ? null : Instant.ofEpochMilli((long) (value * 1000));
    }
}
