package io.jenkins.plugins.packagepipeline.jenkins.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * "Package Pipeline" on a build's page: for each {@code buildPackage} and {@code publishRepo} of the build, a table
 * of the packages (status, commit, NVR, link to their output and logs) and, for a publish, links to the published
 * repository and its status report; for each {@code purgeRepo}, the builds whose snapshots it removed; for each
 * {@code importBuild}, the builds it imported. One action per build; each step adds to it.
 */
public final class PackagePipelineAction implements RunAction2 {

    private final List<BuildOutcome> builds = new ArrayList<>();
    private final List<PublishOutcome> publishes = new ArrayList<>();
    /** Null in actions saved before purges were recorded (XStream leaves a field missing from the XML null). */
    private List<PurgeOutcome> purges = new ArrayList<>();
    /** Null in actions saved before imports were recorded. */
    private List<ImportOutcome> imports = new ArrayList<>();
    private transient Run<?, ?> run;

    /** Adds what a publish did to the build's action, creating the action on first use. */
    public static void record(Run<?, ?> run, PublishOutcome outcome) {
        of(run).add(outcome);
    }

    /** Adds what a build of packages did to the build's action, creating the action on first use. */
    public static void record(Run<?, ?> run, BuildOutcome outcome) {
        of(run).add(outcome);
    }

    /** Adds what a purge did to the build's action, creating the action on first use. */
    public static void record(Run<?, ?> run, PurgeOutcome outcome) {
        of(run).add(outcome);
    }

    /** Adds what an import of builds made elsewhere did to the build's action, creating the action on first use. */
    public static void record(Run<?, ?> run, ImportOutcome outcome) {
        of(run).add(outcome);
    }

    private static synchronized PackagePipelineAction of(Run<?, ?> run) {
        PackagePipelineAction action = run.getAction(PackagePipelineAction.class);
        if (action == null) {
            action = new PackagePipelineAction();
            run.addAction(action);
        }
        return action;
    }

    private synchronized void add(PublishOutcome outcome) {
        publishes.add(outcome);
    }

    private synchronized void add(BuildOutcome outcome) {
        builds.add(outcome);
    }

    private synchronized void add(PurgeOutcome outcome) {
        if (purges == null) {
            purges = new ArrayList<>();
        }
        purges.add(outcome);
    }

    private synchronized void add(ImportOutcome outcome) {
        if (imports == null) {
            imports = new ArrayList<>();
        }
        imports.add(outcome);
    }

    public synchronized List<ImportOutcome> getImports() {
        return imports == null ? List.of() : List.copyOf(imports);
    }

    public synchronized List<PurgeOutcome> getPurges() {
        return purges == null ? List.of() : List.copyOf(purges);
    }

    public synchronized List<BuildOutcome> getBuilds() {
        return List.copyOf(builds);
    }

    public synchronized List<PublishOutcome> getPublishes() {
        return List.copyOf(publishes);
    }

    /** The build this action belongs to (for the page's breadcrumbs). */
    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "Package Pipeline";
    }

    @Override
    public String getUrlName() {
        return "package-pipeline";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
