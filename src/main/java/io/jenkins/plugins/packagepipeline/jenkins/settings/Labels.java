package io.jenkins.plugins.packagepipeline.jenkins.settings;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Snapshot labels as a Jenkinsfile or a form gives them: {@code key=value}, or a bare {@code key} (value
 * {@code true}). Snapshots carrying the same labels form one series, of which {@code keep} are kept.
 */
public final class Labels {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Labels() {
    }

    public static Map<String, String> parse(Collection<String> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                continue;
            }
            String l = label.strip();
            int eq = l.indexOf('=');
            String key = eq < 0 ? l : l.substring(0, eq).strip();
            String value = eq < 0 ? "true" : l.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches()) {
                throw new PackagePipelineException("Snapshot label '" + l + "': the key '" + key + "' may only hold"
                        + " letters, digits, '.', '_' and '-' (at most 64); write key=value or key.");
            }
            if (map.put(key, value) != null) {
                throw new PackagePipelineException("Snapshot label '" + key + "' is given twice.");
            }
        }
        return map;
    }
}
