package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Picks the credentials a setting names by id (a cloud's, a repo target's), of the type that setting needs, and
 * says what is wrong when it cannot: no id chosen, no credentials with that id, or credentials of another type;
 * each message names the setting's owner, the id and the type expected, and never a secret. Where the credentials
 * come from is a {@link Store}: in Jenkins a cloud's from the system credentials ({@link SystemCredentials#forBuild}),
 * a repo target's from those the build may see ({@link BuildCredentials#of}).
 */
public final class CredentialsLookup {

    /** Where credentials are found by id, and where their use is recorded. */
    public interface Store {
        /** The credentials with this id, or {@code null}. */
        @CheckForNull
        StandardCredentials byId(String id);

        /** Records that the build at hand used these credentials (Credentials » Usage). */
        void used(StandardCredentials credentials);

        /** Where an id was looked for and where to add the credentials, for the message when none has it. */
        default String where() {
            return "in the system credentials: add them under Manage Jenkins » Credentials";
        }
    }

    private final Store store;

    public CredentialsLookup(Store store) {
        this.store = store;
    }

    /**
     * The credentials with this id, of this type; their use is recorded.
     *
     * @param owner what chose them, for messages ("Cloud 'rdo'", "Repo target 'trunk'")
     * @param kind the type they must be, for messages ("a secret file (the mirror's SSH key)")
     * @throws PackagePipelineException when {@code id} is blank, unknown, or names credentials of another type
     */
    public <C extends StandardCredentials> C require(Class<C> type, @CheckForNull String id, String owner,
            String kind) {
        if (id == null || id.isBlank()) {
            throw new PackagePipelineException(owner + " names no credentials for " + kind + ": choose them under"
                    + " Manage Jenkins » System » Package Pipeline.");
        }
        StandardCredentials found = store.byId(id);
        if (found == null) {
            throw new PackagePipelineException(owner + ": no credentials with id '" + id + "' (" + kind + ") "
                    + store.where() + " or choose others.");
        }
        if (!type.isInstance(found)) {
            throw new PackagePipelineException(owner + ": the credentials '" + id + "' are " + kindOf(found)
                    + ", not " + kind + ": choose credentials of that type.");
        }
        store.used(found);
        return type.cast(found);
    }

    /** The text of a secret file (an ASCII-armored key), of the credentials with this id. */
    public String secretFileText(@CheckForNull String id, String owner, String what) throws IOException {
        FileCredentials file = require(FileCredentials.class, id, owner, "a secret file (" + what + ")");
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The text of a secret text, of the credentials with this id. */
    public String secretText(@CheckForNull String id, String owner, String what) {
        return require(StringCredentials.class, id, owner, "a secret text (" + what + ")").getSecret().getPlainText();
    }

    /** The type of credentials as the Credentials page names it, for messages. */
    public static String kindOf(StandardCredentials credentials) {
        if (credentials instanceof OpenStackApplicationCredential) {
            return "an OpenStack application credential";
        }
        if (credentials instanceof StandardUsernamePasswordCredentials) {
            return "a username with password";
        }
        if (credentials instanceof FileCredentials) {
            return "a secret file";
        }
        if (credentials instanceof StringCredentials) {
            return "a secret text";
        }
        return "of another type (" + credentials.getClass().getSimpleName() + ")";
    }
}
