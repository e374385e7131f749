package io.jenkins.plugins.packagepipeline.jenkins.cloud;

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
 * What the descriptors of the cloud steps share: they need the build and its console (not a workspace: the cloud
 * is reached from the controller), and their {@code cloud} field lists the configured clouds.
 */
public abstract class CloudStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillCloudItems(@AncestorInPath Item item) {
        return Forms.cloudNames(item);
    }

    /** A list argument as its text area shows it (config.jelly): one item a line. */
    public String lines(List<String> items) {
        return ListField.lines(items);
    }
}
