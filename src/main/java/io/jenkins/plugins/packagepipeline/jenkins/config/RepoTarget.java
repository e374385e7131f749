package io.jenkins.plugins.packagepipeline.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.form.Builders;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One place packages are built into and published from, by name: its data directory (builds, build database,
 * published repos), where its build database is (SQLite in the data directory, or PostgreSQL), the public URL
 * clients install from, the key (and passphrase) that signs its packages and repo metadata, the
 * secondary it is mirrored to (rsync over SSH), the DLRN API it imports into, how its repositories are published
 * (SRPMs, components, tool timeout: the command line's {@code --sources}, {@code --components},
 * {@code --tool-timeout}), and the defaults of {@code buildPackage} for it.
 */
public final class RepoTarget implements Describable<RepoTarget> {

    static final int DEFAULT_WORKERS = 2;
    static final int DEFAULT_SSH_PORT = 22;
    /** The tool timeout when left empty, in the syntax of {@link io.jenkins.plugins.packagepipeline.Durations}. */
    public static final String DEFAULT_TOOL_TIMEOUT = "10m";
    private static final Duration TOOL_TIMEOUT_MIN = Duration.ofSeconds(10);
    private static final Duration TOOL_TIMEOUT_MAX = Duration.ofDays(1);

    private final String name;
    private final String dataDirectory;
    private String publicBaseUrl;
    private String signingKeyCredentialsId;
    private String signingPassphraseCredentialsId;
    private String databaseUrl;
    private String databaseCredentialsId;
    private String mirrorTarget;
    private int mirrorSshPort = DEFAULT_SSH_PORT;
    private String mirrorKeyCredentialsId;
    private String mirrorKnownHosts;
    private String dlrnApiUrl;
    private String dlrnApiCredentialsId;
    private String builder = Builders.RPMBUILD;
    private int workers = DEFAULT_WORKERS;
    private boolean allowForceRechecks;
    private boolean sources;
    private boolean components;
    private String toolTimeout;

    @DataBoundConstructor
    public RepoTarget(String name, String dataDirectory) {
        this.name = OpenStackCloud.strip(name);
        this.dataDirectory = OpenStackCloud.strip(dataDirectory);
    }

    /** What is wrong with this target's settings, one message per bad value (empty if nothing). */
    public List<String> problems() {
        List<FieldCheck> checks = List.of(
                FieldChecks.name("repo target", name),
                FieldChecks.dataDirectory(dataDirectory),
                FieldChecks.optionalHttpUrl("public base URL", publicBaseUrl),
                FieldChecks.mirrorTarget(mirrorTarget),
                FieldChecks.range("mirror SSH port", mirrorSshPort, 1, 65535),
                FieldChecks.optionalHttpUrl("DLRN API URL", dlrnApiUrl),
                signingPassphraseCredentialsId != null && signingKeyCredentialsId == null
                        ? FieldCheck.error("a signing key passphrase is chosen but no signing key: choose the key"
                                + " (a secret file) or remove the passphrase")
                        : FieldCheck.ok(),
                FieldChecks.databaseUrl(databaseUrl),
                databaseCredentialsId != null && databaseUrl == null
                        ? FieldCheck.error("database credentials are chosen but no database URL: the build"
                                + " database is the SQLite file of the data directory, which takes none; set the"
                                + " PostgreSQL URL or remove the credentials")
                        : FieldCheck.ok(),
                dlrnApiUrl != null && dlrnApiCredentialsId == null
                        ? FieldChecks.requiredCredentials("the DLRN API at " + dlrnApiUrl, null)
                        : FieldCheck.ok(),
                FieldChecks.builder(builder),
                FieldChecks.range("number of workers", workers, 1, 64),
                checkToolTimeout(getToolTimeout()));
        List<String> problems = new ArrayList<>();
        for (FieldCheck c : checks) {
            if (c.isError()) {
                problems.add("Repo target '" + name + "': " + c.message());
            }
        }
        return problems;
    }

    /** The check of a tool timeout: 10s to 1d. */
    static FieldCheck checkToolTimeout(String value) {
        return FieldChecks.duration("toolTimeout", value, TOOL_TIMEOUT_MIN, TOOL_TIMEOUT_MAX);
    }

