package io.jenkins.plugins.packagepipeline.store;

/**
 * Why a build needs no more sending to one DLRN API (the {@code dlrn_imports} table); a published build without a
 * state for an API URL is sent there by the next publish that imports into it.
 */
public enum DlrnImportState {
    /** The DLRN API answered the remote import of the build with success. */
    IMPORTED,
    /**
     * The build's snapshot was completed before the database tracked DLRN imports, when a build was imported only by
     * the publish that made its snapshot: it is not sent again.
     */
    PUBLISHED_BEFORE_TRACKING,
    /**
     * An operator gave up sending the build there ({@code publish --dlrn-skip}, {@code publishRepo}'s
     * {@code dlrnSkip}), e.g. one the DLRN API refuses for good, so that the builds after it are sent.
     */
    SKIPPED
}
