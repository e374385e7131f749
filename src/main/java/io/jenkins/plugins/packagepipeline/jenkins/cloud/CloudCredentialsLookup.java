package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.CredentialsLookup;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.OpenStackApplicationCredential;

/**
 * The engine credentials of a cloud, from the Jenkins credentials an administrator chose for it: an OpenStack
 * application credential (already scoped to its project), or a username with password scoped to the cloud's
 * project.
 */
final class CloudCredentialsLookup {

    static final String KINDS = "an OpenStack application credential or a username with password";

    private CloudCredentialsLookup() {
    }

    static CloudCredentials of(OpenStackCloud cloud, CredentialsLookup credentials) {
        String id = cloud.getCredentialsId();
        StandardCredentials found = credentials.require(StandardCredentials.class, id,
                "Cloud '" + cloud.getName() + "'", KINDS);
        if (found instanceof OpenStackApplicationCredential app) {
            return CloudLogin.applicationCredential(app.getApplicationCredentialId(), app.getSecret().getPlainText());
        }
        if (found instanceof StandardUsernamePasswordCredentials up) {
            return CloudLogin.password(cloud, id, up.getUsername(), up.getPassword().getPlainText());
        }
        throw new PackagePipelineException("Cloud '" + cloud.getName() + "': the credentials '" + id + "' are "
                + CredentialsLookup.kindOf(found) + ", not " + KINDS + ": choose credentials of one of those types.");
    }
}
