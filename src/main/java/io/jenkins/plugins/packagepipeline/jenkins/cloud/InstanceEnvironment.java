package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import io.jenkins.plugins.packagepipeline.cloud.Instance;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables {@code withInstance} gives its body: one per fact about the instance that is set. */
public final class InstanceEnvironment {

    private InstanceEnvironment() {
    }

    public static Map<String, String> of(Instance instance) {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "INSTANCE_ID", instance.id());
        put(env, "INSTANCE_NAME", instance.name());
        put(env, "INSTANCE_IP", instance.accessAddress());
        put(env, "INSTANCE_FLOATING_IP", instance.floatingIp());
        put(env, "INSTANCE_KEY_PAIR", instance.keyPair());
        put(env, "INSTANCE_ALLOCATION", instance.allocation());
        return env;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
    }
}
