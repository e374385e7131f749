package hudson.model;

import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;
import hudson.model.queue.SubTask;

public class Queue extends ResourceController implements Saveable {
    private Queue() {
        throw new UnsupportedOperationException();
    }

    public interface Task extends FullyNamedModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
