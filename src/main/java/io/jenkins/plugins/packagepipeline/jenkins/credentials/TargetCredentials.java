package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Reads the secrets a repo target's settings name from the system credentials, on the controller, for the agent
 * that builds or publishes: the signing key (a secret file) and its passphrase (a secret text), the mirror's SSH key
 * (a secret file) and the build database's user and password (a username with password). Each use is recorded on
 * the build.
 */
public final class TargetCredentials {

    private TargetCredentials() {
    }

    private static String owner(RepoTarget target) {
        return "Repo target '" + target.getName() + "'";
    }

    /** The target's build database: SQLite in its data directory unless it names a database URL. */
    public static BuildDatabase database(RepoTarget target, Run<?, ?> run) {
        if (target.getDatabaseUrl() == null) {
            return BuildDatabase.inDataDirectory();
        }
        if (target.getDatabaseCredentialsId() == null) {
            return new BuildDatabase(target.getDatabaseUrl(), null, null);
        }
        StandardUsernamePasswordCredentials user = SystemCredentials.find(StandardUsernamePasswordCredentials.class,
                target.getDatabaseCredentialsId(), owner(target), "a username with password (the build database's)",
                run);
        return new BuildDatabase(target.getDatabaseUrl(), user.getUsername(), user.getPassword().getPlainText());
    }

    /** The ASCII-armored signing key, or null when the target publishes unsigned. */
    public static String signingKey(RepoTarget target, Run<?, ?> run) throws IOException {
        return target.getSigningKeyCredentialsId() == null ? null
                : secretFile(target.getSigningKeyCredentialsId(), owner(target), "the ASCII-armored signing key", run);
    }

    /** The signing key's passphrase, or null when the key has none. */
    public static String signingPassphrase(RepoTarget target, Run<?, ?> run) {
        if (target.getSigningPassphraseCredentialsId() == null) {
            return null;
        }
        StringCredentials text = SystemCredentials.find(StringCredentials.class,
                target.getSigningPassphraseCredentialsId(), owner(target),
                "a secret text (the signing key's passphrase)", run);
        return text.getSecret().getPlainText();
    }

    /** The mirror's SSH private key, or null for the agent user's own keys. */
    public static String mirrorKey(RepoTarget target, Run<?, ?> run) throws IOException {
        return target.getMirrorKeyCredentialsId() == null ? null
                : secretFile(target.getMirrorKeyCredentialsId(), owner(target), "the mirror's SSH key", run);
    }

    private static String secretFile(String id, String owner, String what, Run<?, ?> run) throws IOException {
        FileCredentials file = SystemCredentials.find(FileCredentials.class, id, owner, "a secret file (" + what + ")",
                run);
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
