package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnImports;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code status}: each package's latest build, where the pointers are and, per DLRN API imported into, the published
 * builds it has not imported yet; exit code 2 when a package failed.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each package's latest build, the current/consistent snapshots and, per DLRN API, the"
                + " published builds to import; exits 2 when the latest build of a package did not succeed.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepoOptions repo;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BuildStore store = repo.openStore()) {
            List<BuildRecord> latest = store.latestPerPackage();
            out.printf("%-30s %-8s %-10s %-40s %s%n", "PACKAGE", "STATUS", "SOURCE", "NVR", "BUILT");
            for (BuildRecord b : latest) {
                out.printf("%-30s %-8s %-10s %-40s %s%n", b.packageName(), b.status(),
                        b.sourceCommit().substring(0, Math.min(8, b.sourceCommit().length())),
                        b.nvr() == null ? "-" : b.nvr(), b.buildTime() == null ? "-" : b.buildTime());
            }
            RepoPointers pointers = new RepoPointers(repo.dataDir().resolve("repos"));
            for (String pointer : List.of(RepoPointers.CURRENT, RepoPointers.CONSISTENT)) {
                out.printf("%s -> %s%n", pointer, pointers.target(pointer).orElse("(none)"));
            }
            DlrnImports.pendingPerApiUrl(repo.config(store), store).forEach((apiUrl, pending) -> out.println(
                    "DLRN " + apiUrl + ": " + (pending.isEmpty() ? "every published build imported"
                            : pending.size() + " published build(s) to import, first " + pending.get(0).buildId())));
            long failed = latest.stream().filter(b -> b.status() != BuildStatus.SUCCESS).count();
            out.printf("%d package(s), %d not building%n", latest.size(), failed);
            return failed == 0 ? 0 : 2;
        }
    }
}
