package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;

public class Queue extends ResourceController implements Saveable {
    private Queue() {
        throw new UnsupportedOperationException();
    }

    public interface Task extends FullyNamedModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
