package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * The arguments {@code provisionInstance} and {@code withInstance} share, as typed in a Jenkinsfile or a job's
 * form, and how they become the engine's {@link InstanceSpec}: each instance setting given wins over the cloud's
 * default, the cloud's provisioning timeout applies, and every resource is tagged with the job and build that
 * asked (so the leak sweeper and an administrator can tell whose it is).
 */
public final class InstanceArguments implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name prefix when the step gives neither a name nor a prefix. */
    public static final String DEFAULT_NAME_PREFIX = "package-pipeline";

    /** How long an instance may live before the leak sweeper may remove it, unless the step says otherwise. */
    public static final int DEFAULT_LEASE_HOURS = 24;

    private String name;
    private String namePrefix;
    private String image;
    private String flavor;
    private String network;
    private String keyPair;
    private String securityGroups;
    private Integer volumeSizeGb;
    private String floatingIpPool;
    private String userData;
    private boolean waitForSsh;
    private int leaseHours = DEFAULT_LEASE_HOURS;
    private Integer capacityAttempts;

    /** Who asked for an instance: recorded on every resource created. */
    public record Origin(String owner, String job, String build) {
    }

    /** The instance to create on {@code cloud}, for {@code step} (named in messages). */
    public InstanceSpec toSpec(String step, OpenStackCloud cloud, Origin origin) {
        InstanceSettings settings = cloud.instanceDefaults().overriddenBy(new InstanceSettings(image, flavor, network,
                keyPair, InstanceSettings.parseNames(securityGroups), volumeSizeGb, floatingIpPool)).requireComplete(step, cloud.getName());
        if (leaseHours < 1) {
            throw new PackagePipelineException(step + ": leaseHours " + leaseHours + " must be at least 1.");
        }
        if (capacityAttempts != null && capacityAttempts < 1) {
            throw new PackagePipelineException(step + ": capacityAttempts " + capacityAttempts + " must be at least 1"
                    + " (1: no retry when the cloud has no room; leave it out for "
                    + InstanceSpec.DEFAULT_CAPACITY_ATTEMPTS + ").");
        }
        InstanceSpec.Builder spec = InstanceSpec.builder()
                .image(settings.image())
                .flavor(settings.flavor())
                .keyPair(settings.keyPair())
                .floatingIpPool(settings.floatingIpPool())
                .bootVolumeGb(settings.volumeSizeGb() == null ? 0 : settings.volumeSizeGb())
                .owner(origin.owner())
                .job(origin.job(), origin.build())
                .lease(Duration.ofHours(leaseHours))
                .activeTimeout(Duration.ofSeconds(cloud.getProvisionTimeoutSeconds()));
        if (name != null) {
            spec.name(name);
        } else {
            spec.namePrefix(namePrefix != null ? namePrefix : DEFAULT_NAME_PREFIX);
        }
        if (settings.network() != null) {
            spec.network(settings.network());
        }
        if (settings.securityGroups() != null) {
            spec.securityGroups(settings.securityGroups());
        }
        if (userData != null) {
            spec.userData(userData);
        }
        if (capacityAttempts != null) {
            spec.capacityAttempts(capacityAttempts);
        }
        if (waitForSsh) {
            spec.waitForPort(22, Duration.ofSeconds(cloud.getProvisionTimeoutSeconds()));
        }
        return spec.build();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = blankToNull(name);
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = blankToNull(namePrefix);
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = blankToNull(image);
    }

    public String getFlavor() {
        return flavor;
    }

    public void setFlavor(String flavor) {
        this.flavor = blankToNull(flavor);
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = blankToNull(network);
    }

    public String getKeyPair() {
        return keyPair;
    }

    public void setKeyPair(String keyPair) {
        this.keyPair = blankToNull(keyPair);
    }

    public String getSecurityGroups() {
        return securityGroups;
    }

    /** Security group names separated by commas or spaces; replaces the cloud's default list. */
    public void setSecurityGroups(String securityGroups) {
        this.securityGroups = blankToNull(securityGroups);
    }

    public Integer getVolumeSizeGb() {
        return volumeSizeGb;
    }

    public void setVolumeSizeGb(Integer volumeSizeGb) {
        this.volumeSizeGb = volumeSizeGb;
    }

    public String getFloatingIpPool() {
        return floatingIpPool;
    }

    public void setFloatingIpPool(String floatingIpPool) {
        this.floatingIpPool = blankToNull(floatingIpPool);
    }

    public String getUserData() {
        return userData;
    }

    /** Given to the instance as is (cloud-init reads it; white space may matter). */
    public void setUserData(String userData) {
        this.userData = userData == null || userData.isBlank() ? null : userData;
    }

    public boolean isWaitForSsh() {
        return waitForSsh;
    }

    public void setWaitForSsh(boolean waitForSsh) {
        this.waitForSsh = waitForSsh;
    }

    public int getLeaseHours() {
        return leaseHours;
    }

    public void setLeaseHours(int leaseHours) {
        this.leaseHours = leaseHours;
    }

    public Integer getCapacityAttempts() {
        return capacityAttempts;
    }

    /** Boots when the cloud has no room ("No valid host"); null for the engine's default. */
    public void setCapacityAttempts(Integer capacityAttempts) {
        this.capacityAttempts = capacityAttempts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
