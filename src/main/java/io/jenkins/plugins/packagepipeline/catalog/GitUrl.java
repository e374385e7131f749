package io.jenkins.plugins.packagepipeline.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The git URLs a catalog may name: {@code https://}, {@code http://}, {@code git://}, {@code ssh://} and
 * {@code file://} URLs, scp-like {@code user@host:path}, and local paths (a relative path is relative to the
 * catalog file's directory).
 */
public final class GitUrl {
    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "ssh", "file");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/].*|"
            + "[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.*");

    private GitUrl() {
    }

    /** Why this is not a usable git URL, or null when it is. */
    static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "is empty";
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "'" + url + "' contains a space or control character";
        }
        var scheme = SCHEME.matcher(url);
        if (scheme.matches()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(name)) {
                return "'" + url + "' has the unsupported scheme '" + name + "' (use https, http, git, ssh or file)";
            }
            try {
                URI uri = new URI(url);
                if (!name.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
                    return "'" + url + "' has no host";
                }
                if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
                    return "'" + url + "' has no repository path";
                }
            } catch (URISyntaxException e) {
                return "'" + url + "' is not a valid URL: " + e.getReason();
            }
            return null;
        }
        if (url.contains("://") || url.startsWith("-")) {
            return "'" + url + "' is not a valid URL";
        }
        return null;
    }

    /** The URL with a local relative path made absolute against {@code base}; other URLs unchanged. */
    static String resolve(String url, Path base) {
        if (SCHEME.matcher(url).matches() || SCP_LIKE.matcher(url).matches()) {
            return url;
        }
        return base.resolve(url).toAbsolutePath().normalize().toString();
    }
}
