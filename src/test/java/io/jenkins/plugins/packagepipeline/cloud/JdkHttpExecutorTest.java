package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openstack4j.core.transport.internal.HttpExecutor;

/**
 * The one place the engine reaches into OpenStack4j's internals: {@link JdkHttpExecutor#install()} sets the private
 * field that holds OpenStack4j's active connector. An OpenStack4j upgrade that renames or retypes it fails here, in
 * the fast suite, with the field named, rather than in a user's first provisioning.
 */
class JdkHttpExecutorTest {

    @Test
    void installMakesTheEnginesConnectorTheActiveOneAndIsIdempotent() {
        JdkHttpExecutor.install();
        assertEquals(JdkHttpExecutor.NAME, HttpExecutor.create().getExecutorName());
        JdkHttpExecutor.install();
        assertEquals(JdkHttpExecutor.NAME, HttpExecutor.create().getExecutorName());
    }
}
