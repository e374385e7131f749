package io.jenkins.plugins.packagepipeline.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one repository snapshot holds, written as {@code snapshot.json} in the snapshot's directory as the very last
 * step of making it: its presence marks the snapshot complete (repodata made and signed, {@code .repo} written),
 * so only snapshots with a manifest are ever pointed at, and a publisher killed before writing it simply redoes the
 * snapshot next time.
 *
 * @param packageName the package whose build this snapshot was made for
 * @param buildId the build's record id
 * @param sourceCommit the build's source commit
 * @param distgitCommit the build's distgit commit
 * @param buildTime the build's time (ISO-8601), used to keep pointers from moving back to an older build
 * @param createdAt when the snapshot was completed (ISO-8601)
 * @param consistent whether every package's latest build had succeeded when it was made
 * @param signedBy fingerprint of the key that signed its RPMs and repomd.xml, or null when unsigned
 * @param packages every package in the snapshot with its RPM file names
 */
public record SnapshotManifest(String packageName, long buildId, String sourceCommit, String distgitCommit,
        String buildTime, String createdAt, boolean consistent, String signedBy, List<Entry> packages) {

    /** The manifest's file name in a snapshot directory. */
    public static final String FILE_NAME = "snapshot.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One package in a snapshot.
     *
     * @param packageName the package
     * @param repoDir the output directory of the build its RPMs come from, relative to the data directory
     * @param component the package's component, or null
     * @param rpms the RPM file names, found in the snapshot directory (or its component sub-directory)
     */
    public record Entry(String packageName, String repoDir, String component, List<String> rpms) {
    }

    /** Reads the manifest of a snapshot directory, if that snapshot is complete. */
    public static Optional<SnapshotManifest> read(Path snapshotDir) throws IOException {
        Path file = snapshotDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), SnapshotManifest.class));
    }

    /** Writes the manifest atomically, completing the snapshot. */
    public void write(Path snapshotDir) throws IOException {
        RepoFiles.writeAtomically(snapshotDir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }
}
