package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds credentials an administrator chose in the global configuration (a cloud's, a repo target's). They belong to
 * the system configuration, so they are looked up as the system among the credentials of Jenkins itself (as
 * openstack-cloud-plugin does for its clouds), not as the user running the build; the use is recorded on the build.
 */
public final class SystemCredentials {

    private SystemCredentials() {
    }

    /**
     * The credentials with this id, of this type.
     *
     * @param owner what chose them, for messages ("Cloud 'rdo'", "Repo target 'trunk'")
     * @param kind what they must be, for messages ("a secret file")
     * @param run the build using them, to record the use; null when no build uses them (Test connection)
     */
    public static <C extends StandardCredentials> C find(Class<C> type, String id, String owner, String kind,
            @CheckForNull Run<?, ?> run) {
        StandardCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (found == null) {
            throw new PackagePipelineException(owner + ": no credentials with id '" + id + "' in the system"
                    + " credentials: add them under Manage Jenkins » Credentials or choose others.");
        }
        if (!type.isInstance(found)) {
            throw new PackagePipelineException(owner + ": the credentials '" + id + "' are not " + kind + ".");
        }
        if (run != null) {
            CredentialsProvider.track(run, found);
        }
        return type.cast(found);
    }
}
