package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import java.io.IOException;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withInstance(cloud: 'rdo', ...) { ... }}: provisions an instance, gives the block its facts as environment
 * variables ({@code INSTANCE_ID}, {@code INSTANCE_NAME}, {@code INSTANCE_IP}, {@code INSTANCE_FLOATING_IP},
 * {@code INSTANCE_KEY_PAIR}, {@code INSTANCE_ALLOCATION}), runs the block, and destroys the instance and everything
 * created with it whether the block succeeds, fails or is aborted. The same wrapper is "Provision an OpenStack
 * instance for the build" in a Freestyle job's Build Environment.
 *
 * <p>In Pipeline, workflow-basic-steps runs every {@code SimpleBuildWrapper} through its {@code wrap} step
 * ({@code CoreWrapperStep}), whose execution is a {@code GeneralNonBlockingStepExecution}: {@code setUp} runs on a
 * background thread, not on the CPS VM thread, and so does the disposer when the block ends; aborting the build
 * during {@code setUp} interrupts that thread, and the engine removes what it had created. As the wrapper needs no
 * workspace ({@link #requiresWorkspace()}), the block may stand outside {@code node { }} and then holds no executor.
 */
public final class WithInstanceWrapper extends SimpleBuildWrapper {

    private final String cloud;
    private final InstanceArguments arguments = new InstanceArguments();

    @DataBoundConstructor
    public WithInstanceWrapper(String cloud) {
        this.cloud = cloud;
    }

    public String getCloud() {
        return cloud;
    }

    public String getName() {
        return arguments.getName();
    }

    @DataBoundSetter
    public void setName(String name) {
        arguments.setName(name);
    }

    public String getNamePrefix() {
        return arguments.getNamePrefix();
    }

    @DataBoundSetter
    public void setNamePrefix(String namePrefix) {
        arguments.setNamePrefix(namePrefix);
    }

    public String getImage() {
        return arguments.getImage();
    }

    @DataBoundSetter
    public void setImage(String image) {
        arguments.setImage(image);
    }

    public String getFlavor() {
        return arguments.getFlavor();
    }

    @DataBoundSetter
    public void setFlavor(String flavor) {
        arguments.setFlavor(flavor);
    }

    public String getNetwork() {
        return arguments.getNetwork();
    }

    @DataBoundSetter
    public void setNetwork(String network) {
        arguments.setNetwork(network);
    }

    public String getKeyPair() {
        return arguments.getKeyPair();
    }

    @DataBoundSetter
    public void setKeyPair(String keyPair) {
        arguments.setKeyPair(keyPair);
    }

    public String getSecurityGroups() {
        return arguments.getSecurityGroups();
    }

    @DataBoundSetter
    public void setSecurityGroups(String securityGroups) {
        arguments.setSecurityGroups(securityGroups);
    }

    public Integer getVolumeSizeGb() {
        return arguments.getVolumeSizeGb();
    }

    @DataBoundSetter
    public void setVolumeSizeGb(Integer volumeSizeGb) {
        arguments.setVolumeSizeGb(volumeSizeGb);
    }

    public String getFloatingIpPool() {
        return arguments.getFloatingIpPool();
    }

    @DataBoundSetter
    public void setFloatingIpPool(String floatingIpPool) {
        arguments.setFloatingIpPool(floatingIpPool);
    }

    public String getUserData() {
        return arguments.getUserData();
    }

    @DataBoundSetter
    public void setUserData(String userData) {
        arguments.setUserData(userData);
    }

    public boolean isWaitForSsh() {
        return arguments.isWaitForSsh();
    }

    @DataBoundSetter
    public void setWaitForSsh(boolean waitForSsh) {
        arguments.setWaitForSsh(waitForSsh);
    }

    public String getLease() {
        return arguments.getLease();
    }

    /** How long the instance may live, a duration ({@code 24h} when left out); see {@link InstanceArguments}. */
    @DataBoundSetter
    public void setLease(String lease) {
        arguments.setLease(lease);
    }

    public Integer getCapacityAttempts() {
        return arguments.getCapacityAttempts();
    }

    @DataBoundSetter
    public void setCapacityAttempts(Integer capacityAttempts) {
        arguments.setCapacityAttempts(capacityAttempts);
    }

    /** Provisioning needs no workspace: outside {@code node { }} the block runs without holding an executor. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    /** Inside {@code node { }} and in Freestyle jobs Jenkins passes a workspace, which provisioning does not use. */
    @Override
    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        setUp(context, build, listener, initialEnvironment);
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        WithInstanceBlock.open(WithInstanceCloud.Configured.CLOUDS, cloud, arguments, build, listener,
                context::setDisposer, context::env);
    }

    /** Destroys the instance when the block ends, however it ends ({@link WithInstanceBlock#close}). */
    static final class Destroyer extends Disposer {
        private static final long serialVersionUID = 2L;

        private final WithInstanceCloud clouds;
        private final String cloud;
        private final String allocation;
        private final String name;

        Destroyer(WithInstanceCloud clouds, String cloud, String allocation, String name) {
            this.clouds = clouds;
            this.cloud = cloud;
            this.allocation = allocation;
            this.name = name;
        }

        @Override
        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            tearDown(build, listener);
        }

        @Override
        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            WithInstanceBlock.close(clouds, cloud, allocation, name, build, listener);
        }
    }

    /** The wrapper's symbol and form. */
    @Extension
    @Symbol("withInstance")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Provision an OpenStack instance for the build";
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @POST
        public ListBoxModel doFillCloudItems(@AncestorInPath Item item) {
            return Forms.cloudNames(item);
        }

        @POST
        public FormValidation doCheckLease(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.check(item, () -> InstanceArguments.checkLease(value));
        }
    }
}
