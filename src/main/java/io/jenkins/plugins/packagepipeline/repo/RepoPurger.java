package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.repo.report.StatusReports;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes old snapshots to free disk space: every build finished before a cut-off loses its RPMs and repository
 * metadata, except the newest successful build of each package and the snapshots {@code current} and
 * {@code consistent} point at. Logs, {@code commit.yaml} and {@code versions.csv} stay, and the build's record
 * stays with its purged flag set. Other snapshots are unaffected since they hold hard links, not references.
 * Preserved copies of rechecked builds' snapshots ({@link SupersededSnapshots}) older than the cut-off and reached
 * by no pointer are removed whole (no record names them). Runs under the publish lock; the snapshot manifest goes
 * first (and that removal is flushed), so an interrupted purge, or a power loss, leaves an incomplete snapshot
 * (never pointed at) rather than a broken one.
 */
public final class RepoPurger {
    private final RepoConfig config;
    private final BuildStore store;

    public RepoPurger(RepoConfig config, BuildStore store) {
        this.config = config;
        this.store = store;
    }

    /**
     * What a purge removed, or would remove in a dry run.
     *
     * @param purged the builds purged (or to purge)
     * @param kept how many old builds (or preserved copies) were kept because they are a package's newest success
     *     or a pointer's target
     * @param bytesFreed bytes of RPMs and metadata removed (or that would be)
     * @param dryRun whether nothing was changed
     * @param supersededRemoved the preserved copies of rechecked builds' snapshots removed (or to remove),
     *     relative to the repos directory
     */
    public record PurgeResult(List<BuildRecord> purged, int kept, long bytesFreed, boolean dryRun,
            List<String> supersededRemoved) {
        public String summary() {
            String superseded = supersededRemoved.isEmpty() ? "" : " and " + supersededRemoved.size()
                    + " superseded snapshot(s) of rechecked builds";
            return String.format("%s %d build(s) finished before the cut-off%s, %.1f MB; kept %d old build(s) still"
                    + " served", dryRun ? "Would purge" : "Purged", purged.size(), superseded, bytesFreed / 1e6,
                    kept);
        }
    }

    /** Purges builds finished before {@code cutoff}; with {@code dryRun} only reports what it would do. */
    public PurgeResult purge(Instant cutoff, boolean dryRun) throws IOException, InterruptedException {
        try (PublishLock lock = PublishLock.acquire(config.reposDir(), config.toolTimeout())) {
            RepoNames.settle(config, store); // the reports it rewrites carry the name
            Set<Path> protectedDirs = new HashSet<>();
            for (BuildRecord newest : store.latestSuccessfulPerPackage()) {
                protectedDirs.add(dirOf(newest));
            }
            RepoPointers pointers = new RepoPointers(config.reposDir());
            pointers.resolve(RepoPointers.CURRENT).ifPresent(protectedDirs::add);
            pointers.resolve(RepoPointers.CONSISTENT).ifPresent(protectedDirs::add);
            List<BuildRecord> purged = new ArrayList<>();
            int kept = 0;
            FreedSpace freed = new FreedSpace();
            for (BuildRecord latest : store.latestPerPackage()) {
                for (BuildRecord build : store.history(latest.packageName())) {
                    if (build.purged() || build.buildTime() == null || !build.buildTime().isBefore(cutoff)) {
                        continue;
                    }
                    Path dir = dirOf(build);
                    if (protectedDirs.contains(dir)) {
                        kept++;
                        continue;
                    }
                    List<Path> removable = removable(dir);
                    for (Path p : removable) {
                        freed.add(p);
                    }
                    if (!dryRun) {
                        removeManifest(dir);
                        for (Path p : removable) {
                            FileTrees.delete(p);
                        }
                        store.markPurged(build.id());
                    }
                    purged.add(build);
                }
            }
            List<String> supersededRemoved = new ArrayList<>();
            for (Path copy : SupersededSnapshots.list(config.reposDir())) {
                if (protectedDirs.contains(copy)) {
                    kept++;
                    continue;
                }
                Optional<SnapshotManifest> manifest = SupersededSnapshots.isLeftover(copy) ? Optional.empty()
                        : SnapshotManifest.read(copy);
                if (manifest.isPresent() && !builtBefore(manifest.get(), cutoff)) {
                    continue;
                }
                freed.add(copy);
                if (!dryRun) {
                    removeManifest(copy);
                    FileTrees.delete(copy);
                }
                supersededRemoved.add(config.reposDir().relativize(copy).toString());
            }
            if (!dryRun) {
                StatusReports.write(config, store);
            }
            return new PurgeResult(purged, kept, freed.bytes(), dryRun, supersededRemoved);
        }
    }

    /** Removes a snapshot's manifest, durably, so that it is never taken for complete once its files go. */
    private static void removeManifest(Path dir) throws IOException {
        if (Files.deleteIfExists(dir.resolve(SnapshotManifest.FILE_NAME))) {
            RepoFiles.syncDirectory(dir);
        }
    }

    private static boolean builtBefore(SnapshotManifest manifest, Instant cutoff) {
        String time = manifest.buildTime();
        return time == null || time.equals("null") || Instant.parse(time).isBefore(cutoff);
    }

    private Path dirOf(BuildRecord build) {
        return config.dataDir().resolve(SnapshotBuilder.repoDirOf(build)).normalize();
    }

    /** RPMs, repodata, component trees, .repo files and markers of a snapshot directory; logs are kept. */
    private static List<Path> removable(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".rpm") || n.equals("repodata") || n.equals(".repodata")
                        || n.equals(SnapshotBuilder.COMPONENTS_DIR) || n.endsWith(".repo")
                        || n.equals(SnapshotManifest.FILE_NAME) || n.startsWith(".signed-by-");
            }).sorted().toList();
        }
    }

    /**
     * The space that removing a set of paths frees. An RPM is hard-linked into every snapshot that holds it, so a
     * file counts only once all of its links are among the removed paths; each file is seen before it is deleted.
     */
    private static final class FreedSpace {
        /** File key to {size, links when first seen, links seen}. */
        private final Map<Object, long[]> files = new HashMap<>();
        private long unkeyed;

        void add(Path path) throws IOException {
            List<Path> regular;
            try (Stream<Path> walk = Files.walk(path)) {
                regular = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
            }
            for (Path file : regular) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Object key = attributes.fileKey();
                if (key == null) {
                    unkeyed += attributes.size();
                    continue;
                }
                int links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                files.computeIfAbsent(key, k -> new long[] {attributes.size(), links, 0})[2]++;
            }
        }

        long bytes() {
            long total = unkeyed;
            for (long[] file : files.values()) {
                if (file[2] >= file[1]) {
                    total += file[0];
                }
            }
            return total;
        }
    }
}