    /**
     * How long one run of createrepo_c, rpmsign, gpg, rsync or ssh, or a wait for the publish lock, may take.
     *
     * @throws io.jenkins.plugins.packagepipeline.PackagePipelineException naming the target, the setting and the value
     */
    public Duration toolTimeout() {
        return FieldChecks.durationOr(null, "Repo target '" + name + "': toolTimeout", getToolTimeout(),
                TOOL_TIMEOUT_MIN, TOOL_TIMEOUT_MAX);
    }

    public String getName() {
        return name;
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    @DataBoundSetter
    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = OpenStackCloud.strip(publicBaseUrl);
    }

    public String getSigningKeyCredentialsId() {
        return signingKeyCredentialsId;
    }

    /** A secret file credential holding the ASCII-armored OpenPGP secret key. */
    @DataBoundSetter
    public void setSigningKeyCredentialsId(String signingKeyCredentialsId) {
        this.signingKeyCredentialsId = OpenStackCloud.strip(signingKeyCredentialsId);
    }

    public String getSigningPassphraseCredentialsId() {
        return signingPassphraseCredentialsId;
    }

    /** A secret text credential holding the signing key's passphrase; empty when the key has none. */
    @DataBoundSetter
    public void setSigningPassphraseCredentialsId(String signingPassphraseCredentialsId) {
        this.signingPassphraseCredentialsId = OpenStackCloud.strip(signingPassphraseCredentialsId);
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    /** The build database's JDBC URL (PostgreSQL); empty for the SQLite file {@code build.db} of the data directory. */
    @DataBoundSetter
    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = OpenStackCloud.strip(databaseUrl);
    }

    public String getDatabaseCredentialsId() {
        return databaseCredentialsId;
    }

    /** A username with password credential the build database is opened with (with a database URL only). */
    @DataBoundSetter
    public void setDatabaseCredentialsId(String databaseCredentialsId) {
        this.databaseCredentialsId = OpenStackCloud.strip(databaseCredentialsId);
    }

    public String getMirrorTarget() {
        return mirrorTarget;
    }

    @DataBoundSetter
    public void setMirrorTarget(String mirrorTarget) {
        this.mirrorTarget = OpenStackCloud.strip(mirrorTarget);
    }

    public int getMirrorSshPort() {
        return mirrorSshPort;
    }

    @DataBoundSetter
    public void setMirrorSshPort(int mirrorSshPort) {
        this.mirrorSshPort = mirrorSshPort;
    }

    public String getMirrorKeyCredentialsId() {
        return mirrorKeyCredentialsId;
    }

    /** A secret file credential holding the SSH private key (without passphrase) that logs in to the mirror. */
    @DataBoundSetter
    public void setMirrorKeyCredentialsId(String mirrorKeyCredentialsId) {
        this.mirrorKeyCredentialsId = OpenStackCloud.strip(mirrorKeyCredentialsId);
    }

    public String getMirrorKnownHosts() {
        return mirrorKnownHosts;
    }

    /** known_hosts lines holding the mirror's host key (checked always); empty uses the agent's known_hosts. */
    @DataBoundSetter
    public void setMirrorKnownHosts(String mirrorKnownHosts) {
        this.mirrorKnownHosts = OpenStackCloud.strip(mirrorKnownHosts);
    }

    public String getDlrnApiUrl() {
        return dlrnApiUrl;
    }

    @DataBoundSetter
    public void setDlrnApiUrl(String dlrnApiUrl) {
        this.dlrnApiUrl = OpenStackCloud.strip(dlrnApiUrl);
    }

    public String getDlrnApiCredentialsId() {
        return dlrnApiCredentialsId;
    }

    @DataBoundSetter
    public void setDlrnApiCredentialsId(String dlrnApiCredentialsId) {
        this.dlrnApiCredentialsId = OpenStackCloud.strip(dlrnApiCredentialsId);
    }

    public String getBuilder() {
        return builder;
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        String b = OpenStackCloud.strip(builder);
        this.builder = b == null ? Builders.RPMBUILD : b;
    }

    public int getWorkers() {
        return workers;
    }

    @DataBoundSetter
    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public boolean isAllowForceRechecks() {
        return allowForceRechecks;
    }

