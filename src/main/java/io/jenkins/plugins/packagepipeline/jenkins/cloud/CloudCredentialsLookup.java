package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.OpenStackApplicationCredential;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds the credentials an administrator chose for a cloud. They are system-level configuration, so they are
 * looked up as the system (like the clouds of openstack-cloud-plugin), not as the user running the build; the use
 * is recorded on the build.
 */
final class CloudCredentialsLookup {

    private CloudCredentialsLookup() {
    }

    static CloudCredentials of(OpenStackCloud cloud, @CheckForNull Run<?, ?> run) {
        String id = cloud.getCredentialsId();
        if (id == null) {
            throw new PackagePipelineException("Cloud '" + cloud.getName() + "' has no credentials: choose them under"
                    + " Manage Jenkins » System » Package Pipeline.");
        }
        StandardCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (found == null) {
            throw new PackagePipelineException("Cloud '" + cloud.getName() + "': no credentials with id '" + id
                    + "' in the system credentials: add them under Manage Jenkins » Credentials or choose others.");
        }
        if (run != null) {
            CredentialsProvider.track(run, found);
        }
        if (found instanceof OpenStackApplicationCredential app) {
            return CloudLogin.applicationCredential(app.getApplicationCredentialId(), app.getSecret().getPlainText());
        }
        if (found instanceof StandardUsernamePasswordCredentials up) {
            return CloudLogin.password(cloud, id, up.getUsername(), up.getPassword().getPlainText());
        }
        throw new PackagePipelineException("Cloud '" + cloud.getName() + "': the credentials '" + id + "' are neither"
                + " an OpenStack application credential nor a username with password.");
    }
}
