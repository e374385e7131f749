package io.jenkins.plugins.packagepipeline.jenkins.form;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import io.jenkins.plugins.packagepipeline.jenkins.settings.Labels;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * A list argument of a step or build step ({@code packages}, {@code builds}, {@code labels}, {@code from}) as its
 * form holds it: a text area, one item a line. A Jenkinsfile writes the same argument as a Groovy list
 * ({@code packages: ['hello', 'world']}).
 *
 * <p>Why the form needs this: the Snippet Generator and a Freestyle job's configuration page turn the submitted form
 * (JSON) into an instance with the descriptor's {@code newInstance(StaplerRequest2, JSONObject)}, which binds each
 * JSON value to the data-bound setter of the same name. Stapler binds a JSON <em>string</em> to a
 * {@code List<String>} setter as a one-element list holding the whole text, so the descriptor first replaces the
 * text by a JSON array of its items ({@link #bind}). The step keeps its {@code List<String>} argument: the
 * generated Groovy is the natural {@code packages: ['hello', 'world']}, and Pipeline syntax is unchanged.
 */
public final class ListField {

    /** How the text area's text is cut into items. */
    private enum Kind { NAMES, LABELS, LINES }

    private final String name;
    private final Kind kind;

    private ListField(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** Names (packages, build ids): one a line, or separated by commas or spaces; repeats dropped. */
    public static ListField names(String name) {
        return new ListField(name, Kind.NAMES);
    }

    /**
     * Items that may hold spaces and commas (paths, URLs): one a line, each line whole but for its surrounding
     * blanks; repeats dropped.
     */
    public static ListField wholeLines(String name) {
        return new ListField(name, Kind.LINES);
    }

    /**
     * Snapshot labels: one a line ({@code key=value} or a bare {@code key}; a value may hold spaces and commas),
     * each checked as {@link Labels} checks it, a bad one named with its line.
     */
    public static ListField labels(String name) {
        return new ListField(name, Kind.LABELS);
    }

    /** The argument's name: the form field and the setter it binds to. */
    public String name() {
        return name;
    }

    /**
     * The items typed in the text area, in order; empty when the text is null or blank (the argument is then left
     * at its default).
     *
     * @throws PackagePipelineException naming the field, the line and what is expected, for a bad label
     */
    public List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (kind == Kind.NAMES) {
            return InstanceSettings.parseNames(text);
        }
        if (kind == Kind.LINES) {
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
        }
        List<String> items = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Labels.parse(List.of(line));
            } catch (PackagePipelineException e) {
                throw new PackagePipelineException("Labels, line " + (i + 1) + " '" + line + "': " + e.getMessage()
                        + " Write one label a line.");
            }
            items.add(line);
        }
        Labels.parse(items);
        return List.copyOf(items);
    }

    /** The check of the field as typed, for the form's {@code doCheck} method. */
    public FieldCheck check(String text) {
        try {
            parse(text);
            return FieldCheck.ok();
        } catch (PackagePipelineException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /**
     * The submitted form with this field's text replaced by a JSON array of its items, or removed when blank (so
     * the setter is not called and the argument keeps its default). A form without the field, or already holding
     * an array (a client posting JSON), is returned as it is. {@code form} itself is not changed.
     *
     * @throws PackagePipelineException for a bad label, as {@link #parse} does
     */
    public JSONObject bind(JSONObject form) {
        Object value = form.opt(name);
        if (!(value instanceof String text)) {
            return form;
        }
        JSONObject bound = JSONObject.fromObject(form);
        List<String> items = parse(text);
        if (items.isEmpty()) {
            bound.remove(name);
        } else {
            JSONArray array = new JSONArray();
            array.addAll(items);
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).equals(array.get(i))) {
                    // json-lib reads "null", "[...]" and "{...}" as JSON values, which would bind as something else
                    throw new PackagePipelineException("The " + name + " item '" + items.get(i) + "' cannot be typed"
                            + " in this form (the form's JSON reads it as a JSON value): give it in the Jenkinsfile.");
                }
            }
            bound.put(name, array);
        }
        return bound;
    }

    /** A list argument as its text area shows it: one item a line; empty for none. */
    public static String lines(List<String> items) {
        return items == null ? "" : String.join("\n", items);
    }

    /** What a step's getter returns: {@code null} for none, so the generated Groovy leaves the argument out. */
    public static List<String> nullIfEmpty(List<String> items) {
        return items == null || items.isEmpty() ? null : items;
    }
}
