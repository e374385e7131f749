package io.jenkins.plugins.packagepipeline.jenkins.form;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.store.DatabaseUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The rules for the values of the global configuration (clouds and repo targets) and of the steps' arguments,
 * as plain functions: the configuration page calls them on each field ({@code doCheck*}), saving calls them
 * again on the whole configuration, and the steps call them on their arguments. Every message names the bad
 * value and says what is expected.
 */
public final class FieldChecks {

    /** Names of clouds and repo targets: what Jenkinsfiles type, so short and shell-safe. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A mirror over rsync and SSH: {@code [user@]host:/absolute/path}. */
    private static final Pattern RSYNC_REMOTE = Pattern.compile("([A-Za-z0-9._-]+@)?[A-Za-z0-9.\\[\\]:_-]+:/.*");

    private FieldChecks() {
    }

    /** The name of a cloud or a repo target ({@code what} says which). */
    public static FieldCheck name(String what, String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.error("The " + what + " needs a name: Jenkinsfiles refer to it by that name.");
        }
        if (!NAME.matcher(v).matches()) {
            return FieldCheck.error("The " + what + " name '" + v + "' may only hold letters, digits, '.', '_' and"
                    + " '-' (at most 64, starting with a letter or digit).");
        }
        return FieldCheck.ok();
    }

    /** The Keystone (identity v3) URL of a cloud. */
    public static FieldCheck keystoneUrl(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.error("The Keystone URL is required, e.g. https://keystone.example.org:5000/v3.");
        }
        FieldCheck url = httpUrl("Keystone URL", v);
        if (url.isError()) {
            return url;
        }
        if (!stripSlash(v).endsWith("/v3")) {
            return FieldCheck.warning("The Keystone URL '" + v + "' does not end with /v3: Package Pipeline speaks"
                    + " the identity v3 API, so the URL usually does (https://keystone.example.org:5000/v3).");
        }
        return FieldCheck.ok();
    }

    /** An optional http(s) URL ({@code what} names the field); empty is fine. */
    public static FieldCheck optionalHttpUrl(String what, String value) {
        String v = trim(value);
        return v.isEmpty() ? FieldCheck.ok() : httpUrl(what, v);
    }

    private static FieldCheck httpUrl(String what, String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            return FieldCheck.error("The " + what + " '" + v + "' is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            return FieldCheck.error("The " + what + " '" + v + "' must be an http:// or https:// URL with a host.");
        }
        if (uri.getUserInfo() != null) {
            return FieldCheck.error("The " + what + " must not carry a user name or password: choose credentials"
                    + " instead.");
        }
        return FieldCheck.ok();
    }

    /** A credentials id that must be chosen ({@code what} says for what). */
    public static FieldCheck requiredCredentials(String what, String value) {
        return trim(value).isEmpty()
                ? FieldCheck.error("Choose the credentials for " + what + " (add them under Manage Jenkins »"
                        + " Credentials first).")
                : FieldCheck.ok();
    }

    /** A whole number of seconds or other unit within [min, max] ({@code what} names the field). */
    public static FieldCheck range(String what, String value, long min, long max) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.ok();
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            return FieldCheck.error("The " + what + " '" + v + "' is not a whole number.");
        }
        return range(what, n, min, max);
    }

    /** A number within [min, max] ({@code what} names the field). */
    public static FieldCheck range(String what, long n, long min, long max) {
        if (n < min || n > max) {
            return FieldCheck.error("The " + what + " " + n + " is out of range: use " + min + " to " + max + ".");
        }
        return FieldCheck.ok();
    }

    /**
     * A duration of more than zero in {@link Durations}' syntax ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d},
     * {@code PT1H30M}; a bare number is refused), {@code field} naming the argument or setting as Jenkinsfiles and
     * Configuration as Code write it. Empty is fine: the default applies.
     */
    public static FieldCheck duration(String field, String value) {
        return duration(field, value, null, null);
    }

    /** As {@link #duration(String, String)}, within [min, max]. */
    public static FieldCheck duration(String field, String value, Duration min, Duration max) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.ok();
        }
        try {
            parseDuration(field, v, min, max);
            return FieldCheck.ok();
        } catch (PackagePipelineException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /**
     * The duration {@code value} gives, checked as {@link #duration(String, String, Duration, Duration)} does
     * ({@code min} and {@code max} may be null: no limit), or {@code fallback} when it is empty.
     *
     * @param field the argument or setting, for the message, e.g. {@code provisionInstance: lease}
     * @throws PackagePipelineException naming {@code field}, the value and the accepted forms or limits
     */
    public static Duration durationOr(Duration fallback, String field, String value, Duration min, Duration max) {
        String v = trim(value);
        return v.isEmpty() ? fallback : parseDuration(field, v, min, max);
    }

    private static Duration parseDuration(String field, String v, Duration min, Duration max) {
        Duration d = Durations.parsePositive(v, field);
        boolean tooShort = min != null && d.compareTo(min) < 0;
        boolean tooLong = max != null && d.compareTo(max) > 0;
        if (tooShort || tooLong) {
            String limits = min != null && max != null ? Durations.format(min) + " to " + Durations.format(max)
                    : tooShort ? "at least " + Durations.format(min) : "at most " + Durations.format(max);
            throw new PackagePipelineException(field + " '" + v + "' is out of range: use " + limits + ".");
        }
        return d;
    }

    /** The data directory of a repo target: an absolute path on the agent that builds and publishes. */
    public static FieldCheck dataDirectory(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.error("The data directory is required: the absolute path where builds, the build"
                    + " database and the published repos live, e.g. /srv/package-pipeline/trunk.");
        }
        try {
            if (!Path.of(v).isAbsolute() || !v.startsWith("/")) {
                return FieldCheck.error("The data directory '" + v + "' must be an absolute path, e.g."
                        + " /srv/package-pipeline/trunk.");
            }
        } catch (InvalidPathException e) {
            return FieldCheck.error("The data directory '" + v + "' is not a valid path: " + e.getReason() + ".");
        }
        return FieldCheck.ok();
    }

    /** The mirror target of a repo target: where the published repos are copied with rsync over SSH. */
    public static FieldCheck mirrorTarget(String value) {
        String v = trim(value);
        if (v.isEmpty() || RSYNC_REMOTE.matcher(v).matches() && !v.contains("://")) {
            return FieldCheck.ok();
        }
        return FieldCheck.error("The mirror target '" + v + "' is not an rsync-over-SSH destination: use"
                + " [user@]host:/absolute/path, e.g. mirror@repo.example.org:/srv/trunk.");
    }

    /**
     * The build database URL of a repo target: empty (SQLite in the data directory) or a JDBC URL of PostgreSQL
     * (or SQLite elsewhere). A password in the URL is refused: it belongs in the credentials.
     */
    public static FieldCheck databaseUrl(String value) {
        String v = trim(value);
        if (v.isEmpty()) {
            return FieldCheck.ok();
        }
        if (DatabaseUrl.holdsPassword(v)) {
            return FieldCheck.error("The database URL '" + DatabaseUrl.mask(v) + "' must not hold a password"
                    + " (password= or user:password@): remove it from the URL and choose a username with password"
                    + " credential instead.");
        }
        if (!v.startsWith("jdbc:postgresql://") && !v.startsWith("jdbc:sqlite:")) {
            return FieldCheck.error("The database URL '" + v + "' is not a PostgreSQL JDBC URL: use"
                    + " jdbc:postgresql://host:5432/database, or leave it empty for SQLite in the data directory.");
        }
        return FieldCheck.ok();
    }

    /** The builder of a repo target. */
    public static FieldCheck builder(String value) {
        String v = trim(value);
        if (v.isEmpty() || Builders.NAMES.contains(v)) {
            return FieldCheck.ok();
        }
        return FieldCheck.error("Unknown builder '" + v + "': use one of " + String.join(", ", Builders.NAMES) + ".");
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String stripSlash(String v) {
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }
}
