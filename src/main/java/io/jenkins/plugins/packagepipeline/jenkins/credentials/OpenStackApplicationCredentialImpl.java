package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The stored {@link OpenStackApplicationCredential}: added under Manage Jenkins » Credentials or with JCasC. */
public final class OpenStackApplicationCredentialImpl extends BaseStandardCredentials
        implements OpenStackApplicationCredential {

    private static final long serialVersionUID = 1L;

    private final String applicationCredentialId;
    private final Secret secret;

    @DataBoundConstructor
    public OpenStackApplicationCredentialImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull String applicationCredentialId, @NonNull Secret secret) {
        super(scope, id, description);
        this.applicationCredentialId = applicationCredentialId == null ? "" : applicationCredentialId.strip();
        this.secret = secret;
    }

    @NonNull
    @Override
    public String getApplicationCredentialId() {
        return applicationCredentialId;
    }

    @NonNull
    @Override
    public Secret getSecret() {
        return secret;
    }

    /** Shows the credentials type as "OpenStack application credential". */
    @Extension
    @Symbol("openStackApplicationCredential")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "OpenStack application credential";
        }
    }
}
