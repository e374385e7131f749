package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine changes in a package's spec before building it, as DLRN does:
 * <ul>
 *   <li>{@code %global commit <full source hash>} (replacing an existing {@code %global/%define commit} line, else
 *       added at the top), so that the spec and its SRPM name the exact commit built;</li>
 *   <li>the main package's {@code Release:} becomes {@code 0.<UTC build date-time>.<short source hash>%{?dist}},
 *       e.g. {@code 0.20261122031500.1a2b3c4.el9}: below any final release 1 of the same version, newer for every
 *       later build (so a distgit-only change still upgrades), and naming the commit.</li>
 * </ul>
 * The {@code Version:} stays the spec's own.
 */
public final class SpecFile {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern COMMIT = Pattern.compile("(?m)^[ \\t]*%(global|define)[ \\t]+commit[ \\t]+\\S.*$");
    private static final Pattern RELEASE = Pattern.compile("(?mi)^Release[ \\t]*:.*$");

    private SpecFile() {
    }

    /** DLRN's release: {@code 0.<yyyyMMddHHmmss in UTC>.<short hash>}. */
    public static String release(Instant buildTime, String shortHash) {
        return "0." + TIMESTAMP.format(buildTime) + "." + shortHash;
    }

    /**
     * The spec with the commit and the release written in.
     *
     * @param specName the spec's file name, for messages
     * @throws PackagePipelineException when the spec has no {@code Release:} line
     */
    public static String rewrite(String spec, String specName, String commitHash, String release) {
        Matcher releaseLine = RELEASE.matcher(spec);
        if (!releaseLine.find()) {
            throw new PackagePipelineException("Spec " + specName + " has no 'Release:' line to set the release "
                    + release + " in.");
        }
        String withRelease = spec.substring(0, releaseLine.start()) + "Release:        " + release + "%{?dist}"
                + spec.substring(releaseLine.end());
        String commitLine = "%global commit " + commitHash;
        Matcher commit = COMMIT.matcher(withRelease);
        if (commit.find()) {
            return withRelease.substring(0, commit.start()) + commitLine + withRelease.substring(commit.end());
        }
        return commitLine + "\n" + withRelease;
    }
}
