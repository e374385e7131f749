package io.jenkins.plugins.packagepipeline.jenkins.run;

import io.jenkins.plugins.packagepipeline.store.BuildIds;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's summary: a package, how its build ended, the commit built, the NVR made, and where its output
 * (RPMs and logs) is served. A plain class (not a record) because Jenkins stores it with the build.
 */
public final class PackageRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String packageName;
    private final String status;
    private final String sourceCommit;
    private final String nvr;
    private final String outputUrl;
    private final boolean published;
    private final boolean fresh;
    private final String note;
    private final String buildId;

    public PackageRow(String packageName, String status, String sourceCommit, String nvr, String outputUrl,
            boolean published, boolean fresh, String note) {
        this(packageName, status, sourceCommit, nvr, outputUrl, published, fresh, note, null);
    }

    private PackageRow(String packageName, String status, String sourceCommit, String nvr, String outputUrl,
            boolean published, boolean fresh, String note, String buildId) {
        this.buildId = buildId;
        this.packageName = packageName;
        this.status = status;
        this.sourceCommit = sourceCommit;
        this.nvr = nvr;
        this.outputUrl = outputUrl;
        this.published = published;
        this.fresh = fresh;
        this.note = firstLine(note);
    }

    /**
     * The row of a recorded build; {@code publicReposUrl} is where the data directory's {@code repos} directory is
     * served (with a trailing slash), or null when it is not served; {@code published} whether a snapshot holds it,
     * {@code fresh} whether that snapshot was made just now (not reused from an earlier publish).
     */
    public static PackageRow of(BuildRecord build, String publicReposUrl, boolean published, boolean fresh) {
        String url = null;
        if (publicReposUrl != null && build.repoDir() != null && build.repoDir().startsWith("repos/")) {
            url = publicReposUrl + build.repoDir().substring("repos/".length()) + "/";
        }
        return new PackageRow(build.packageName(), build.status().name(), build.sourceCommit(), build.nvr(), url,
                published, fresh, build.notes(),
                BuildIds.of(build));
    }

    /** The row of a package that made no build: {@code status} says why (up to date, or an error). */
    public static PackageRow withoutBuild(String packageName, String status, String note) {
        return new PackageRow(packageName, status, null, null, null, false, false, note);
    }

    /** The first line of a note, at most 200 characters: the table's cell; the logs hold the rest. */
    private static String firstLine(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String line = note.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    public String getPackageName() {
        return packageName;
    }

    public String getStatus() {
        return status;
    }

    public String getSourceCommit() {
        return sourceCommit;
    }

    /** The first 10 characters of the commit, as the summary table shows it. */
    public String getShortCommit() {
        return sourceCommit == null ? "" : sourceCommit.substring(0, Math.min(10, sourceCommit.length()));
    }

    public String getNvr() {
        return nvr;
    }

    public String getOutputUrl() {
        return outputUrl;
    }

    public boolean isPublished() {
        return published;
    }

    /** Whether this publish made the build's snapshot (rather than finding it complete from an earlier one). */
    public boolean isFresh() {
        return fresh;
    }

    /** Why a build failed or a package could not be built (first line), or null. */
    public String getNote() {
        return note;
    }

    /**
     * The build's id, {@code <package>/<source-hash>_<distgit-hash[0:8]>} (its output directory's name), which
     * {@code publishRepo(builds: ...)} takes; null for a row without a build.
     */
    public String getBuildId() {
        return buildId;
    }

    /** As a Pipeline step returns it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", packageName);
        map.put("build", buildId);
        map.put("status", status);
        map.put("commit", sourceCommit);
        map.put("nvr", nvr);
        map.put("url", outputUrl);
        map.put("published", published);
        map.put("note", note);
        return map;
    }
}
