package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
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
        });
    }
}
