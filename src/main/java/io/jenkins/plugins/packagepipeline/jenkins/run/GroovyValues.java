package io.jenkins.plugins.packagepipeline.jenkins.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an engine result ({@code toMap()}) into what a Pipeline step returns: plain, mutable, serializable
 * {@link LinkedHashMap}s, {@link ArrayList}s, strings, numbers and booleans, which a Jenkinsfile may read, change
 * and keep across a restart. Anything else becomes its string form.
 */
public final class GroovyValues {

    private GroovyValues() {
    }

    public static LinkedHashMap<String, Object> map(Map<String, ?> map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, value(v)));
        return copy;
    }

    public static ArrayList<Object> list(Collection<?> list) {
        ArrayList<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(value(v)));
        return copy;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), value(x)));
            return copy;
        }
        if (v instanceof Collection<?> c) {
            return list(c);
        }
        return v.toString();
    }

    /** A list of strings as a Pipeline step returns it. */
    public static List<Object> strings(List<String> values) {
        return new ArrayList<>(values);
    }
}
