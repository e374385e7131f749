package io.jenkins.plugins.packagepipeline.jenkins.settings;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finding a configured cloud or repo target by the name a Jenkinsfile gives, and keeping names unique; the messages
 * list what is configured, so that a typo is obvious.
 */
public final class Named {

    private Named() {
    }

    /**
     * The entry called {@code name}.
     *
     * @param what what the entries are, for messages ("cloud", "repo target")
     * @param argument the step argument that named it, for messages ("cloud", "target")
     * @throws PackagePipelineException if the name is blank or nothing has that name
     */
    public static <T> T find(Collection<T> entries, Function<T, String> nameOf, String what, String argument,
            String name) {
        List<String> names = entries.stream().map(nameOf).toList();
        if (name == null || name.isBlank()) {
            throw new PackagePipelineException("No " + what + " given: pass " + argument + ": '<name>'"
                    + available(what, names));
        }
        for (T entry : entries) {
            if (name.equals(nameOf.apply(entry))) {
                return entry;
            }
        }
        throw new PackagePipelineException("No " + what + " named '" + name + "'" + available(what, names));
    }

    /** The first name used twice, or {@code null} if every name is unique. */
    public static <T> String firstDuplicate(Collection<T> entries, Function<T, String> nameOf) {
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            String n = nameOf.apply(entry);
            if (!seen.add(n)) {
                return n;
            }
        }
        return null;
    }

    private static String available(String what, List<String> names) {
        if (names.isEmpty()) {
            return ": no " + what + " is configured yet; an administrator adds one under Manage Jenkins » System"
                    + " » Package Pipeline.";
        }
        return ": configured are " + String.join(", ", names.stream().map(n -> "'" + n + "'").toList()) + ".";
    }
}
