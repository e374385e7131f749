package io.jenkins.plugins.packagepipeline.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.packagepipeline.jenkins.settings.Named;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The Package Pipeline section of Manage Jenkins » System: the OpenStack clouds and the repo targets the steps
 * refer to by name. Configuration as Code configures it under {@code unclassified: packagePipeline:}.
 */
@Extension
@Symbol("packagePipeline")
public class PackagePipelineConfiguration extends GlobalConfiguration {

    private List<OpenStackCloud> clouds = new ArrayList<>();
    private List<RepoTarget> repoTargets = new ArrayList<>();

    public PackagePipelineConfiguration() {
        load();
    }

    /** The configuration of this Jenkins. */
    public static PackagePipelineConfiguration get() {
        return ExtensionList.lookupSingleton(PackagePipelineConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "Package Pipeline";
    }

    public List<OpenStackCloud> getClouds() {
        return List.copyOf(clouds);
    }

    @DataBoundSetter
    public void setClouds(List<OpenStackCloud> clouds) {
        this.clouds = clouds == null ? new ArrayList<>() : new ArrayList<>(clouds);
    }

    public List<RepoTarget> getRepoTargets() {
        return List.copyOf(repoTargets);
    }

    @DataBoundSetter
    public void setRepoTargets(List<RepoTarget> repoTargets) {
        this.repoTargets = repoTargets == null ? new ArrayList<>() : new ArrayList<>(repoTargets);
    }

    /** The cloud a step names; the message lists the configured ones if there is none by that name. */
    public OpenStackCloud cloud(String name) {
        return Named.find(clouds, OpenStackCloud::getName, "cloud", "cloud", name);
    }

    /** The repo target a step names; the message lists the configured ones if there is none by that name. */
    public RepoTarget repoTarget(String name) {
        return Named.find(repoTargets, RepoTarget::getName, "repo target", "target", name);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // A repeatable list left empty is absent from the form data: start from nothing so removals stick.
        List<OpenStackCloud> oldClouds = clouds;
        List<RepoTarget> oldTargets = repoTargets;
        clouds = new ArrayList<>();
        repoTargets = new ArrayList<>();
        req.bindJSON(this, json);
        List<String> problems = problems(clouds, repoTargets);
        if (!problems.isEmpty()) {
            clouds = oldClouds;
            repoTargets = oldTargets;
            throw new FormException(String.join(" ", problems), "clouds");
        }
        save();
        return true;
    }

    /** Everything wrong with a configuration: bad values of each entry, and names used twice. */
    public static List<String> problems(List<OpenStackCloud> clouds, List<RepoTarget> repoTargets) {
        List<String> problems = new ArrayList<>();
        clouds.forEach(c -> problems.addAll(c.problems()));
        repoTargets.forEach(t -> problems.addAll(t.problems()));
        String cloud = Named.firstDuplicate(clouds, OpenStackCloud::getName);
        if (cloud != null) {
            problems.add("Two clouds are named '" + cloud + "': give each cloud its own name.");
        }
        String target = Named.firstDuplicate(repoTargets, RepoTarget::getName);
        if (target != null) {
            problems.add("Two repo targets are named '" + target + "': give each target its own name.");
        }
        return problems;
    }
}
