package io.jenkins.plugins.packagepipeline.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.cloud.ConnectionProbe;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.OpenStackApplicationCredential;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One OpenStack cloud the steps may use, by name: where its Keystone is, how to authenticate (an OpenStack
 * application credential, or a username/password with the user's domain and the project to scope to), TLS and
 * timeouts, and the instance defaults that steps may override.
 */
public final class OpenStackCloud implements Describable<OpenStackCloud> {

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_READ_TIMEOUT_SECONDS = 120;
    static final int DEFAULT_PROVISION_TIMEOUT_SECONDS = 900;

    private final String name;
    private final String keystoneUrl;
    private final String credentialsId;
    private String region;
    private String userDomain = "Default";
    private String projectName;
    private String projectDomain = "Default";
    private boolean tlsVerify = true;
    private String caCertificate;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
    private int provisionTimeoutSeconds = DEFAULT_PROVISION_TIMEOUT_SECONDS;
    private String image;
    private String flavor;
    private String network;
    private String keyPair;
    private String securityGroups;
    private int volumeSizeGb;
    private String floatingIpPool;

    @DataBoundConstructor
    public OpenStackCloud(String name, String keystoneUrl, String credentialsId) {
        this.name = strip(name);
        this.keystoneUrl = strip(keystoneUrl);
        this.credentialsId = strip(credentialsId);
    }

    /**
     * What is wrong with this cloud's settings, one message per bad value (empty if nothing): saving the
     * configuration refuses a cloud with problems.
     */
    public List<String> problems() {
        List<FieldCheck> checks = List.of(
                FieldChecks.name("cloud", name),
                FieldChecks.keystoneUrl(keystoneUrl),
                FieldChecks.requiredCredentials("cloud '" + name + "'", credentialsId),
                FieldChecks.range("connect timeout (seconds)", connectTimeoutSeconds, 1, 600),
                FieldChecks.range("read timeout (seconds)", readTimeoutSeconds, 1, 3600),
                FieldChecks.range("provisioning timeout (seconds)", provisionTimeoutSeconds, 30, 86400),
                FieldChecks.range("volume size (GB)", volumeSizeGb, 0, 16384));
        List<String> problems = new ArrayList<>();
        for (FieldCheck c : checks) {
            if (c.isError()) {
                problems.add("Cloud '" + name + "': " + c.message());
            }
        }
        return problems;
    }

    /** The instance defaults of this cloud, which a step's arguments override. */
    public InstanceSettings instanceDefaults() {
        return new InstanceSettings(image, flavor, network, keyPair, InstanceSettings.parseNames(securityGroups),
                volumeSizeGb, floatingIpPool);
    }

    public String getName() {
        return name;
    }

    public String getKeystoneUrl() {
        return keystoneUrl;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = strip(region);
    }

    public String getUserDomain() {
        return userDomain;
    }

    @DataBoundSetter
    public void setUserDomain(String userDomain) {
        this.userDomain = strip(userDomain);
    }

    public String getProjectName() {
        return projectName;
    }

    @DataBoundSetter
    public void setProjectName(String projectName) {
        this.projectName = strip(projectName);
    }

    public String getProjectDomain() {
        return projectDomain;
    }

    @DataBoundSetter
    public void setProjectDomain(String projectDomain) {
        this.projectDomain = strip(projectDomain);
    }

    public boolean isTlsVerify() {
        return tlsVerify;
    }

    @DataBoundSetter
    public void setTlsVerify(boolean tlsVerify) {
        this.tlsVerify = tlsVerify;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = strip(caCertificate);
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    public int getProvisionTimeoutSeconds() {
        return provisionTimeoutSeconds;
    }

    @DataBoundSetter
    public void setProvisionTimeoutSeconds(int provisionTimeoutSeconds) {
        this.provisionTimeoutSeconds = provisionTimeoutSeconds;
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = strip(image);
    }

    public String getFlavor() {
        return flavor;
    }

    @DataBoundSetter
    public void setFlavor(String flavor) {
        this.flavor = strip(flavor);
    }

    public String getNetwork() {
        return network;
    }

    @DataBoundSetter
    public void setNetwork(String network) {
        this.network = strip(network);
    }

    public String getKeyPair() {
        return keyPair;
    }

    @DataBoundSetter
    public void setKeyPair(String keyPair) {
        this.keyPair = strip(keyPair);
    }

    public String getSecurityGroups() {
        return securityGroups;
    }

    /** Security group names separated by commas or spaces. */
    @DataBoundSetter
    public void setSecurityGroups(String securityGroups) {
        this.securityGroups = strip(securityGroups);
    }

    public int getVolumeSizeGb() {
        return volumeSizeGb;
    }

    /** Boot volume size in GB; 0 boots from the image without a volume. */
    @DataBoundSetter
    public void setVolumeSizeGb(int volumeSizeGb) {
        this.volumeSizeGb = volumeSizeGb;
    }

    public String getFloatingIpPool() {
        return floatingIpPool;
    }

    @DataBoundSetter
    public void setFloatingIpPool(String floatingIpPool) {
        this.floatingIpPool = strip(floatingIpPool);
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The form of one cloud on the configuration page; every method requires Overall/Administer. */
    @Extension
    @Symbol("openStackCloud")
    public static final class DescriptorImpl extends Descriptor<OpenStackCloud> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "OpenStack cloud";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.name("cloud", value));
        }

        @POST
        public FormValidation doCheckKeystoneUrl(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.keystoneUrl(value));
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.requiredCredentials("this cloud", value));
        }

        @POST
        public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("connect timeout (seconds)", value, 1, 600));
        }

        @POST
        public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("read timeout (seconds)", value, 1, 3600));
        }

        @POST
        public FormValidation doCheckProvisionTimeoutSeconds(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("provisioning timeout (seconds)", value, 30, 86400));
        }

        @POST
        public FormValidation doCheckVolumeSizeGb(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("volume size (GB)", value, 0, 16384));
        }

        /**
         * Authenticates to Keystone with the values now in the form (saved or not) and says as whom, or why not.
         * Administrators only, and only by POST: it makes a request with stored credentials.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String keystoneUrl,
                @QueryParameter String credentialsId, @QueryParameter String region,
                @QueryParameter String userDomain, @QueryParameter String projectName,
                @QueryParameter String projectDomain, @QueryParameter boolean tlsVerify,
                @QueryParameter String caCertificate, @QueryParameter int connectTimeoutSeconds,
                @QueryParameter int readTimeoutSeconds) {
            Forms.checkConfigure(null);
            OpenStackCloud cloud = new OpenStackCloud(name == null || name.isBlank() ? "(unsaved)" : name,
                    keystoneUrl, credentialsId);
            cloud.setRegion(region);
            cloud.setUserDomain(userDomain);
            cloud.setProjectName(projectName);
            cloud.setProjectDomain(projectDomain);
            cloud.setTlsVerify(tlsVerify);
            cloud.setCaCertificate(caCertificate);
            cloud.setConnectTimeoutSeconds(connectTimeoutSeconds);
            cloud.setReadTimeoutSeconds(readTimeoutSeconds);
            FieldCheck url = FieldChecks.keystoneUrl(keystoneUrl);
            if (url.isError()) {
                return Forms.validation(url);
            }
            return Forms.validation(ConnectionProbe.probe(cloud));
        }

        /** OpenStack application credentials and username/password credentials, to administrators only. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return Forms.systemCredentials(credentialsId, OpenStackApplicationCredential.class,
                    StandardUsernamePasswordCredentials.class);
        }
    }
}
