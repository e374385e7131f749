package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How repositories are published from a data directory. Builds live in {@code <dataDir>/repos/<h[0:2]>/<h[2:4]>/...};
 * the {@code repos} directory is what a web server serves at {@code publicUrl}.
 *
 * @param dataDir the data directory of the build engine (holding {@code repos/})
 * @param publicUrl the URL under which {@code <dataDir>/repos} is served; the {@code .repo} files point there
 * @param repoName the repository id in {@code .repo} files and the name of the public key file
 *     ({@code RPM-GPG-KEY-<repoName>}); letters, digits, {@code .-_} only
 * @param includeSources whether SRPMs are part of the repositories
 * @param components whether to publish one sub-repository per catalog component ({@code components/<name>/}) and
 *     an aggregate {@code .repo} file instead of one flat repository
 * @param toolTimeout how long one run of createrepo_c, rpmsign or gpg may take
 */
public record RepoConfig(Path dataDir, URI publicUrl, String repoName, boolean includeSources, boolean components,
        Duration toolTimeout) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The repository name of a data directory whose first publish named none ({@link RepoNames}). */
    public static final String DEFAULT_REPO_NAME = "package-pipeline";
    /** The component name given to packages that have none, when publishing per component. */
    public static final String DEFAULT_COMPONENT = "default";

    public RepoConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(repoName, "repoName");
        Objects.requireNonNull(toolTimeout, "toolTimeout");
        requireSafeName(repoName);
        String scheme = publicUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("file"))) {
            throw new PackagePipelineException("Public repository URL '" + publicUrl
                    + "' must be an absolute http://, https:// or file:// URL (where the repos directory is served).");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Refuses a repository name that is not usable as a repo id and file name. */
    static void requireSafeName(String repoName) {
        if (!SAFE_NAME.matcher(repoName).matches()) {
            throw new PackagePipelineException("Repository name '" + repoName
                    + "' is not usable as a repo id and file name: use letters, digits, '.', '-' and '_' only.");
        }
    }

    /** Defaults: flat repository without SRPMs, served from {@code repos} as a file:// URL, 10 minute tool timeout. */
    public static RepoConfig defaults(Path dataDir) {
        Path abs = dataDir.toAbsolutePath().normalize();
        return new RepoConfig(abs, abs.resolve("repos").toUri(), DEFAULT_REPO_NAME, false, false,
                Duration.ofMinutes(10));
    }

    public RepoConfig withPublicUrl(URI url) {
        return new RepoConfig(dataDir, url, repoName, includeSources, components, toolTimeout);
    }

    public RepoConfig withRepoName(String name) {
        return new RepoConfig(dataDir, publicUrl, name, includeSources, components, toolTimeout);
    }

    public RepoConfig withSources(boolean sources) {
        return new RepoConfig(dataDir, publicUrl, repoName, sources, components, toolTimeout);
    }

    public RepoConfig withComponents(boolean perComponent) {
        return new RepoConfig(dataDir, publicUrl, repoName, includeSources, perComponent, toolTimeout);
    }

    public RepoConfig withToolTimeout(Duration timeout) {
        return new RepoConfig(dataDir, publicUrl, repoName, includeSources, components, timeout);
    }

    /** The served directory: {@code <dataDir>/repos}. */
    public Path reposDir() {
        return dataDir.resolve("repos");
    }

    /** The public URL of a path relative to {@link #reposDir()}, ending with '/' for directories. */
    public String publicUrlOf(String relativePath) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + relativePath;
    }

    /** The file name of the published public key. */
    public String publicKeyFileName() {
        return "RPM-GPG-KEY-" + repoName;
    }
}
