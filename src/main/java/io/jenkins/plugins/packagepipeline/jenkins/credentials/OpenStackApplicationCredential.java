package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * An OpenStack application credential (Keystone {@code v3applicationcredential}): the id Keystone gave it and its
 * secret. It authenticates as the user that created it, scoped to the project it was created in, so a cloud using
 * it needs neither a user, a domain nor a project.
 */
public interface OpenStackApplicationCredential extends StandardCredentials {

    /** The application credential's id, as {@code openstack application credential create} prints it. */
    @NonNull
    String getApplicationCredentialId();

    /** The application credential's secret. */
    @NonNull
    Secret getSecret();
}
