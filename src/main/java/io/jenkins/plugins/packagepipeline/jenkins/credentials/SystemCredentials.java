package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The credentials of a cloud an administrator chose in the global configuration, as Jenkins holds them. They belong
 * to the system configuration and are used on the controller only, so they are looked up as the system among the
 * credentials of Jenkins itself (as openstack-cloud-plugin does for its clouds), not as the user running the build;
 * each use is recorded on the build. A repo target's credentials, whose secrets reach agents, are
 * {@link BuildCredentials}'. What is expected of them, and every message, is {@link CredentialsLookup}'s.
 */
public final class SystemCredentials {

    private SystemCredentials() {
    }

    /**
     * The system credentials, for a build.
     *
     * @param run the build using them, to record each use; null when no build uses them (Test connection)
     */
    public static CredentialsLookup forBuild(@CheckForNull Run<?, ?> run) {
        return new CredentialsLookup(new CredentialsLookup.Store() {
            @Override
            public StandardCredentials byId(String id) {
                return CredentialsMatchers.firstOrNull(
                        CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                                ACL.SYSTEM2, List.of()),
                        CredentialsMatchers.withId(id));
            }

            @Override
            public void used(StandardCredentials credentials) {
                if (run != null) {
                    CredentialsProvider.track(run, credentials);
                }
            }
        });
    }
}
