package io.jenkins.plugins.packagepipeline.jenkins.form;

import java.util.Objects;

/**
 * The verdict on one form field, without Jenkins types: the configuration page shows it next to the field
 * ({@code FormValidation} in the glue), and saving a configuration refuses an {@link Level#ERROR}.
 *
 * @param level how bad it is
 * @param message what is wrong with the value and what to do; empty for {@link Level#OK}
 */
public record FieldCheck(Level level, String message) {

    /** How bad a field's value is. */
    public enum Level {
        OK, WARNING, ERROR
    }

    private static final FieldCheck OK = new FieldCheck(Level.OK, "");

    public FieldCheck {
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
    }

    public static FieldCheck ok() {
        return OK;
    }

    /** OK, with something worth showing (what a connection test found). */
    public static FieldCheck ok(String message) {
        return new FieldCheck(Level.OK, message);
    }

    public static FieldCheck warning(String message) {
        return new FieldCheck(Level.WARNING, message);
    }

    public static FieldCheck error(String message) {
        return new FieldCheck(Level.ERROR, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }
}
