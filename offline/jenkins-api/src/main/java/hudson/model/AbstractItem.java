package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable implements Loadable, Item, HttpDeletable, AccessControlled,
        DescriptorByNameOwner, StaplerProxy {
    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException();
    }
}
