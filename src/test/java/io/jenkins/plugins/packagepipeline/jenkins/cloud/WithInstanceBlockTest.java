package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.packagepipeline.cloud.CreatedResource;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.Ownership;
import io.jenkins.plugins.packagepipeline.jenkins.run.TestConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code withInstance} does around its block (no Jenkins running): the environment and the disposer its set-up
 * hands the block, the disposer destroying the instance through either {@code tearDown} and after being saved with
 * the Pipeline, and no instance left behind when the block never runs or the build is aborted.
 */
class WithInstanceBlockTest {

    /** What the fake clouds did, per fake (a fake is serialized with the disposer, its calls stay here). */
    private static final Map<String, Queue<String>> CALLS = new ConcurrentHashMap<>();

    private final TestConsole console = new TestConsole();
    private final TaskListener listener = console.listener();
    private final FakeCloud clouds = new FakeCloud(UUID.randomUUID().toString());

    /**
     * Provisions one fixed instance and records each destroy. {@code abortDestroys} destroys throw as an aborted
     * destroy does through {@code CloudWork}: an {@code AbortException} with the thread's interrupt flag set.
     */
    private static final class FakeCloud implements WithInstanceCloud {
        private static final long serialVersionUID = 1L;
        private final String id;
        private int abortDestroys;
        private boolean failDestroys;

        FakeCloud(String id) {
            this.id = id;
            CALLS.put(id, new ConcurrentLinkedQueue<>());
        }

        List<String> calls() {
            return List.copyOf(CALLS.get(id));
        }

        @Override
        public Instance provision(String cloud, InstanceArguments arguments, Run<?, ?> run, TaskListener listener) {
            CALLS.get(id).add("provision " + cloud + " " + arguments.getFlavor());
            return new Instance("5f1c0a", "pp-ab12cd", "k7m2p9x3qa", "ACTIVE",
                    Map.of("private", List.of("10.0.0.5")), "203.0.113.7", "jenkins", null,
                    new Ownership("k7m2p9x3qa", "https://ci.example.org/", "trunk", "42", Ownership.SCOPE_INSTANCE,
                            Instant.parse("2026-11-23T03:00:00Z")),
                    List.of(new CreatedResource(CreatedResource.Kind.SERVER, "5f1c0a", "pp-ab12cd")));
        }

        @Override
        public void destroy(String cloud, String allocation, Run<?, ?> run, TaskListener listener)
                throws IOException {
            CALLS.get(id).add("destroy " + cloud + " " + allocation + (Thread.currentThread().isInterrupted()
                    ? " (interrupted)" : ""));
            if (abortDestroys > 0) {
                abortDestroys--;
                Thread.currentThread().interrupt();
                throw new AbortException("destroy instance k7m2p9x3qa was interrupted (build aborted?)");
            }
            if (failDestroys) {
                throw new AbortException("Nova answered 503");
            }
        }
    }

    @AfterEach
    void forgetCallsAndInterrupt() {
        CALLS.remove(clouds.id);
        Thread.interrupted();
    }

    private InstanceArguments arguments() {
        InstanceArguments arguments = new InstanceArguments();
        arguments.setFlavor("m1.small");
        return arguments;
    }

    @Test
    void setUpGivesTheBlockTheInstancesVariablesAndADisposerThatDestroysIt() throws Exception {
        List<WithInstanceWrapper.Destroyer> disposers = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();

        WithInstanceBlock.open(clouds, "rdo", arguments(), null, listener, disposers::add, env::put);

        assertEquals(Map.of("INSTANCE_ID", "5f1c0a", "INSTANCE_NAME", "pp-ab12cd", "INSTANCE_IP", "203.0.113.7",
                "INSTANCE_FLOATING_IP", "203.0.113.7", "INSTANCE_KEY_PAIR", "jenkins",
                "INSTANCE_ALLOCATION", "k7m2p9x3qa"), env);
        assertEquals(1, disposers.size());
        assertEquals(List.of("provision rdo m1.small"), clouds.calls(), "nothing is destroyed before the block ends");

        disposers.get(0).tearDown(null, listener);
        assertEquals(List.of("provision rdo m1.small", "destroy rdo k7m2p9x3qa"), clouds.calls());
        assertTrue(console.text().contains("end of withInstance: destroying pp-ab12cd"));
    }

