package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.PublishResult;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoNames;
import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import io.jenkins.plugins.packagepipeline.repo.RepoPublisher;
import io.jenkins.plugins.packagepipeline.repo.mirror.MirrorTarget;
import io.jenkins.plugins.packagepipeline.repo.mirror.RsyncMirror;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnImports;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code publish}: makes repository snapshots of recorded builds, switches {@code current}/{@code consistent},
 * writes the reports, then optionally mirrors to a secondary and asks a DLRN server to import every published build
 * it has not imported yet (even when the mirror failed: DLRN fetches from the public URL).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes the latest build of each package as repository snapshots (signed with --sign).")
public final class PublishCommand implements Callable<Integer> {
    static final String DLRN_PASSWORD_ENV = "PACKAGE_PIPELINE_DLRN_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    RepoOptions repo;

    @Option(names = "--package-name", description = "Publish only this package's latest build (repeatable).")
    List<String> packageNames = new ArrayList<>();

    @Option(names = "--recent", description = "Publish the N most recent builds of all packages, oldest first,"
            + " instead of each package's latest.")
    Integer recent;

    @Option(names = "--mirror", description = "Then mirror to [user@]host:/path over rsync/SSH.")
    String mirror;

    @Option(names = "--mirror-port", description = "SSH port of the mirror (default: ${DEFAULT-VALUE}).")
    int mirrorPort = 22;

    @Option(names = "--mirror-identity", description = "SSH private key for the mirror.")
    Path mirrorIdentity;

    @Option(names = "--mirror-known-hosts", description = "known_hosts file holding the mirror's host key.")
    Path mirrorKnownHosts;

    @Option(names = "--dlrn-api", description = "Then ask this DLRN API to import every published build it has not"
            + " imported yet, oldest first (POST /api/remote/import); password in $" + DLRN_PASSWORD_ENV + ".")
    URI dlrnApi;

    @Option(names = "--dlrn-user", description = "DLRN API user.")
    String dlrnUser;

    @Option(names = "--dlrn-skip", paramLabel = "BUILD", description = "Give up sending BUILD to the --dlrn-api (one"
            + " it refuses for good, which would hold back the builds after it): recorded as skipped before"
            + " anything is published. BUILD is a build id, <package>/<source-hash>_<distgit-hash[0:8]>, as a"
            + " stopped import names it, or the package and a start of the source hash (repeatable).")
    List<String> dlrnSkip = new ArrayList<>();

    @Option(names = "--rename-repo", description = "Rename the repositories to --repo-name on purpose: the snapshots"
            + " made from now on carry the new .repo and key file names; earlier ones keep theirs.")
    boolean renameRepo;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        checkDlrnOptions();
        if (recent != null && (recent < 1 || !packageNames.isEmpty())) {
            throw new PackagePipelineException("--recent " + recent + ": give a number of builds, 1 or more, and no"
                    + " --package-name (--recent publishes the most recent builds of all packages).");
        }
        MirrorTarget target = mirror == null ? null
                : MirrorTarget.parse(mirror, mirrorPort, mirrorIdentity, mirrorKnownHosts);
        try (BuildStore store = repo.openStore(); SigningKey key = repo.signingKey()) {
            if (renameRepo) {
                renameRepo(store, out);
            }
            RepoConfig config = repo.config(store);
            if (!dlrnSkip.isEmpty()) {
                DlrnImports.ledger(config, store, dlrnApi).skip(dlrnSkip).forEach(out::println);
            }
            List<BuildRecord> builds = recent != null ? store.recent(recent) : latestOfNamedPackages(store);
            RepoPublisher publisher = new RepoPublisher(config, store).onProgress(out::println);
            List<PublishResult> results = publisher.publish(builds, key);
            out.printf("Published %d snapshot(s); current -> %s%n",
                    results.stream().filter(r -> r.snapshotDir() != null).count(),
                    new RepoPointers(config.reposDir()).target(RepoPointers.CURRENT).orElse("(none)"));
            PackagePipelineException mirrorFailure = null;
            if (target != null) {
                try {
                    out.println(new RsyncMirror(config, target).push().summary());
                } catch (PackagePipelineException e) {
                    if (dlrnApi == null) {
                        throw e;
                    }
                    mirrorFailure = e; // DLRN fetches from the public URL, not from the secondary: import anyway
                    out.println("mirror failed; importing into DLRN all the same");
                }
            }
            if (dlrnApi != null) {
                feedDlrn(config, store, out, mirrorFailure);
            }
            if (mirrorFailure != null) {
                throw mirrorFailure;
            }
        }
        return 0;
    }

    /** Records {@code --repo-name} as the repositories' name, on purpose (see {@link RepoNames#rename}). */
    private void renameRepo(BuildStore store, PrintWriter out) throws Exception {
        if (repo.repoName == null) {
            throw new PackagePipelineException("--rename-repo needs the new name: --repo-name NAME.");
        }
        String before = RepoNames.recorded(repo.dataDir().resolve("repos"), store).orElse("(none)");
        RepoNames.rename(store, repo.repoName);
        out.printf("Repository renamed from %s to %s: snapshots made from now on carry %s.repo%n", before,
                repo.repoName, repo.repoName);
    }

    /** Each package's latest build, or with {@code --package-name} those of the packages named (all recorded). */
    private List<BuildRecord> latestOfNamedPackages(BuildStore store) {
        List<BuildRecord> latest = store.latestPerPackage().stream()
                .filter(b -> packageNames.isEmpty() || packageNames.contains(b.packageName())).toList();
        for (String name : packageNames) {
            if (latest.stream().noneMatch(b -> b.packageName().equals(name))) {
                throw new PackagePipelineException("--package-name '" + name + "': no build of this package is"
                        + " recorded; check the name (the status command lists the packages) or build it first.");
            }
        }
        return latest;
    }

    /**
     * Fails before anything is published when {@code --dlrn-api} lacks its user or password, or {@code --dlrn-skip}
     * its {@code --dlrn-api}.
     */
    private void checkDlrnOptions() {
        if (!dlrnSkip.isEmpty() && dlrnApi == null) {
            throw new PackagePipelineException("--dlrn-skip " + dlrnSkip.get(0) + " needs --dlrn-api: a build is"
                    + " skipped for one DLRN API.");
        }
        if (dlrnApi != null && (dlrnUser == null || System.getenv(DLRN_PASSWORD_ENV) == null)) {
            throw new PackagePipelineException("--dlrn-api needs --dlrn-user and the password in $"
                    + DLRN_PASSWORD_ENV + ".");
        }
    }

    /**
     * Imports into the DLRN API every published build it has not imported yet (this publish's and any an earlier
     * failure left behind), oldest first; see {@link DlrnImports}.
     */
    private void feedDlrn(RepoConfig config, BuildStore store, PrintWriter out,
            PackagePipelineException mirrorFailure) throws Exception {
        String password = System.getenv(DLRN_PASSWORD_ENV);
        try (DlrnApiClient client = new DlrnApiClient(dlrnApi, dlrnUser, password.toCharArray(),
                Duration.ofMinutes(10))) {
            DlrnImports.importPending(DlrnImports.ledger(config, store, dlrnApi), client, out::println);
        } catch (PackagePipelineException e) {
            if (mirrorFailure == null) {
                throw e;
            }
            throw new PackagePipelineException(mirrorFailure.getMessage() + " The DLRN import failed too: "
                    + e.getMessage(), e);
        }
    }
}
