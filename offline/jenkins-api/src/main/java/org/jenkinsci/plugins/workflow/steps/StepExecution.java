package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;

    @NonNull
    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }
}
