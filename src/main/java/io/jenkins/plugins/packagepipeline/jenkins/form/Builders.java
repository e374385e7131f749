package io.jenkins.plugins.packagepipeline.jenkins.form;

import java.util.List;

/** The package builders a repo target may default to, and the default one. */
public final class Builders {

    /** Builds in the agent's own environment with {@code rpmbuild}. */
    public static final String RPMBUILD = "rpmbuild";

    /** Builds in a clean chroot with {@code mock}. */
    public static final String MOCK = "mock";

    /** Every builder, the default first. */
    public static final List<String> NAMES = List.of(RPMBUILD, MOCK);

    private Builders() {
    }
}
