package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.git.GitCommit;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds one package at one pair of commits without any build database: the worker side of distributed builds
 * (many Jenkins agents build, a central instance imports the outputs with {@link BuildOutput#read(Path)}), and the
 * local-checkout ("dev") mode. The output is the same self-contained directory the engine makes,
 * {@code <outputRoot>/repos/<h[0:2]>/<h[2:4]>/<source-hash>_<distgit-hash[0:8]>/}, with {@code build-record.yaml}.
 */
public final class BuildWorker {
    private final BuildSettings settings;
    private final CommitBuild commitBuild;

    /**
     * @throws PackagePipelineException when the configured builder is unknown or not installed
     */
    public BuildWorker(BuildSettings settings) {
        this.settings = settings;
        this.commitBuild = new CommitBuild(settings, RpmBuilders.create(settings));
    }

    /**
     * Builds a package at the given commits (null: the head of the branch the release follows), refreshing its
     * repositories into this worker's git cache first.
     *
     * @return the build's record (id 0; paths relative to {@code outputRoot}); a FAILED or RETRY build is returned,
     *     not thrown
     * @throws PackagePipelineException when a repository cannot be refreshed or a commit does not exist
     */
    public BuildRecord build(PackageInRelease pkg, String sourceCommit, String distgitCommit, Path outputRoot,
            BuildListener listener) throws IOException, InterruptedException {
        GitCache cache = new GitCache(settings.gitCacheDir(), settings.gitTimeout());
        Path source = cache.refresh(pkg.definition().upstream());
        Path distgit = cache.refresh(pkg.definition().distgit());
        GitCommit sourceAt = at(source, pkg.definition().upstream(), sourceCommit, pkg.sourceBranch());
        GitCommit distgitAt = at(distgit, pkg.definition().distgit(), distgitCommit, pkg.distgitBranch());
        return build(new BuildRequest(pkg, source, distgit, sourceAt, distgitAt, 0, null), outputRoot, listener);
    }

    /**
     * Local-checkout ("dev") mode: builds the head of the package's source branch with the spec and files of its
     * distgit checkout as they are on disk, uncommitted changes included. The distgit URL in the catalog must be a
     * local checkout (a directory with a working tree).
     */
    public BuildRecord buildCheckout(PackageInRelease pkg, Path outputRoot, BuildListener listener)
            throws IOException, InterruptedException {
        Path checkout = Path.of(pkg.definition().distgit());
        if (!Files.isDirectory(checkout.resolve(".git"))) {
            throw new PackagePipelineException("Local-checkout mode builds from a distgit checkout on this machine,"
                    + " but the distgit of package '" + pkg.name() + "' is " + pkg.definition().distgit()
                    + ", not a directory with a .git inside. Point the catalog at a local clone.");
        }
        GitCommit distgitHead;
        try (GitRepository distgit = GitRepository.open(checkout, pkg.definition().distgit())) {
            distgitHead = distgit.head();
        }
        Path source = new GitCache(settings.gitCacheDir(), settings.gitTimeout()).refresh(pkg.definition().upstream());
        GitCommit sourceHead = at(source, pkg.definition().upstream(), null, pkg.sourceBranch());
        return build(new BuildRequest(pkg, source, checkout, sourceHead, distgitHead, 0, checkout), outputRoot,
                listener);
    }

    private BuildRecord build(BuildRequest request, Path outputRoot, BuildListener listener)
            throws IOException, InterruptedException {
        StagedBuild staged = commitBuild.run(request, List.of());
        Path root = outputRoot.toAbsolutePath();
        OutputInstall.recover(root, output -> true); // no database here: the output in place is the one to keep
        try (OutputInstall install = OutputInstall.begin(staged.outputDir(), root, staged.record().repoDir())) {
            install.commit();
        }
        FileTrees.delete(staged.scratchDir());
        BuildRecord record = staged.record();
        listener.progress(record.packageName() + ": " + record.sourceCommit().substring(0, 7) + " " + record.status()
                + " -> " + outputRoot.toAbsolutePath().resolve(record.repoDir()));
        return record;
    }

    private static GitCommit at(Path clone, String url, String commit, String branch) {
        try (GitRepository repository = GitRepository.open(clone, GitCache.redact(url))) {
            return commit == null ? repository.resolve(branch) : repository.commit(commit);
        } catch (IllegalArgumentException e) {
            throw new PackagePipelineException("'" + commit + "' is not a full commit hash of " + GitCache.redact(url)
                    + ".", e);
        }
    }
}
