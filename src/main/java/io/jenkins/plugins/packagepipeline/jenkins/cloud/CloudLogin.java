package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudConnection;
import io.jenkins.plugins.packagepipeline.cloud.CloudCredentials;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.run.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How a configured cloud and the secret of its credentials become an engine {@link CloudConnection}, and a session
 * opened for one piece of work. The CA certificate of the configuration, if any, lives in a {@link PrivateFiles}
 * file for exactly as long as the work.
 */
public final class CloudLogin {

    private CloudLogin() {
    }

    /** Password authentication: the user's domain and the project to scope to come from the cloud's settings. */
    public static CloudCredentials password(OpenStackCloud cloud, String credentialsId, String user, String password) {
        if (cloud.getProjectName() == null) {
            throw new PackagePipelineException("Cloud '" + cloud.getName() + "' uses the username/password"
                    + " credentials '" + credentialsId + "' but names no project to scope to: set Project under"
                    + " Manage Jenkins » System » Package Pipeline, or use an OpenStack application credential.");
        }
        return new CloudCredentials.Password(user, cloud.getUserDomain(), cloud.getProjectName(),
                cloud.getProjectDomain(), password);
    }

    /** Application credential authentication: already scoped to its project. */
    public static CloudCredentials applicationCredential(String id, String secret) {
        return new CloudCredentials.ApplicationCredential(id, secret);
    }

    /** The engine's connection settings for {@code cloud}; {@code caBundle} is the CA file or null. */
    public static CloudConnection connection(OpenStackCloud cloud, CloudCredentials credentials, Path caBundle) {
        return new CloudConnection(URI.create(cloud.getKeystoneUrl()), credentials, cloud.getRegion(),
                cloud.connectTimeout(), cloud.readTimeout(), caBundle, !cloud.isTlsVerify());
    }

    /**
     * Opens a session to {@code cloud} (authenticating now, so that bad credentials fail first), runs
     * {@code work} with it and removes the temporary CA file.
     */
    public static <T> T withSession(OpenStackCloud cloud, CloudCredentials credentials, ProgressListener listener,
            Function<CloudSession, T> work) {
        return withSession(cloud, credentials, listener, work, PrivateFiles.systemTemp());
    }

    static <T> T withSession(OpenStackCloud cloud, CloudCredentials credentials, ProgressListener listener,
            Function<CloudSession, T> work, Path tempDir) {
        if (cloud.getCaCertificate() == null) {
            return work.apply(CloudSession.open(connection(cloud, credentials, null), listener));
        }
        try (PrivateFiles files = PrivateFiles.in(tempDir)) {
            Path caBundle = files.write("ca.pem", cloud.getCaCertificate());
            return work.apply(CloudSession.open(connection(cloud, credentials, caBundle), listener));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CA certificate of cloud '" + cloud.getName()
                    + "' to a temporary file: " + e.getMessage(), e);
        }
    }
}
