package hudson.model;

import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, LazyBuildMixIn.LazyLoadingJob<P, R>, ParameterizedJobMixIn.ParameterizedJob<P, R> {
    @SuppressWarnings("rawtypes")
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }
}
