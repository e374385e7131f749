package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.config.Forms;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of {@code buildPackage} and {@code publishRepo} share: they run on the agent of the
 * enclosing {@code node} (they need its workspace), and their {@code target} field lists the repo targets.
 */
public abstract class TargetStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class);
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
