package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.OpenStackApplicationCredential;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.SystemCredentials;

/** The engine credentials of a cloud, from the Jenkins credentials an administrator chose for it. */
final class CloudCredentialsLookup {

    private static final String KINDS = "an OpenStack application credential nor a username with password";

    private CloudCredentialsLookup() {
    }

    static CloudCredentials of(OpenStackCloud cloud, @CheckForNull Run<?, ?> run) {
        String id = cloud.getCredentialsId();
        String owner = "Cloud '" + cloud.getName() + "'";
        if (id == null) {
            throw new PackagePipelineException(owner + " has no credentials: choose them under Manage Jenkins »"
                    + " System » Package Pipeline.");
        }
        StandardCredentials found = SystemCredentials.find(StandardCredentials.class, id, owner, "credentials", run);
        if (found instanceof OpenStackApplicationCredential app) {
            return CloudLogin.applicationCredential(app.getApplicationCredentialId(), app.getSecret().getPlainText());
        }
        if (found instanceof StandardUsernamePasswordCredentials up) {
            return CloudLogin.password(cloud, id, up.getUsername(), up.getPassword().getPlainText());
        }
        throw new PackagePipelineException(owner + ": the credentials '" + id + "' are neither " + KINDS + ".");
    }
}
