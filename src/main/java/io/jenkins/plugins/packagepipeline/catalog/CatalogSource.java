package io.jenkins.plugins.packagepipeline.catalog;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.git.GitCommit;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the catalog comes from: a local file, or a file in a git repository (the seeds' "rdoinfo" checkout) that is
 * refreshed before each run. {@link #load(GitCache, Path)} gives the current catalog either way.
 *
 * @param file the catalog file (local mode), or its path inside the repository (git mode)
 * @param gitUrl the repository holding the catalog, null in local mode
 * @param branch the repository's branch to read, null in local mode
 */
public record CatalogSource(Path file, String gitUrl, String branch) {

    public static CatalogSource ofFile(Path file) {
        return new CatalogSource(file, null, null);
    }

    public static CatalogSource ofGit(String url, String branch, String path) {
        if (GitUrl.problem(url) != null) {
            throw new PackagePipelineException("Catalog repository URL " + GitUrl.problem(url) + ".");
        }
        Path inRepo = Path.of(path).normalize();
        if (inRepo.isAbsolute() || inRepo.startsWith("..")) {
            throw new PackagePipelineException("Catalog path '" + path + "' must be relative to the root of "
                    + url + ", inside it.");
        }
        return new CatalogSource(inRepo, url, branch);
    }

    /**
     * Loads the catalog; in git mode, first refreshes the repository into the cache and checks its branch head out
     * into {@code checkoutDir} (replacing what was there), so that relative URLs in it resolve in that checkout.
     */
    public Catalog load(GitCache cache, Path checkoutDir) {
        if (gitUrl == null) {
            return CatalogLoader.load(file);
        }
        Path clone = cache.refresh(gitUrl);
        try (GitRepository repository = GitRepository.open(clone, gitUrl)) {
            GitCommit head = repository.resolve(branch);
            FileTrees.delete(checkoutDir);
            repository.exportTree(head.hash(), checkoutDir);
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot check the catalog out of " + gitUrl + " into " + checkoutDir
                    + ": " + e.getMessage(), e);
        }
        Path catalog = checkoutDir.resolve(file.toString());
        if (!Files.isRegularFile(catalog)) {
            throw new PackagePipelineException("Catalog repository " + gitUrl + " (branch " + branch + ") has no "
                    + file + ".");
        }
        return CatalogLoader.load(catalog);
    }
}
