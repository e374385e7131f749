package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.util.List;

/**
 * The credentials of a repo target, for the build that uses them. Their secrets reach the build's agent (the signing
 * key into a temporary keyring, the mirror's SSH key, the database password), where the job's own code runs, so they
 * are looked up as the build may see them ({@code CredentialsProvider.findCredentialById}: the job's folder and
 * global credentials, as the job's authentication, e.g. under Authorize Project), never among the system-scoped
 * credentials reserved to Jenkins itself. Each use is recorded on the build. What is expected of them, and every
 * message, is {@link CredentialsLookup}'s.
 */
public final class BuildCredentials {

    /**
     * Accepts the credentials a build may use: those of any scope but {@link CredentialsScope#SYSTEM}, which the
     * credentials plugin keeps for Jenkins itself and never hands to a build. The list boxes of a repo target's
     * credentials offer only these, so that what is chosen there is what {@link #of} finds.
     */
    public static final CredentialsMatcher USABLE = new Usable();

    /** Where a build looks for credentials, as a message about an unknown id says it. */
    static final String WHERE = "among the credentials this build may use (global ones and those of the job's"
            + " folders, never system-scoped ones): add them with global scope under Manage Jenkins » Credentials,"
            + " or in the job's folder,";

    private BuildCredentials() {
    }

    /** The credentials {@code run} may use. */
    public static CredentialsLookup of(Run<?, ?> run) {
        return new CredentialsLookup(new CredentialsLookup.Store() {
            @Override
            public StandardCredentials byId(String id) {
                return CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
            }

            @Override
            public void used(StandardCredentials credentials) {
                CredentialsProvider.track(run, credentials);
            }

            @Override
            public String where() {
                return WHERE;
            }
        });
    }

    /** {@link #USABLE}: a named class, as matchers are serializable and a lambda does not serialize stably. */
    private static final class Usable implements CredentialsMatcher {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean matches(@NonNull Credentials item) {
            return item.getScope() != CredentialsScope.SYSTEM;
        }
    }
}
