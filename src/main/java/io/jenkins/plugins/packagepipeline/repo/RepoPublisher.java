package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.report.StatusReports;
import io.jenkins.plugins.packagepipeline.repo.sign.GpgSigner;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The publishRepo engine: turns recorded builds into served repository snapshots. For each successful build it makes
 * a snapshot in the build's output directory (its RPMs plus the latest successful RPMs of every other package,
 * hard-linked), then switches {@code current} and, when every package's latest build has succeeded,
 * {@code consistent}, and rewrites the status reports. Publishers of one repos directory are serialized by a lock
 * file; a crash at any instant leaves both pointers at complete repositories.
 *
 * <pre>{@code
 * RepoPublisher publisher = new RepoPublisher(RepoConfig.defaults(dataDir).withPublicUrl(url), store);
 * try (SigningKey key = SigningKey.of(armoredKey, passphrase)) {
 *     publisher.publish(store.recent(10), key).forEach(r -> console.println(r.summary()));
 * }
 * }</pre>
 */
public final class RepoPublisher {
    private final RepoConfig config;
    private final BuildStore store;
    private final RepoPointers pointers;
    private Consumer<String> progress = line -> { };

    public RepoPublisher(RepoConfig config, BuildStore store) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.pointers = new RepoPointers(config.reposDir());
    }

    /** Where progress lines go (e.g. a Jenkins console); nothing by default. */
    public RepoPublisher onProgress(Consumer<String> listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    public RepoConfig config() {
        return config;
    }

    /** Publishes one build; see {@link #publish(List, SigningKey)}. */
    public PublishResult publish(BuildRecord build, SigningKey signingKey) throws IOException, InterruptedException {
        return publish(List.of(build), signingKey).get(0);
    }

    /**
     * Publishes builds, oldest build first: a snapshot per successful build (a build whose snapshot is already
     * complete is not made again, so publishing is idempotent and a crashed run is simply run again), then the
     * pointers, then the reports. Failed and retried builds make no snapshot but show in the reports; purged builds
     * are left alone.
     *
     * @param signingKey the key that signs RPMs and repomd.xml, or null for an unsigned repository
     * @return one result per build, in the order published
     * @throws PackagePipelineException with what failed; the repositories served before stay served
     */
    public List<PublishResult> publish(List<BuildRecord> builds, SigningKey signingKey)
            throws IOException, InterruptedException {
        List<BuildRecord> ordered = new ArrayList<>(builds);
        ordered.sort(Comparator.comparing(RepoPublisher::buildTimeOf));
        List<PublishResult> results = new ArrayList<>();
        try (PublishLock lock = PublishLock.acquire(config.reposDir(), config.toolTimeout());
             GpgSigner signer = openSigner(signingKey)) {
            RepoNames.settle(config, store); // before anything carries the name: a second name is refused
            removeStalePointerLinks();
            if (signer != null) {
                publishPublicKey(signer);
            }
            SecretMasker masker = signingKey == null ? SecretMasker.none() : signingKey.masker();
            SnapshotBuilder snapshots = new SnapshotBuilder(config, signer, masker);
            try {
                for (BuildRecord build : ordered) {
                    PublishResult result = publishOne(build, snapshots);
                    progress.accept(result.summary());
                    results.add(result);
                }
            } finally {
                StatusReports.write(config, store); // also after a failure: the reports show what is served
            }
        }
        return results;
    }

    /** Rewrites the status reports alone (e.g. after a purge or a failed build), under the publish lock. */
    public void writeReports() throws IOException, InterruptedException {
        try (PublishLock lock = PublishLock.acquire(config.reposDir(), config.toolTimeout())) {
            RepoNames.settle(config, store);
            StatusReports.write(config, store);
        }
    }

    /** Removes temporary pointer links a publisher killed between creating and renaming them left behind. */
    private void removeStalePointerLinks() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(config.reposDir())) {
            for (Path p : files.filter(Files::isSymbolicLink).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".new")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private GpgSigner openSigner(SigningKey key) throws IOException, InterruptedException {
        return key == null ? null : GpgSigner.open(key, config.toolTimeout(), null);
    }

    private void publishPublicKey(GpgSigner signer) throws IOException, InterruptedException {
        Path keyFile = config.reposDir().resolve(config.publicKeyFileName());
        String armored = signer.publicKeyArmored();
        if (!Files.isRegularFile(keyFile) || !Files.readString(keyFile).equals(armored)) {
            RepoFiles.writeAtomically(keyFile, armored);
        }
    }

    private PublishResult publishOne(BuildRecord build, SnapshotBuilder snapshots)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (build.status() != BuildStatus.SUCCESS || build.purged()) {
            return new PublishResult(build, null, 0, false, false, false, false, since(started));
        }
        Path snapshotDir = snapshots.snapshotDir(build);
        if (!Files.isDirectory(snapshotDir)) {
            throw new PackagePipelineException("The output directory " + snapshotDir + " of build "
                    + SnapshotBuilder.describe(build) + " does not exist: was the build made with this data"
                    + " directory (" + config.dataDir() + ")? Import it first if it was built elsewhere.");
        }
        Optional<SnapshotManifest> existing = SnapshotManifest.read(snapshotDir);
        SnapshotManifest manifest;
        if (existing.isPresent()) {
            manifest = existing.get();
        } else {
            Composition composition = compose(build);
            Path previous = pointers.resolve(RepoPointers.CURRENT).orElse(null);
            manifest = snapshots.build(build, composition.others(), previous, composition.consistent());
        }
        boolean currentMoved = movePointer(RepoPointers.CURRENT, snapshotDir, manifest);
        boolean consistentMoved = manifest.consistent() && movePointer(RepoPointers.CONSISTENT, snapshotDir, manifest);
        return new PublishResult(build, config.reposDir().relativize(snapshotDir).toString(),
                manifest.packages().size(), manifest.consistent(), currentMoved, consistentMoved,
                existing.isPresent(), since(started));
    }

    /**
     * What the snapshot of {@code build} holds: each other package's latest successful build as of {@code build}'s
     * time, and whether every package's latest build as of then had succeeded. "As of" matters when a batch of
     * builds is published after the fact: each snapshot shows the trunk as it was when its build finished. The
     * database is asked twice in the common case (publishing the newest build), once more per package only for
     * packages built again since.
     */
    private Composition compose(BuildRecord build) {
        Instant asOf = buildTimeOf(build);
        Map<String, BuildRecord> latestSuccessful = new HashMap<>();
        store.latestSuccessfulPerPackage().forEach(b -> latestSuccessful.put(b.packageName(), b));
        boolean consistent = true;
        List<BuildRecord> others = new ArrayList<>();
        for (BuildRecord latest : store.latestPerPackage()) {
            String name = latest.packageName();
            if (name.equals(build.packageName())) {
                continue;
            }
            List<BuildRecord> history = null;
            BuildRecord then = latest;
            if (buildTimeOf(latest).isAfter(asOf)) {
                history = store.history(name);
                then = history.stream().filter(b -> !buildTimeOf(b).isAfter(asOf)).findFirst().orElse(null);
            }
            if (then == null) {
                continue; // the package did not exist yet
            }
            consistent &= then.status() == BuildStatus.SUCCESS;
            BuildRecord success = latestSuccessful.get(name);
            if (success != null && buildTimeOf(success).isAfter(asOf)) {
                success = (history != null ? history : store.history(name)).stream()
                        .filter(b -> b.status() == BuildStatus.SUCCESS && !buildTimeOf(b).isAfter(asOf))
                        .findFirst().orElse(null);
            }
            if (success != null && !success.purged()) {
                others.add(success);
            }
        }
        return new Composition(others, consistent);
    }

    private record Composition(List<BuildRecord> others, boolean consistent) {
    }

    /** Moves a pointer to the snapshot unless it already names a snapshot of a newer build. */
    private boolean movePointer(String pointer, Path snapshotDir, SnapshotManifest manifest) throws IOException {
        Optional<Path> target = pointers.resolve(pointer);
        if (target.isPresent()) {
            if (target.get().equals(snapshotDir)) {
                return true;
            }
            Optional<SnapshotManifest> pointed = SnapshotManifest.read(target.get());
            if (pointed.isPresent() && parse(pointed.get().buildTime()).isAfter(parse(manifest.buildTime()))) {
                return false;
            }
        }
        pointers.switchTo(pointer, snapshotDir);
        return true;
    }

    private static Instant buildTimeOf(BuildRecord build) {
        return build.buildTime() == null ? Instant.EPOCH : build.buildTime();
    }

    private static Instant parse(String instant) {
        return instant == null || instant.equals("null") ? Instant.EPOCH : Instant.parse(instant);
    }

    private static java.time.Duration since(long started) {
        return java.time.Duration.ofNanos(System.nanoTime() - started);
    }
}
