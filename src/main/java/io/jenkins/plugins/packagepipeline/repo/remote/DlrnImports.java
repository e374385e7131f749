package io.jenkins.plugins.packagepipeline.repo.remote;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.SnapshotManifest;
import io.jenkins.plugins.packagepipeline.store.BuildIds;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import io.jenkins.plugins.packagepipeline.store.DlrnImportState;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Feeds a DLRN server every published build it has not imported yet, whichever publish made the build's snapshot:
 * one that failed after making it (a mirror failure, a DLRN error, an abort) leaves the build to the next publish.
 * The state is durable, per build and DLRN API URL, in the build database ({@link DlrnImportState}); a build is
 * marked imported right after the DLRN API accepts it.
 *
 * <p>The builds go oldest first (by build time), as DLRN would have received them: DLRN skips the import of a
 * commit when it already holds a newer or equal one of that package (and answers 201), so a missed build sent after
 * a newer one would be lost. A failure stops the import at that build and names it; the builds before it stay
 * marked, so the next publish starts from it. A crash between DLRN's answer and the mark sends the build once more,
 * which DLRN skips for the same reason: the import is at least once, and harmless when repeated. A build the DLRN
 * API refuses for good would hold back the ones after it forever: an operator skips it ({@link Ledger#skip}, marked
 * {@link DlrnImportState#SKIPPED}), and the import goes on after it.
 *
 * <p>Builds whose snapshot was completed before the database tracked imports ({@link
 * BuildStore#dlrnImportsTrackedSince()}) were imported by the publish that made them, the earlier rule; they are
 * marked {@link DlrnImportState#PUBLISHED_BEFORE_TRACKING} and not sent, so upgrading does not replay a whole trunk
 * into DLRN.
 *
 * <pre>{@code
 * try (DlrnApiClient dlrn = new DlrnApiClient(apiUrl, user, password, Duration.ofMinutes(5))) {
 *     DlrnImports.importPending(DlrnImports.ledger(config, store, dlrn.apiUrl()), dlrn, console::println);
 * }
 * }</pre>
 */
public final class DlrnImports {

    private DlrnImports() {
    }

    /**
     * The DLRN import state of one DLRN API URL: the command line keeps it in the build database it opened
     * ({@link #ledger}); the Jenkins glue reaches the one on the agent holding the data directory.
     */
    public interface Ledger {
        /** The published builds the DLRN API has not imported yet, oldest first. */
        List<Pending> pending() throws IOException, InterruptedException;

        /** Records that the DLRN API imported {@code build}. */
        void imported(Pending build) throws IOException, InterruptedException;

        /**
         * Records the builds named ({@link BuildIds#resolve build ids}, or a package and a start of the source
         * hash) {@link DlrnImportState#SKIPPED} for the DLRN API, so that no import sends them and the import goes
         * on after them; a build skipped already stays so. Nothing is recorded when one is refused.
         *
         * @return one line per build, saying what became of it
         * @throws PackagePipelineException naming a build that the database does not hold, or that the DLRN API
         *     needs no more (imported, or published before imports were tracked)
         */
        List<String> skip(List<String> builds) throws IOException, InterruptedException;
    }

    /**
     * A published build the DLRN API has not imported yet.
     *
     * @param recordId the build's record id
     * @param buildId its build id ({@link BuildIds}), as the operator names it to skip it
     * @param packageName its package
     * @param sourceCommit its source commit
     * @param repoUrl where its output directory is served, without a trailing slash (as DLRN's own
     *     {@code repo_url}s are: DLRN appends {@code /commit.yaml})
     */
    public record Pending(long recordId, String buildId, String packageName, String sourceCommit, String repoUrl)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The package and the first 10 characters of the commit, as consoles show a build. */
        public String describe() {
            return packageName + " " + sourceCommit.substring(0, Math.min(10, sourceCommit.length()));
        }
    }

    /** How a DLRN API URL is recorded: without trailing slashes, so that both spellings are one API. */
    public static String key(URI apiUrl) {
        return apiUrl.toString().replaceAll("/+$", "");
    }

    /** The DLRN import state of {@code apiUrl} in this build database and data directory. */
    public static Ledger ledger(RepoConfig config, BuildStore store, URI apiUrl) {
        return new StoreLedger(config, store, key(apiUrl));
    }

    /**
     * For each DLRN API URL that the build database holds a state for ({@link BuildStore#dlrnApiUrls()}), the
     * published builds it has not imported yet, oldest first, read without marking anything (as a status shows
     * them); the builds published before imports were tracked are left out, as an import leaves them.
     */
    public static Map<String, List<Pending>> pendingPerApiUrl(RepoConfig config, BuildStore store)
            throws IOException {
        Map<String, List<Pending>> pending = new LinkedHashMap<>();
        for (String apiUrl : store.dlrnApiUrls()) {
            pending.put(apiUrl, new StoreLedger(config, store, apiUrl).pending(false));
        }
        return pending;
    }

    /**
     * Sends each build of {@code ledger.pending()} to the DLRN API, oldest first, marking each right after the API
     * accepted it. Returns the builds imported.
     *
     * @throws PackagePipelineException naming the build that failed (and what to do), the builds before it marked
     */
    public static List<Pending> importPending(Ledger ledger, DlrnApiClient client, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<Pending> pending = ledger.pending();
        if (pending.isEmpty()) {
            progress.accept("every published build is imported already");
            return List.of();
        }
        progress.accept(pending.size() + " published build(s) to import, oldest first");
        List<Pending> imported = new ArrayList<>();
        for (Pending build : pending) {
            if (!build.repoUrl().startsWith("http://") && !build.repoUrl().startsWith("https://")) {
                throw new PackagePipelineException("DLRN import of " + build.describe() + ": its output is served at "
                        + build.repoUrl() + ", which a DLRN server cannot fetch: set the public URL where the repos"
                        + " directory is served (the repo target's public base URL under Manage Jenkins » System »"
                        + " Package Pipeline; --public-url on the command line).");
            }
            try {
                client.remoteImport(build.repoUrl());
            } catch (PackagePipelineException e) {
                throw new PackagePipelineException("DLRN import stopped at " + build.describe() + " (" + imported.size()
                        + " of " + pending.size() + " imported before it): " + e.getMessage() + " The next publish"
                        + " sends it again, then the builds after it; if DLRN refuses it for good, skip it:"
                        + " publish --dlrn-skip " + build.buildId() + " (publishRepo's dlrnSkip in Jenkins).", e);
            }
            ledger.imported(build);
            progress.accept("imported " + build.describe() + " into DLRN (" + build.repoUrl() + ")");
            imported.add(build);
        }
        return imported;
    }

    /** The ledger in a build database, for the snapshots of a data directory. */
    private static final class StoreLedger implements Ledger {
        private final RepoConfig config;
        private final BuildStore store;
        private final String apiUrl;

        StoreLedger(RepoConfig config, BuildStore store, String apiUrl) {
            this.config = Objects.requireNonNull(config, "config");
            this.store = Objects.requireNonNull(store, "store");
            this.apiUrl = apiUrl;
        }

        /**
         * The builds without a state for the API URL whose snapshot is complete; those completed before imports
         * were tracked are marked {@link DlrnImportState#PUBLISHED_BEFORE_TRACKING} on the way, once.
         */
        @Override
        public List<Pending> pending() throws IOException {
            return pending(true);
        }

        /** The pending builds; with {@code mark}, those published before tracking are marked on the way. */
        List<Pending> pending(boolean mark) throws IOException {
            Instant trackedSince = store.dlrnImportsTrackedSince();
            List<Pending> pending = new ArrayList<>();
            for (BuildRecord build : store.notImportedInto(apiUrl)) {
                String repoDir = build.repoDir() != null ? build.repoDir()
                        : BuildRecord.outputDir(build.sourceCommit(), build.distgitCommit());
                Path dir = config.dataDir().resolve(repoDir).normalize();
                Optional<SnapshotManifest> manifest = SnapshotManifest.read(dir);
                if (manifest.isEmpty()) {
                    continue; // not published (yet), or its snapshot is to be made again
                }
                if (completedBefore(manifest.get(), trackedSince)) {
                    if (mark) {
                        store.recordDlrnImport(build.id(), apiUrl, DlrnImportState.PUBLISHED_BEFORE_TRACKING);
                    }
                    continue;
                }
                pending.add(new Pending(build.id(), BuildIds.of(build), build.packageName(), build.sourceCommit(),
                        config.publicUrlOf(config.reposDir().relativize(dir).toString())));
            }
            return pending;
        }

        @Override
        public void imported(Pending build) {
            store.recordDlrnImport(build.recordId(), apiUrl, DlrnImportState.IMPORTED);
        }

        @Override
        public List<String> skip(List<String> builds) {
            Map<Long, BuildRecord> toSkip = new LinkedHashMap<>();
            Map<Long, Boolean> skippedAlready = new LinkedHashMap<>();
            for (String name : builds) {
                BuildRecord build = BuildIds.resolve(store, name, "Cannot skip build");
                Optional<DlrnImportState> state = store.dlrnImportState(build.id(), apiUrl);
                if (state.isPresent() && state.get() != DlrnImportState.SKIPPED) {
                    throw new PackagePipelineException("Cannot skip build '" + name + "' (" + BuildIds.of(build)
                            + ") for the DLRN API " + apiUrl + ": " + (state.get() == DlrnImportState.IMPORTED
                                    ? "DLRN imported it already" : "it was published before DLRN imports were"
                                            + " tracked and is not sent")
                            + " (" + state.get() + "); skip only a build that the import stopped at or has not"
                            + " sent yet.");
                }
                toSkip.putIfAbsent(build.id(), build);
                skippedAlready.putIfAbsent(build.id(), state.isPresent());
            }
            List<String> done = new ArrayList<>();
            for (BuildRecord build : toSkip.values()) {
                if (skippedAlready.get(build.id())) {
                    done.add(BuildIds.of(build) + " is skipped already for the DLRN API " + apiUrl);
                } else {
                    store.recordDlrnImport(build.id(), apiUrl, DlrnImportState.SKIPPED);
                    done.add("skipped " + BuildIds.of(build) + " for the DLRN API " + apiUrl + ": no import sends it");
                }
            }
            return done;
        }

        /** Whether the snapshot was completed before {@code since}; when unsure, no (DLRN skips what it has). */
        private static boolean completedBefore(SnapshotManifest manifest, Instant since) {
            try {
                return manifest.createdAt() != null && Instant.parse(manifest.createdAt()).isBefore(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
