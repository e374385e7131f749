package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class BuildWrapper extends AbstractDescribableImpl<BuildWrapper> implements ExtensionPoint {
}
