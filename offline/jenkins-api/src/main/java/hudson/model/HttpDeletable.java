package hudson.model;

public interface HttpDeletable {
}
