package io.jenkins.plugins.packagepipeline.jenkins.build;

import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import io.jenkins.plugins.packagepipeline.jenkins.form.Builders;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arguments of {@code buildPackage} (and of its Freestyle build step) as typed, each null or 0 when left out,
 * and how they merge over a repo target's defaults into a {@link BuildPlan}; a bad value fails here, on the
 * controller, before the agent is asked.
 */
public final class BuildArguments implements Serializable {

    private static final long serialVersionUID = 1L;

    private String target;
    private String catalog;
    private String dataDirectory;
    private List<String> packages = new ArrayList<>(); // lists XStream saves as plain lists
    private String release;
    private String builder;
    private int workers;
    private String dist;
    private String buildTimeout;
    private boolean headOnly;
    private boolean recheck;
    private boolean forceRecheck;

    /** The plan: this step's arguments over {@code repoTarget}'s defaults (null when no target is named). */
    public BuildPlan plan(RepoTarget repoTarget) {
        String chosenDataDirectory = dataDirectory != null ? dataDirectory
                : repoTarget == null ? null : repoTarget.getDataDirectory();
        BuildPlan.requireDataDirectory(target, chosenDataDirectory);
        String chosenBuilder = builder != null ? builder
                : repoTarget != null ? repoTarget.getBuilder() : Builders.RPMBUILD;
        if (FieldChecks.builder(chosenBuilder).isError()) {
            throw new PackagePipelineException("buildPackage: " + FieldChecks.builder(chosenBuilder).message());
        }
        int chosenWorkers = workers > 0 ? workers : repoTarget != null ? repoTarget.getWorkers() : 2;
        Duration timeout = FieldChecks.durationOr(null, "buildPackage: buildTimeout", buildTimeout, null, null);
        return new BuildPlan(repoTarget == null ? null : repoTarget.getName(), chosenDataDirectory,
                repoTarget == null ? null : repoTarget.getPublicBaseUrl(), catalog, packages, release, chosenBuilder,
                chosenWorkers, dist, timeout, headOnly, recheck, forceRecheck,
                repoTarget != null && repoTarget.isAllowForceRechecks());
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = blankToNull(target);
    }

    public String getCatalog() {
        return catalog;
    }

    public void setCatalog(String catalog) {
        this.catalog = blankToNull(catalog);
    }

    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = blankToNull(dataDirectory);
    }

    public List<String> getPackages() {
        return packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages == null ? new ArrayList<>() : packages.stream().filter(p -> p != null && !p.isBlank())
                .map(String::strip).collect(Collectors.toCollection(ArrayList::new));
    }

    public String getRelease() {
        return release;
    }

    public void setRelease(String release) {
        this.release = blankToNull(release);
    }

    public String getBuilder() {
        return builder;
    }

    public void setBuilder(String builder) {
        this.builder = blankToNull(builder);
    }

    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        this.workers = workers;
    }

    public String getDist() {
        return dist;
    }

    public void setDist(String dist) {
        this.dist = blankToNull(dist);
    }

    /** The check of a build timeout as typed in a form: a duration of more than zero; empty for the default. */
    public static FieldCheck checkBuildTimeout(String value) {
        return FieldChecks.duration("buildTimeout", value);
    }

    /** The build timeout as typed, a duration ({@code 45m}); null when left out (the engine's 30m applies). */
    public String getBuildTimeout() {
        return buildTimeout;
    }

    /** How long one build may run, a duration, e.g. {@code 45m} or {@code 2h}; empty for the engine's default. */
    public void setBuildTimeout(String buildTimeout) {
        this.buildTimeout = blankToNull(buildTimeout);
    }

    public boolean isHeadOnly() {
        return headOnly;
    }

    public void setHeadOnly(boolean headOnly) {
        this.headOnly = headOnly;
    }

    public boolean isRecheck() {
        return recheck;
    }

    public void setRecheck(boolean recheck) {
        this.recheck = recheck;
    }

    public boolean isForceRecheck() {
        return forceRecheck;
    }

    public void setForceRecheck(boolean forceRecheck) {
        this.forceRecheck = forceRecheck;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
