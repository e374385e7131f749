package io.jenkins.plugins.packagepipeline.repo.remote;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildOutput;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an import takes as a location, and the build output directories a location names (what
 * {@link BuildImporter#importBuild} imports one at a time):
 * <ul>
 * <li>the http(s) URL of one served build output directory;</li>
 * <li>the path of a build output directory (it holds {@code commit.yaml});</li>
 * <li>the path of a directory holding build output directories in the engine's layout: a worker's data directory
 * ({@code repos/<h[0:2]>/<h[2:4]>/<name>/} under it) or its {@code repos} directory, as a copy, an unstash or an
 * archive brings a worker's output over. Only that layout is looked at, so nothing else under the directory (a git
 * cache, a build database, {@code current}) is mistaken for a build.</li>
 * </ul>
 * Paths may be relative to a base directory the caller names (the command line's working directory, a Jenkins
 * workspace).
 */
public final class ImportLocations {

    private static final Pattern HASH_PART = Pattern.compile("[0-9a-f]{2}");
    private static final String EXPECTED = "give a build output directory (it holds " + BuildOutput.COMMIT_YAML
            + "), a directory holding them (a worker's data directory or its repos/ directory), by path, or the"
            + " http(s) URL where a build output directory is served";

    private ImportLocations() {
    }

    /** Whether a location is an http(s) URL (otherwise it is a path). */
    public static boolean isUrl(String location) {
        String lower = location.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Checks how a location is written, before anything is read, so a bad one fails at once with a message naming
     * it: not blank, one line, a URL with the http or https scheme, a host and no user name or password (a
     * password in a location would show in logs; serve the output without one or copy it over), a path the
     * system can name.
     *
     * @param what the argument, for messages ({@code "importBuild: from"})
     * @return the location, stripped of surrounding blanks
     * @throws PackagePipelineException naming the location (its password masked)
     */
    public static String check(String location, String what) {
        if (location == null || location.isBlank()) {
            throw new PackagePipelineException(what + " holds an empty location: " + EXPECTED + ".");
        }
        String stripped = location.strip();
        String shown = GitCache.redact(stripped).replace("\n", "\\n").replace("\r", "\\r");
        if (stripped.contains("\n") || stripped.contains("\r")) {
            throw new PackagePipelineException(what + " '" + shown + "' holds a line break: give one location per"
                    + " item.");
        }
        if (isUrl(stripped)) {
            URI uri;
            try {
                uri = new URI(stripped);
            } catch (URISyntaxException e) {
                throw new PackagePipelineException(what + " '" + shown + "' is not a valid URL (" + e.getReason()
                        + "): " + EXPECTED + ".");
            }
            if (uri.getHost() == null) {
                throw new PackagePipelineException(what + " '" + shown + "' names no host: " + EXPECTED + ".");
            }
            if (uri.getRawUserInfo() != null) {
                throw new PackagePipelineException(what + " '" + stripped.replaceFirst("//[^/@]*@", "//****@")
                        + "' holds a user name or password, which would show in logs:"
                        + " serve the build output directory without one, or copy it to this machine and give"
                        + " its path.");
            }
            return stripped;
        }
        if (stripped.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new PackagePipelineException(what + " '" + shown + "' is neither a path nor an http(s) URL: "
                    + EXPECTED + ".");
        }
        try {
            Path.of(stripped);
        } catch (InvalidPathException e) {
            throw new PackagePipelineException(what + " '" + shown + "' is not a valid path (" + e.getReason()
                    + "): " + EXPECTED + ".");
        }
        return stripped;
    }

    /**
     * The build output directories a location names, sorted: a URL as it is; a path's build output directory, or
     * the build output directories under it.
     *
     * @param base what a relative path is relative to
     * @param what the argument, for messages ({@code "importBuild: from"})
     * @throws PackagePipelineException naming the location when it is badly written, is not a directory, or holds
     *     no build output directory
     */
    public static List<String> expand(String location, Path base, String what) throws IOException {
        String checked = check(location, what);
        if (isUrl(checked)) {
            return List.of(checked);
        }
        Path dir = base.resolve(checked).toAbsolutePath().normalize();
        String named = what + " '" + checked + "'" + (Path.of(checked).isAbsolute() ? "" : " (" + dir + ")");
        if (!Files.isDirectory(dir)) {
            throw new PackagePipelineException(named + (Files.exists(dir) ? " is not a directory" : " does not exist")
                    + ": " + EXPECTED + ".");
        }
        if (Files.isRegularFile(dir.resolve(BuildOutput.COMMIT_YAML))) {
            return List.of(dir.toString());
        }
        Path repos = Files.isDirectory(dir.resolve("repos")) ? dir.resolve("repos") : dir;
        List<String> outputs = new ArrayList<>();
        for (Path first : hashParts(repos)) {
            for (Path second : hashParts(first)) {
                try (Stream<Path> builds = Files.list(second)) {
                    builds.filter(b -> !b.getFileName().toString().startsWith("."))
                            .filter(b -> Files.isRegularFile(b.resolve(BuildOutput.COMMIT_YAML)))
                            .forEach(b -> outputs.add(b.toString()));
                }
            }
        }
        if (outputs.isEmpty()) {
            String layout = (repos.equals(dir) ? "" : "repos/") + "<h[0:2]>/<h[2:4]>/<name>/";
            throw new PackagePipelineException(named + " holds no build output directory: no "
                    + BuildOutput.COMMIT_YAML + " in it, nor in " + layout + " under it: " + EXPECTED + ".");
        }
        return outputs.stream().sorted().toList();
    }

    /** The subdirectories of {@code dir} named as a hash's first or second pair of hex digits. */
    private static List<Path> hashParts(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> HASH_PART.matcher(c.getFileName().toString()).matches())
                    .filter(Files::isDirectory).sorted().toList();
        }
    }
}
