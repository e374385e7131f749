package io.jenkins.plugins.packagepipeline.catalog;

import java.util.regex.Pattern;

/**
 * Names that become file and directory names (packages, releases, components): letters, digits and
 * {@code . _ + -}, starting with a letter or digit, at most 128 characters; so never a path separator, never
 * {@code ..}, never hidden.
 */
public final class SafeName {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private SafeName() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    /** Why a name is refused, for messages. */
    static String rule() {
        return "use letters, digits and . _ + - only, starting with a letter or digit (at most 128 characters),"
                + " no '..' and no '/'";
    }
}