    /**
     * Whether {@code buildPackage(forceRecheck: true)} may rebuild a successful build (DLRN's
     * allow_force_rechecks).
     */
    @DataBoundSetter
    public void setAllowForceRechecks(boolean allowForceRechecks) {
        this.allowForceRechecks = allowForceRechecks;
    }

    public boolean isSources() {
        return sources;
    }

    /** Whether SRPMs are part of the published repositories (the command line's {@code --sources}). */
    @DataBoundSetter
    public void setSources(boolean sources) {
        this.sources = sources;
    }

    public boolean isComponents() {
        return components;
    }

    /**
     * Whether each snapshot holds one sub-repository per catalog component ({@code components/<name>/}) and an
     * aggregate {@code .repo} file, instead of one flat repository (the command line's {@code --components}).
     */
    @DataBoundSetter
    public void setComponents(boolean components) {
        this.components = components;
    }

    /** The tool timeout as configured, a duration ({@code 10m}); {@link #DEFAULT_TOOL_TIMEOUT} if unset. */
    public String getToolTimeout() {
        return toolTimeout == null ? DEFAULT_TOOL_TIMEOUT : toolTimeout;
    }

    /** A duration, e.g. {@code 30m}; empty for {@link #DEFAULT_TOOL_TIMEOUT} (the command line's --tool-timeout). */
    @DataBoundSetter
    public void setToolTimeout(String toolTimeout) {
        this.toolTimeout = OpenStackCloud.strip(toolTimeout);
    }

    /** The form of one repo target on the configuration page; every method requires Overall/Administer. */
    @Extension
    @Symbol("repoTarget")
    public static final class DescriptorImpl extends Descriptor<RepoTarget> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Repo target";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.name("repo target", value));
        }

        @POST
        public FormValidation doCheckDataDirectory(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.dataDirectory(value));
        }

        @POST
        public FormValidation doCheckPublicBaseUrl(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.optionalHttpUrl("public base URL", value));
        }

        @POST
        public FormValidation doCheckMirrorTarget(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.mirrorTarget(value));
        }

        @POST
        public FormValidation doCheckDlrnApiUrl(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.optionalHttpUrl("DLRN API URL", value));
        }

        @POST
        public FormValidation doCheckToolTimeout(@QueryParameter String value) {
            return Forms.check(() -> checkToolTimeout(value));
        }

        @POST
        public FormValidation doCheckWorkers(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("number of workers", value, 1, 64));
        }

        @POST
        public ListBoxModel doFillSigningKeyCredentialsIdItems(@QueryParameter String signingKeyCredentialsId) {
            return Forms.buildCredentials(signingKeyCredentialsId, FileCredentials.class);
        }

        @POST
        public ListBoxModel doFillSigningPassphraseCredentialsIdItems(
                @QueryParameter String signingPassphraseCredentialsId) {
            return Forms.buildCredentials(signingPassphraseCredentialsId, StringCredentials.class);
        }

        @POST
        public FormValidation doCheckDatabaseUrl(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.databaseUrl(value));
        }

        @POST
        public ListBoxModel doFillDatabaseCredentialsIdItems(@QueryParameter String databaseCredentialsId) {
            return Forms.buildCredentials(databaseCredentialsId, StandardUsernamePasswordCredentials.class);
        }

        @POST
        public FormValidation doCheckMirrorSshPort(@QueryParameter String value) {
            return Forms.check(() -> FieldChecks.range("mirror SSH port", value, 1, 65535));
        }

        @POST
        public ListBoxModel doFillMirrorKeyCredentialsIdItems(@QueryParameter String mirrorKeyCredentialsId) {
            return Forms.buildCredentials(mirrorKeyCredentialsId, FileCredentials.class);
        }

        @POST
        public ListBoxModel doFillDlrnApiCredentialsIdItems(@QueryParameter String dlrnApiCredentialsId) {
            return Forms.buildCredentials(dlrnApiCredentialsId, StandardUsernamePasswordCredentials.class);
        }

        @POST
        public ListBoxModel doFillBuilderItems() {
            return Forms.access(null).list(() -> Forms.choices(Builders.NAMES), ListBoxModel::new);
        }
    }
}
