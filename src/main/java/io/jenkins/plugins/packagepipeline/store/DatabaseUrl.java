package io.jenkins.plugins.packagepipeline.store;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.util.regex.Pattern;

/**
 * The rules of a build database's JDBC URL about passwords. A password never goes in the URL, where it would show
 * in the process list ({@code --database-url}), in configuration files and in messages: the command line reads it
 * from {@value #PASSWORD_ENV}, the configuration file from the variable {@code database.password-env} names (by
 * default the same one), Jenkins from a credential. A URL holding one, as a {@code password=} parameter or as
 * {@code user:password@}, is refused; {@link #mask} still hides it wherever a URL is shown, as a second defence.
 */
public final class DatabaseUrl {

    /** The environment variable holding the build database's password, for the command line. */
    public static final String PASSWORD_ENV = "PACKAGE_PIPELINE_DB_PASSWORD";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^/?#@]*(@)");

    private DatabaseUrl() {
    }

    /** Whether {@code jdbcUrl} holds a password, as a parameter or in its user information. */
    public static boolean holdsPassword(String jdbcUrl) {
        return PASSWORD_PARAMETER.matcher(jdbcUrl).find() || USERINFO_PASSWORD.matcher(jdbcUrl).find();
    }

    /**
     * Refuses a URL holding a password.
     *
     * @param what the URL's origin, for the message, e.g. {@code --database-url}
     * @param instead where the password goes instead, e.g. {@code put it in $PACKAGE_PIPELINE_DB_PASSWORD}
     * @throws PackagePipelineException naming {@code what} and the URL (password masked)
     */
    public static void refusePassword(String jdbcUrl, String what, String instead) {
        if (jdbcUrl != null && holdsPassword(jdbcUrl)) {
            throw new PackagePipelineException(what + " '" + mask(jdbcUrl) + "' holds a password, which would show"
                    + " in the process list and in files: remove it from the URL and " + instead + ".");
        }
    }

    /** {@code jdbcUrl} with the value of a {@code password} parameter and of a {@code user:password@} hidden. */
    public static String mask(String jdbcUrl) {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1" + SecretMasker.MASK);
        return USERINFO_PASSWORD.matcher(masked).replaceAll("$1" + SecretMasker.MASK + "$2");
    }
}