    @Test
    void theDisposerDestroysThroughTheWorkspaceTearDownTooAndAfterBeingSavedWithThePipeline() throws Exception {
        WithInstanceWrapper.Destroyer destroyer = new WithInstanceWrapper.Destroyer(clouds, "rdo", "k7m2p9x3qa",
                "pp-ab12cd");
        destroyer.tearDown(null, null, null, listener);

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(saved)) {
            out.writeObject(destroyer);
        }
        Object restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved.toByteArray()))) {
            restored = in.readObject();
        }
        assertInstanceOf(WithInstanceWrapper.Destroyer.class, restored).tearDown(null, listener);

        assertEquals(List.of("destroy rdo k7m2p9x3qa", "destroy rdo k7m2p9x3qa"), clouds.calls());
    }

    @Test
    void whenTheBlockCannotStartTheInstanceIsDestroyedAtOnce() {
        IllegalStateException refused = new IllegalStateException("just one binding for INSTANCE_IP");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WithInstanceBlock.open(clouds,
                "rdo", arguments(), null, listener, d -> { }, (k, v) -> {
                    throw refused;
                }));

        assertSame(refused, e);
        assertEquals(List.of("provision rdo m1.small", "destroy rdo k7m2p9x3qa"), clouds.calls());
    }

    @Test
    void anAbortAsProvisioningReturnsDestroysTheInstanceAndRunsNoBlock() {
        List<WithInstanceWrapper.Destroyer> disposers = new ArrayList<>();
        WithInstanceCloud abortedAsItReturns = new WithInstanceCloud() {
            @Override
            public Instance provision(String cloud, InstanceArguments arguments, Run<?, ?> run,
                    TaskListener listener) {
                Instance instance = clouds.provision(cloud, arguments, run, listener);
                Thread.currentThread().interrupt(); // GeneralNonBlockingStepExecution.stop cancels the task
                return instance;
            }

            @Override
            public void destroy(String cloud, String allocation, Run<?, ?> run, TaskListener listener)
                    throws IOException {
                clouds.destroy(cloud, allocation, run, listener);
            }
        };

        assertThrows(InterruptedException.class, () -> WithInstanceBlock.open(abortedAsItReturns, "rdo",
                arguments(), null, listener, disposers::add, (k, v) -> { }));

        assertEquals(List.of(), disposers, "no block runs, so no disposer is handed over");
        assertEquals(List.of("provision rdo m1.small", "destroy rdo k7m2p9x3qa"), clouds.calls(),
                "the destroy ran with the interrupt flag cleared");
    }

    @Test
    void anAbortThatEndedTheBlockDoesNotStopTheDestroyAndIsKept() throws Exception {
        Thread.currentThread().interrupt(); // Freestyle: the executor thread was interrupted by the abort

        WithInstanceBlock.close(clouds, "rdo", "k7m2p9x3qa", "pp-ab12cd", null, listener);

        assertEquals(List.of("destroy rdo k7m2p9x3qa"), clouds.calls());
        assertTrue(Thread.interrupted(), "the abort is still signalled after the destroy");
    }

    @Test
    void anAbortDuringTheDestroyMakesItDestroyOnceMoreToTheEnd() throws Exception {
        clouds.abortDestroys = 1;

        WithInstanceBlock.close(clouds, "rdo", "k7m2p9x3qa", "pp-ab12cd", null, listener);

        assertEquals(List.of("destroy rdo k7m2p9x3qa", "destroy rdo k7m2p9x3qa"), clouds.calls(),
                "the second destroy ran with the interrupt flag cleared");
        assertTrue(Thread.interrupted());
        assertTrue(console.text()
                .contains("aborted while destroying pp-ab12cd: destroying it to the end first"));
    }

    @Test
    void aDestroyThatFailsOtherwiseFailsOnceWithItsMessage() {
        clouds.failDestroys = true;

        AbortException e = assertThrows(AbortException.class,
                () -> WithInstanceBlock.close(clouds, "rdo", "k7m2p9x3qa", "pp-ab12cd", null, listener));

        assertEquals("Nova answered 503", e.getMessage());
        assertEquals(List.of("destroy rdo k7m2p9x3qa"), clouds.calls(), "no retry without an abort");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void theWrapperNeedsNoWorkspaceSoItRunsOutsideNode() {
        assertFalse(new WithInstanceWrapper("rdo").requiresWorkspace());
    }
}
