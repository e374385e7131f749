package hudson.model;

public interface ViewGroup {
}
