package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK, WARNING, ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Value(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return new Value(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return new Value(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return new Value(Kind.ERROR, message);
    }

    public abstract String renderHtml();

    /** Declaration-only holder of a kind and a message (the real subclasses render HTML). */
    private static final class Value extends FormValidation {
        private static final long serialVersionUID = 1L;

        Value(Kind kind, String message) {
            super(kind, message);
        }

        @Override
        public String renderHtml() {
            throw new UnsupportedOperationException();
        }
    }
}
