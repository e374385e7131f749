package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.io.IOException;

/**
 * The secrets a repo target's settings name, read on the controller for the agent that builds or publishes: the
 * signing key (a secret file) and its passphrase (a secret text), the mirror's SSH key (a secret file), the build
 * database's user and password and the DLRN API's (usernames with password). Which setting needs which type of
 * credentials, and what a missing setting means, is decided here.
 */
public final class TargetCredentials {

    private TargetCredentials() {
    }

    private static String owner(RepoTarget target) {
        return "Repo target '" + target.getName() + "'";
    }

    /**
     * The target's build database: SQLite in its data directory unless it names a database URL; a URL without
     * credentials (a server trusting the agent) has no user.
     */
    public static BuildDatabase database(RepoTarget target, CredentialsLookup credentials) {
        if (target.getDatabaseUrl() == null) {
            return BuildDatabase.inDataDirectory();
        }
        if (target.getDatabaseCredentialsId() == null) {
            return new BuildDatabase(target.getDatabaseUrl(), null, null);
        }
        StandardUsernamePasswordCredentials user = credentials.require(StandardUsernamePasswordCredentials.class,
                target.getDatabaseCredentialsId(), owner(target), "a username with password (the build database's)");
        return new BuildDatabase(target.getDatabaseUrl(), user.getUsername(), user.getPassword().getPlainText());
    }

    /** The ASCII-armored signing key, or null when the target publishes unsigned. */
    @CheckForNull
    public static String signingKey(RepoTarget target, CredentialsLookup credentials) throws IOException {
        return target.getSigningKeyCredentialsId() == null ? null
                : credentials.secretFileText(target.getSigningKeyCredentialsId(), owner(target),
                        "the ASCII-armored signing key");
    }

    /** The signing key's passphrase, or null when the key has none. */
    @CheckForNull
    public static String signingPassphrase(RepoTarget target, CredentialsLookup credentials) {
        return target.getSigningPassphraseCredentialsId() == null ? null
                : credentials.secretText(target.getSigningPassphraseCredentialsId(), owner(target),
                        "the signing key's passphrase");
    }

    /** The mirror's SSH private key, or null for the agent user's own keys. */
    @CheckForNull
    public static String mirrorKey(RepoTarget target, CredentialsLookup credentials) throws IOException {
        return target.getMirrorKeyCredentialsId() == null ? null
                : credentials.secretFileText(target.getMirrorKeyCredentialsId(), owner(target), "the mirror's SSH key");
    }

    /** The DLRN API's user and password, or null when the target names no DLRN API; a URL needs credentials. */
    @CheckForNull
    public static StandardUsernamePasswordCredentials dlrnApiUser(RepoTarget target, CredentialsLookup credentials) {
        return target.getDlrnApiUrl() == null ? null
                : credentials.require(StandardUsernamePasswordCredentials.class, target.getDlrnApiCredentialsId(),
                        owner(target), "a username with password (the DLRN API's)");
    }
}
