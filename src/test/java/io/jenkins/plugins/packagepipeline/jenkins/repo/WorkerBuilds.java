package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.build.BuildPlan;
import io.jenkins.plugins.packagepipeline.jenkins.build.GitFixtures;
import io.jenkins.plugins.packagepipeline.jenkins.build.PackageBuilding;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildOutcome;
import io.jenkins.plugins.packagepipeline.repo.CommitYamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        GitFixtures.copy(example.resolve("upstream"), upstream);
        GitFixtures.copy(example.resolve("distgit"), distgit);
        GitFixtures.commit(upstream);
        GitFixtures.commit(distgit);
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
}
