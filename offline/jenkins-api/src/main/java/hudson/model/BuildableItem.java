package hudson.model;

public interface BuildableItem extends Item, Queue.Task {
}
