package jenkins.model;

public interface Addressable {
}
