package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;

public abstract class SimpleBuildWrapper extends BuildWrapper {
    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException();
    }

    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public static final class Context {
        @Deprecated
        public Context() {
            throw new UnsupportedOperationException();
        }

        public void env(String key, String value) {
            throw new UnsupportedOperationException();
        }

        public void setDisposer(@NonNull Disposer disposer) {
            throw new UnsupportedOperationException();
        }
    }

    public abstract static class Disposer implements Serializable {
        private static final long serialVersionUID = 1L;

        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }
    }
}
