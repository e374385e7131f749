package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code commit.yaml} a build output directory holds, as the build engine's worker mode writes it (DLRN's format:
 * text values, epoch-second times), for builds the tests record directly: what an import reads.
 */
public final class CommitYamlFiles {

    private CommitYamlFiles() {
    }

    /** Writes {@code b}'s {@code commit.yaml} into its output directory under {@code dataDir}. */
    public static void write(Path dataDir, BuildRecord b) throws IOException {
        Files.writeString(dataDir.resolve(b.repoDir()).resolve("commit.yaml"), """
                commits:
                - artifacts: %s
                  commit_branch: main
                  commit_hash: %s
                  component: None
                  distro_hash: %s
                  dt_build: '%d'
                  dt_commit: '%d'
                  notes: %s
                  project_name: %s
                  repo_dir: %s
                  status: %s
                  type: rpm
                """.formatted(b.artifacts().isEmpty() ? "None" : String.join(",", b.artifacts()), b.sourceCommit(),
                b.distgitCommit(), b.buildTime().getEpochSecond(), b.commitTime().getEpochSecond(),
                b.notes() == null ? "OK" : "'" + b.notes() + "'", b.packageName(), b.repoDir(), b.status()));
    }
}
