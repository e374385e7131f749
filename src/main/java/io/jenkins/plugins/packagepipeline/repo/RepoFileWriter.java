package io.jenkins.plugins.packagepipeline.repo;

import java.util.List;

/**
 * Writes the {@code .repo} file of a snapshot: one section whose {@code baseurl} is the snapshot's own public URL
 * (so a client that downloaded {@code current/<name>.repo} stays on that exact snapshot, as DLRN's repo files do),
 * or, per component, one section per component sub-repository (the aggregate {@code .repo} file).
 */
final class RepoFileWriter {
    private RepoFileWriter() {
    }

    /**
     * @param snapshotPath the snapshot's directory relative to the repos directory
     * @param components the components, empty for a flat repository
     * @param signed whether packages and metadata are signed (turns on gpgcheck and repo_gpgcheck)
     */
    static String repoFile(RepoConfig config, String snapshotPath, List<String> components, boolean signed) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(config.repoName()).append(" snapshot ").append(snapshotPath)
                .append(", published by Package Pipeline\n");
        if (components.isEmpty()) {
            section(text, config, config.repoName(), snapshotPath + "/", signed);
        } else {
            for (String component : components) {
                section(text, config, config.repoName() + "-" + component,
                        snapshotPath + "/" + SnapshotBuilder.COMPONENTS_DIR + "/" + component + "/", signed);
            }
        }
        return text.toString();
    }

    private static void section(StringBuilder text, RepoConfig config, String id, String path, boolean signed) {
        text.append('\n')
                .append('[').append(id).append("]\n")
                .append("name=").append(id).append('\n')
                .append("baseurl=").append(config.publicUrlOf(path)).append('\n')
                .append("enabled=1\n")
                .append("gpgcheck=").append(signed ? 1 : 0).append('\n')
                .append("repo_gpgcheck=").append(signed ? 1 : 0).append('\n');
        if (signed) {
            text.append("gpgkey=").append(config.publicUrlOf(config.publicKeyFileName())).append('\n');
        }
        text.append("priority=1\n");
    }
}
