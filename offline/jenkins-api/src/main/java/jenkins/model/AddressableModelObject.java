package jenkins.model;

import hudson.model.ModelObject;

public interface AddressableModelObject extends Addressable, ModelObject {
}
