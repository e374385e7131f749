package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

/** What the Freestyle build steps working on a repo target share: any job type, the list of repo targets. */
public abstract class TargetBuilderDescriptor extends BuildStepDescriptor<Builder> {

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public ListBoxModel doFillTargetItems(@AncestorInPath Item item) {
        return Forms.repoTargetNames(item);
    }

    /** A list argument as its text area shows it (config.jelly): one item a line. */
    public String lines(List<String> items) {
        return ListField.lines(items);
    }
}
