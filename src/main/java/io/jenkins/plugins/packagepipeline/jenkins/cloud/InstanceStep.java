package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps creating an instance ({@code provisionInstance}, {@code restoreInstance}) share: the cloud, and
 * the instance arguments that override the cloud's defaults.
 */
public abstract class InstanceStep extends Step {

    private final String cloud;
    final InstanceArguments arguments = new InstanceArguments();

    protected InstanceStep(String cloud) {
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
}
