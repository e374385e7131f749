package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.build.BuildPlan;
import io.jenkins.plugins.packagepipeline.jenkins.build.PackageBuilding;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Builds made elsewhere, as {@code importBuild} finds them: what {@code buildPackage(catalog: ..., dataDirectory: ...)}
 * leaves on a worker agent (the real build engine, rpmbuild, the project's example package {@code hello} as git
 * repositories), or a recorded build's output directory with the {@code commit.yaml} the engine writes.
 */
final class WorkerBuilds {

    private WorkerBuilds() {
    }

    /**
     * Runs the build engine in worker mode (no repo target, a data directory of its own) on the example package
     * {@code hello}, its git repositories and catalog made under {@code scratch}.
     */
    static BuildOutcome hello(Path scratch, Path workerDataDir) throws Exception {
        Path example = Path.of(System.getProperty("packagepipeline.projectRoot", "."))
                .resolve("examples/packages/hello");
        Path upstream = scratch.resolve("git/hello-upstream");
        Path distgit = scratch.resolve("git/hello-distgit");
        copy(example.resolve("upstream"), upstream);
        copy(example.resolve("distgit"), distgit);
        commit(upstream);
        commit(distgit);
        Path workspace = Files.createDirectories(scratch.resolve("workspace"));
        Files.writeString(workspace.resolve("catalog.yaml"), "releases:\n  - name: trunk\n    source-branch: main\n"
                + "    distgit-branch: main\npackages:\n  - name: hello\n    upstream: " + upstream + "\n    distgit: "
                + distgit + "\n    maintainers: [trunk@example.invalid]\n");
        BuildPlan plan = new BuildPlan(null, workerDataDir.toString(), null, "catalog.yaml", List.of(), null,
                "rpmbuild", 1, null, null, false, false, false, false);
        return PackageBuilding.build(plan, workspace, line -> { });
    }

    /** The output directory of a build {@link #hello} made, from its row's build id. */
    static String repoDir(String buildId) {
        String name = buildId.substring(buildId.indexOf('/') + 1);
        return "repos/" + name.substring(0, 2) + "/" + name.substring(2, 4) + "/" + name;
    }

    /** The {@code commit.yaml} the build engine writes into a build's output directory (DLRN's format). */
    static void writeCommitYaml(Path dataDir, BuildRecord b) throws IOException {
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

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void commit(Path repo) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.invalid");
            git.commit().setMessage("import").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }
}
