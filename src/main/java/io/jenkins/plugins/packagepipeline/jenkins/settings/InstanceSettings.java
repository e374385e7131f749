package io.jenkins.plugins.packagepipeline.jenkins.settings;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an instance is made of (image, flavor, network, key pair, security groups, boot volume, floating IP pool),
 * each value either set or {@code null}. A cloud's configuration holds the defaults; a step's arguments override
 * them one by one ({@link #overriddenBy}): an argument given wins, an argument left out keeps the cloud's default.
 *
 * @param image image name or id
 * @param flavor flavor name or id
 * @param network network name or id
 * @param keyPair key pair name
 * @param securityGroups security group names; {@code null} means "not set" (an empty list means "none")
 * @param volumeSizeGb boot volume size in GB; {@code null} means "not set", 0 means "boot from the image"
 * @param floatingIpPool external network to take a floating IP from; {@code null} means "not set"
 */
public record InstanceSettings(String image, String flavor, String network, String keyPair,
        List<String> securityGroups, Integer volumeSizeGb, String floatingIpPool) {

    /** Nothing set. */
    public static final InstanceSettings NONE = new InstanceSettings(null, null, null, null, null, null, null);

    public InstanceSettings {
        image = blankToNull(image);
        flavor = blankToNull(flavor);
        network = blankToNull(network);
        keyPair = blankToNull(keyPair);
        securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
        floatingIpPool = blankToNull(floatingIpPool);
    }

    /** These settings, with every value {@code step} sets taking the place of this one. */
    public InstanceSettings overriddenBy(InstanceSettings step) {
        return new InstanceSettings(
                first(step.image, image),
                first(step.flavor, flavor),
                first(step.network, network),
                first(step.keyPair, keyPair),
                first(step.securityGroups, securityGroups),
                first(step.volumeSizeGb, volumeSizeGb),
                first(step.floatingIpPool, floatingIpPool));
    }

    /**
     * Checks that what every instance needs (an image and a flavor) is set, either by the step or by the cloud's
     * defaults; the message says where to set what is missing.
     */
    public InstanceSettings requireComplete(String step, String cloudName) {
        List<String> missing = new ArrayList<>();
        if (image == null) {
            missing.add("image");
        }
        if (flavor == null) {
            missing.add("flavor");
        }
        if (volumeSizeGb != null && volumeSizeGb < 0) {
            throw new PackagePipelineException(step + ": volumeSizeGb " + volumeSizeGb + " is negative: use 0 to"
                    + " boot from the image or a size in GB.");
        }
        if (!missing.isEmpty()) {
            String names = String.join(" and ", missing);
            throw new PackagePipelineException(step + ": no " + names + " for the instance: pass "
                    + String.join(": ..., ", missing) + ": ... to the step, or set a default " + names
                    + " on cloud '" + cloudName + "' under Manage Jenkins » System » Package Pipeline.");
        }
        return this;
    }

    /**
     * Splits a list of security group names as typed in a form or a Jenkinsfile string: separated by commas or
     * white space. Blank gives {@code null} (not set).
     */
    public static List<String> parseNames(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
