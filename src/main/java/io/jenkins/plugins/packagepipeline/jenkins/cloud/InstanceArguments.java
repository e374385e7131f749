package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
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
    public static final String DEFAULT_LEASE = "24h";

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
    private String lease;
    private Integer capacityAttempts;

    /** Who asked for an instance: recorded on every resource created. */
    public record Origin(String owner, String job, String build) {
    }

    /** The instance to create on {@code cloud}, for {@code step} (named in messages). */
    public InstanceSpec toSpec(String step, OpenStackCloud cloud, Origin origin) {
        InstanceSettings settings = cloud.instanceDefaults().overriddenBy(new InstanceSettings(image, flavor, network,
                keyPair, InstanceSettings.parseNames(securityGroups), volumeSizeGb, floatingIpPool)).requireComplete(step, cloud.getName());
        Duration leaseDuration = lease(step);
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
                .lease(leaseDuration)
                .activeTimeout(cloud.provisionTimeout());
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
            spec.waitForPort(22, cloud.provisionTimeout());
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

    /**
     * The lease the step gives, {@link #DEFAULT_LEASE} when it gives none; checked before the cloud is contacted.
     *
     * @throws PackagePipelineException naming {@code step}, {@code lease} and the bad value
     */
    public Duration lease(String step) {
        return FieldChecks.durationOr(null, step + ": lease", getLease(), null, null);
    }

    /** The check of a lease as typed in a form: a duration of more than zero; empty for the default. */
    public static FieldCheck checkLease(String value) {
        return FieldChecks.duration("lease", value);
    }

    /** The lease as typed, a duration ({@code 2h}); {@link #DEFAULT_LEASE} when left out. */
    public String getLease() {
        return lease == null ? DEFAULT_LEASE : lease;
    }

    /** A duration, e.g. {@code 2h} or {@code 3d}; empty for {@link #DEFAULT_LEASE}. */
    public void setLease(String lease) {
        this.lease = blankToNull(lease);
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
