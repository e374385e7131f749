package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.jenkins.run.ConsoleLog;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@code withInstance} does around its block, in Pipeline and Freestyle alike, apart from Jenkins.
 *
 * <p>{@link #open} provisions, hands the block's scope the disposer that will destroy the instance, then the
 * environment variables. Jenkins runs a disposer only once the wrapper's set-up has returned normally, so when
 * anything fails after provisioning (or the build is aborted just as provisioning returns) {@code open} destroys
 * the instance itself before rethrowing: no instance is left behind by a block that never ran.
 *
 * <p>{@link #close} destroys the instance when the block ends, however it ends. An abort that ended the block
 * leaves the thread's interrupt flag set in Freestyle; it is cleared for the destroy, which would otherwise stop at
 * its first wait, and set again afterwards. An abort during the destroy (Pipeline interrupts the background
 * thread the disposer runs on) makes it destroy once more, uninterrupted: destroying is harmless to repeat.
 */
final class WithInstanceBlock {

    private WithInstanceBlock() {
    }

    /**
     * Provisions an instance for the block: {@code disposer} receives what destroys it, {@code environment} each
     * variable of {@link InstanceEnvironment}.
     */
    static void open(WithInstanceCloud clouds, String cloud, InstanceArguments arguments, Run<?, ?> run,
            TaskListener listener, Consumer<WithInstanceWrapper.Destroyer> disposer,
            BiConsumer<String, String> environment) throws IOException, InterruptedException {
        Instance instance = clouds.provision(cloud, arguments, run, listener);
        WithInstanceWrapper.Destroyer destroyer = new WithInstanceWrapper.Destroyer(clouds, cloud,
                instance.allocation(), instance.name());
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("withInstance was aborted as " + instance.name() + " was provisioned");
            }
            disposer.accept(destroyer);
            for (Map.Entry<String, String> variable : InstanceEnvironment.of(instance).entrySet()) {
                environment.accept(variable.getKey(), variable.getValue());
            }
        } catch (InterruptedException | RuntimeException failure) {
            listener.getLogger().println(ConsoleLog.PREFIX + "withInstance stops before its block: "
                    + failure.getMessage());
            try {
                destroyer.tearDown(run, listener);
            } catch (IOException | InterruptedException | RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Destroys the instance of a block that ended; see the class comment for how an abort is handled. */
    static void close(WithInstanceCloud clouds, String cloud, String allocation, String name, Run<?, ?> run,
            TaskListener listener) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        log.println(ConsoleLog.PREFIX + "end of withInstance: destroying " + name);
        boolean interrupted = Thread.interrupted();
        try {
            clouds.destroy(cloud, allocation, run, listener);
        } catch (IOException | InterruptedException | RuntimeException failure) {
            // non-short-circuit: the interrupt flag is read and cleared in every case, for the second destroy
            boolean aborted = failure instanceof InterruptedException | Thread.interrupted();
            if (!aborted) {
                throw failure;
            }
            interrupted = true;
            log.println(ConsoleLog.PREFIX + "aborted while destroying " + name + ": destroying it to the end first");
            try {
                clouds.destroy(cloud, allocation, run, listener);
            } catch (IOException | InterruptedException | RuntimeException again) {
                again.addSuppressed(failure);
                throw again;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
