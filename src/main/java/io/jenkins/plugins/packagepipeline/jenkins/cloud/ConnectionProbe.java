package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.SystemCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;

/** The "Test connection" button of a cloud: authenticates once and reports as whom, or why not (masked). */
public final class ConnectionProbe {

    private ConnectionProbe() {
    }

    /** Callers check Overall/Administer first: this uses the cloud's stored credentials. */
    public static FieldCheck probe(OpenStackCloud cloud) {
        SecretMasker masker = SecretMasker.none();
        try {
            CloudCredentials credentials = CloudCredentialsLookup.of(cloud, SystemCredentials.forBuild(null));
            masker = SecretMasker.of(credentials.secrets());
            return CloudLogin.withSession(cloud, credentials, ProgressListener.NONE,
                    session -> FieldCheck.ok("Authenticated to " + session.connection().identityV3() + " as user '"
                            + session.userName() + "', project " + session.projectId() + "."));
        } catch (RuntimeException e) {
            return FieldCheck.error("Cannot authenticate: " + masker.mask(String.valueOf(e.getMessage())));
        }
    }
}
