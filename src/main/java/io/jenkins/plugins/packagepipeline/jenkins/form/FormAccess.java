package io.jenkins.plugins.packagepipeline.jenkins.form;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The order in which a form method of the configuration page or of a step's Snippet Generator checks permission,
 * kept free of Jenkins types: nothing is listed, validated or probed before the requester has been found allowed to
 * configure (Overall/Administer on the global page, the job's Configure in a job). A requester who is not allowed
 * learns nothing: lists keep only the value already in the form, checks say nothing, probes are refused.
 */
public final class FormAccess {

    private final BooleanSupplier mayConfigure;

    /**
     * @param mayConfigure whether the requester may configure where the form is (asked once per call, before anything
     *     else is done)
     */
    public FormAccess(BooleanSupplier mayConfigure) {
        this.mayConfigure = mayConfigure;
    }

    /** A list box: the full list if allowed, else what {@code restricted} gives (the current value only). */
    public <T> T list(Supplier<T> full, Supplier<T> restricted) {
        return mayConfigure.getAsBoolean() ? full.get() : restricted.get();
    }

    /** A field check: run only if allowed; otherwise no verdict, so the check reveals nothing. */
    public FieldCheck check(Supplier<FieldCheck> check) {
        return mayConfigure.getAsBoolean() ? check.get() : FieldCheck.ok();
    }
}
