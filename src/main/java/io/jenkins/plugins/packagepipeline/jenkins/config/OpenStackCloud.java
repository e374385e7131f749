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
import java.time.Duration;
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

    /** The timeouts when left empty, in the syntax of {@link io.jenkins.plugins.packagepipeline.Durations}. */
    public static final String DEFAULT_CONNECT_TIMEOUT = "30s";
    public static final String DEFAULT_READ_TIMEOUT = "2m";
    public static final String DEFAULT_PROVISION_TIMEOUT = "15m";

    private static final Duration CONNECT_TIMEOUT_MIN = Duration.ofSeconds(1);
    private static final Duration CONNECT_TIMEOUT_MAX = Duration.ofMinutes(10);
    private static final Duration READ_TIMEOUT_MIN = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT_MAX = Duration.ofHours(1);
    private static final Duration PROVISION_TIMEOUT_MIN = Duration.ofSeconds(30);
    private static final Duration PROVISION_TIMEOUT_MAX = Duration.ofDays(1);

    private final String name;
    private final String keystoneUrl;
    private final String credentialsId;
    private String region;
    private String userDomain = "Default";
    private String projectName;
    private String projectDomain = "Default";
    private boolean tlsVerify = true;
    private String caCertificate;
    private String connectTimeout;
    private String readTimeout;
    private String provisionTimeout;
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
                checkConnectTimeout(getConnectTimeout()),
                checkReadTimeout(getReadTimeout()),
                checkProvisionTimeout(getProvisionTimeout()),
                FieldChecks.range("volume size (GB)", volumeSizeGb, 0, 16384));
        List<String> problems = new ArrayList<>();
        for (FieldCheck c : checks) {
            if (c.isError()) {
                problems.add("Cloud '" + name + "': " + c.message());
            }
        }
        return problems;
    }

    /** The check of a connect timeout: 1s to 10m. */
    static FieldCheck checkConnectTimeout(String value) {
        return FieldChecks.duration("connectTimeout", value, CONNECT_TIMEOUT_MIN, CONNECT_TIMEOUT_MAX);
    }

    /** The check of a read timeout: 1s to 1h. */
    static FieldCheck checkReadTimeout(String value) {
        return FieldChecks.duration("readTimeout", value, READ_TIMEOUT_MIN, READ_TIMEOUT_MAX);
    }

    /** The check of a provisioning timeout: 30s to 1d. */
    static FieldCheck checkProvisionTimeout(String value) {
        return FieldChecks.duration("provisionTimeout", value, PROVISION_TIMEOUT_MIN, PROVISION_TIMEOUT_MAX);
    }

    /**
     * How long to wait for a connection to an OpenStack endpoint.
     *
     * @throws io.jenkins.plugins.packagepipeline.PackagePipelineException naming the cloud, the setting and the value
     */
    public Duration connectTimeout() {
        return FieldChecks.durationOr(null, "Cloud '" + name + "': connectTimeout", getConnectTimeout(),
                CONNECT_TIMEOUT_MIN, CONNECT_TIMEOUT_MAX);
    }

    /** How long to wait for an answer from an OpenStack endpoint; throws as {@link #connectTimeout()}. */
    public Duration readTimeout() {
        return FieldChecks.durationOr(null, "Cloud '" + name + "': readTimeout", getReadTimeout(), READ_TIMEOUT_MIN,
                READ_TIMEOUT_MAX);
    }

    /**
     * How long an instance, a volume or a snapshot may take to become ready (and an instance's SSH port to
     * answer); throws as {@link #connectTimeout()}.
     */
    public Duration provisionTimeout() {
        return FieldChecks.durationOr(null, "Cloud '" + name + "': provisionTimeout", getProvisionTimeout(),
                PROVISION_TIMEOUT_MIN, PROVISION_TIMEOUT_MAX);
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

    /** The connect timeout as configured, a duration ({@code 30s}); {@link #DEFAULT_CONNECT_TIMEOUT} if unset. */
    public String getConnectTimeout() {
        return connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    }

    /** A duration, e.g. {@code 30s}; empty for {@link #DEFAULT_CONNECT_TIMEOUT}. */
    @DataBoundSetter
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = strip(connectTimeout);
    }

    /** The read timeout as configured, a duration ({@code 2m}); {@link #DEFAULT_READ_TIMEOUT} if unset. */
    public String getReadTimeout() {
        return readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }

    /** A duration, e.g. {@code 90s}; empty for {@link #DEFAULT_READ_TIMEOUT}. */
    @DataBoundSetter
    public void setReadTimeout(String readTimeout) {
        this.readTimeout = strip(readTimeout);
    }

    /** The provisioning timeout as configured ({@code 15m}); {@link #DEFAULT_PROVISION_TIMEOUT} if unset. */
    public String getProvisionTimeout() {
        return provisionTimeout == null ? DEFAULT_PROVISION_TIMEOUT : provisionTimeout;
    }

    /** A duration, e.g. {@code 20m}; empty for {@link #DEFAULT_PROVISION_TIMEOUT}. */
    @DataBoundSetter
    public void setProvisionTimeout(String provisionTimeout) {
        this.provisionTimeout = strip(provisionTimeout);
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
        public FormValidation doCheckConnectTimeout(@QueryParameter String value) {
            return Forms.check(() -> checkConnectTimeout(value));
        }

        @POST
        public FormValidation doCheckReadTimeout(@QueryParameter String value) {
            return Forms.check(() -> checkReadTimeout(value));
        }

        @POST
        public FormValidation doCheckProvisionTimeout(@QueryParameter String value) {
            return Forms.check(() -> checkProvisionTimeout(value));
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
                @QueryParameter String caCertificate, @QueryParameter String connectTimeout,
                @QueryParameter String readTimeout) {
            Forms.checkConfigure(null);
            OpenStackCloud cloud = new OpenStackCloud(name == null || name.isBlank() ? "(unsaved)" : name,
                    keystoneUrl, credentialsId);
            cloud.setRegion(region);
            cloud.setUserDomain(userDomain);
            cloud.setProjectName(projectName);
            cloud.setProjectDomain(projectDomain);
            cloud.setTlsVerify(tlsVerify);
            cloud.setCaCertificate(caCertificate);
            cloud.setConnectTimeout(connectTimeout);
            cloud.setReadTimeout(readTimeout);
            for (FieldCheck check : List.of(FieldChecks.keystoneUrl(keystoneUrl), checkConnectTimeout(connectTimeout),
                    checkReadTimeout(readTimeout))) {
                if (check.isError()) {
                    return Forms.validation(check);
                }
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
