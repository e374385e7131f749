package hudson.model;

public interface DescriptorByNameOwner {
}
