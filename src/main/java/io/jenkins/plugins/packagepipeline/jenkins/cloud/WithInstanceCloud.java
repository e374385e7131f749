package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import java.io.IOException;
import java.io.Serializable;

/**
 * The two cloud operations {@code withInstance} needs, by cloud name. {@link Configured#CLOUDS} does them on the
 * clouds configured in Jenkins; tests give a fake, so that {@link WithInstanceBlock} is tested without Jenkins.
 * Serializable because the wrapper's disposer, which holds it, is saved with the Pipeline's program.
 */
interface WithInstanceCloud extends Serializable {

    Instance provision(String cloud, InstanceArguments arguments, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException;

    void destroy(String cloud, String allocation, Run<?, ?> run, TaskListener listener)
            throws IOException, InterruptedException;

    /** The clouds configured under Manage Jenkins » System, through {@link CloudWork}. */
    enum Configured implements WithInstanceCloud {
        CLOUDS;

        @Override
        public Instance provision(String cloud, InstanceArguments arguments, Run<?, ?> run, TaskListener listener)
                throws IOException, InterruptedException {
            return CloudWork.provision("withInstance", cloud, arguments, run, listener);
        }

        @Override
        public void destroy(String cloud, String allocation, Run<?, ?> run, TaskListener listener)
                throws IOException, InterruptedException {
            CloudWork.destroy(cloud, allocation, run, listener);
        }
    }
}
