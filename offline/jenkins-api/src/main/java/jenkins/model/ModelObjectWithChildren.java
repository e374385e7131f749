package jenkins.model;

public interface ModelObjectWithChildren {
}
