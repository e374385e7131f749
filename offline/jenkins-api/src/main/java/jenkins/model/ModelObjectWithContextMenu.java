package jenkins.model;

public interface ModelObjectWithContextMenu {
}
