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
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withInstance(cloud: 'rdo', ...) { ... }}: provisions an instance, gives the block its facts as environment
 * variables ({@code INSTANCE_ID}, {@code INSTANCE_NAME}, {@code INSTANCE_IP}, {@code INSTANCE_FLOATING_IP},
 * {@code INSTANCE_KEY_PAIR}, {@code INSTANCE_ALLOCATION}), runs the block, and destroys the instance and everything
 * created with it whether the block succeeds, fails or is aborted. The same wrapper is "Provision an OpenStack
 * instance for the build" in a Freestyle job's Build Environment.
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

    public int getLeaseHours() {
        return arguments.getLeaseHours();
    }

    @DataBoundSetter
    public void setLeaseHours(int leaseHours) {
        arguments.setLeaseHours(leaseHours);
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        Instance instance = CloudWork.provision("withInstance", cloud, arguments, build, listener);
        context.setDisposer(new Destroyer(cloud, instance.allocation(), instance.name()));
        for (Map.Entry<String, String> variable : InstanceEnvironment.of(instance).entrySet()) {
            context.env(variable.getKey(), variable.getValue());
        }
    }

    /** Destroys the instance when the block ends, however it ends. */
    static final class Destroyer extends Disposer {
        private static final long serialVersionUID = 1L;

        private final String cloud;
        private final String allocation;
        private final String name;

        Destroyer(String cloud, String allocation, String name) {
            this.cloud = cloud;
            this.allocation = allocation;
            this.name = name;
        }

        @Override
        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            listener.getLogger().println(ConsoleLog.PREFIX + "end of withInstance: destroying " + name);
            CloudWork.destroy(cloud, allocation, build, listener);
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
    }
}
