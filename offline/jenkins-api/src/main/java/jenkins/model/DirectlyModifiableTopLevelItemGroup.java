package jenkins.model;

public interface DirectlyModifiableTopLevelItemGroup {
}
