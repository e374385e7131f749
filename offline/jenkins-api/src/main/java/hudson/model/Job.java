package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem
        implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {
    @SuppressWarnings("rawtypes")
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }
}
