package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import io.jenkins.plugins.packagepipeline.repo.sign.GpgSigner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Makes one repository snapshot in a build's output directory: that build's RPMs plus hard links to the RPMs of the
 * given builds of the other packages, repodata from {@code createrepo_c --update} reusing the previous snapshot's
 * metadata (so only new packages are read), optionally signed, a {@code .repo} file, and last the
 * {@link SnapshotManifest} that marks it complete. A snapshot left incomplete by a crash is cleaned and redone.
 */
final class SnapshotBuilder {
    static final String COMPONENTS_DIR = "components";
    private static final String SIGNED_MARKER = ".signed-by-";
    /** Suffix of the temporary copy that gives an RPM shared by other snapshots a file of its own. */
    private static final String UNSHARED_SUFFIX = ".unshared";

    private final RepoConfig config;
    private final GpgSigner signer;
    private final SecretMasker masker;

    SnapshotBuilder(RepoConfig config, GpgSigner signer, SecretMasker masker) {
        this.config = config;
        this.signer = signer;
        this.masker = masker;
    }

    /**
     * Makes the snapshot of {@code build} in its output directory.
     *
     * @param others for each other package, the build whose RPMs go in
     * @param previous the previous complete snapshot whose metadata is reused, or null
     * @param consistent whether every package's latest build has succeeded
     */
    SnapshotManifest build(BuildRecord build, List<BuildRecord> others, Path previous, boolean consistent)
            throws IOException, InterruptedException {
        Path snapshot = snapshotDir(build);
        Path log = snapshot.resolve("publish.log");
        List<BuildRecord> all = new ArrayList<>();
        all.add(build);
        all.addAll(others);
        Map<BuildRecord, List<Path>> rpmsByBuild = new LinkedHashMap<>();
        for (BuildRecord b : all) {
            rpmsByBuild.put(b, rpmsOf(b));
        }
        clean(snapshot, build);
        if (signer != null) {
            ensureSigned(rpmsByBuild, snapshot);
        }
        List<SnapshotManifest.Entry> entries = new ArrayList<>();
        if (config.components()) {
            Map<String, List<Path>> byComponent = new TreeMap<>();
            for (Map.Entry<BuildRecord, List<Path>> e : rpmsByBuild.entrySet()) {
                byComponent.computeIfAbsent(componentOf(e.getKey()), c -> new ArrayList<>()).addAll(e.getValue());
            }
            for (Map.Entry<String, List<Path>> e : byComponent.entrySet()) {
                Path dir = snapshot.resolve(COMPONENTS_DIR).resolve(e.getKey());
                Path prev = previous == null ? null : previous.resolve(COMPONENTS_DIR).resolve(e.getKey());
                makeRepo(dir, e.getValue(), prev, log);
            }
        } else {
            List<Path> rpms = new ArrayList<>();
            rpmsByBuild.values().forEach(rpms::addAll);
            makeRepo(snapshot, rpms, previous, log);
        }
        for (Map.Entry<BuildRecord, List<Path>> e : rpmsByBuild.entrySet()) {
            BuildRecord b = e.getKey();
            entries.add(new SnapshotManifest.Entry(b.packageName(), repoDirOf(b), b.component(),
                    e.getValue().stream().map(p -> p.getFileName().toString()).sorted().toList()));
        }
        RepoFiles.writeAtomically(snapshot.resolve(config.repoName() + ".repo"),
                RepoFileWriter.repoFile(config, config.reposDir().relativize(snapshot).toString(),
                        config.components() ? componentsOf(rpmsByBuild.keySet()) : List.of(), signer != null));
        SnapshotManifest manifest = new SnapshotManifest(build.packageName(), build.id(), build.sourceCommit(),
                build.distgitCommit(), String.valueOf(build.buildTime()), Instant.now().toString(), consistent,
                signer == null ? null : signer.fingerprint(), entries);
        // everything the manifest vouches for is on disk before it is written: the RPMs it links already are
        RepoFiles.syncTree(snapshot, SnapshotBuilder::isNotRpm);
        manifest.write(snapshot);
        return manifest;
    }

    Path snapshotDir(BuildRecord build) {
        return config.dataDir().resolve(repoDirOf(build)).normalize();
    }

    static String repoDirOf(BuildRecord build) {
        return build.repoDir() != null ? build.repoDir()
                : BuildRecord.outputDir(build.sourceCommit(), build.distgitCommit());
    }

    private String componentOf(BuildRecord build) {
        return build.component() == null || build.component().isBlank() ? RepoConfig.DEFAULT_COMPONENT
                : build.component();
    }

    private List<String> componentsOf(Set<BuildRecord> builds) {
        return builds.stream().map(this::componentOf).distinct().sorted().toList();
    }

    /** The RPM files of a build that belong in repositories (SRPMs only when configured), checked to exist. */
    List<Path> rpmsOf(BuildRecord build) {
        List<Path> rpms = new ArrayList<>();
        for (String artifact : build.artifacts()) {
            if (!artifact.endsWith(".rpm") || (!config.includeSources() && artifact.endsWith(".src.rpm"))) {
                continue;
            }
            Path rpm = config.dataDir().resolve(artifact).normalize();
            if (!rpm.startsWith(config.dataDir())) {
                throw new PackagePipelineException("Build " + describe(build) + " lists artifact '" + artifact
                        + "' outside the data directory " + config.dataDir() + "; its record is corrupt.");
            }
            if (!Files.isRegularFile(rpm)) {
                throw new PackagePipelineException("RPM " + rpm + " of build " + describe(build) + " is missing"
                        + (build.purged() ? " (the build was purged)" : "")
                        + ": rebuild the package or import the build again, then publish.");
            }
            rpms.add(rpm);
        }
        if (rpms.stream().noneMatch(p -> !p.toString().endsWith(".src.rpm"))) {
            throw new PackagePipelineException("Build " + describe(build) + " has no binary RPM among its artifacts "
                    + build.artifacts() + "; a successful build must list its RPMs.");
        }
        return rpms;
    }

    /** Whether a file is not an RPM; RPM files are flushed where they are written (build, import, signing). */
    static boolean isNotRpm(Path file) {
        return !file.getFileName().toString().endsWith(".rpm");
    }

    static String describe(BuildRecord build) {
        return build.packageName() + " " + BuildRecord.outputDirName(build.sourceCommit(), build.distgitCommit());
    }

    /**
     * Removes what an interrupted earlier attempt may have left: repodata, component trees, .repo files and the hard
     * links to other builds' RPMs. A file is taken for such a link only if the build does not list it among its
     * artifacts and it has other links: the build's own files, SRPM included, are never touched.
     */
    private void clean(Path snapshot, BuildRecord build) throws IOException {
        Files.createDirectories(snapshot);
        FileTrees.delete(snapshot.resolve("repodata"));
        FileTrees.delete(snapshot.resolve(".repodata"));
        FileTrees.delete(snapshot.resolve(COMPONENTS_DIR));
        Set<Path> own = new HashSet<>();
        for (String artifact : build.artifacts()) {
            own.add(config.dataDir().resolve(artifact).normalize());
        }
        try (Stream<Path> files = Files.list(snapshot)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                boolean staleLink = name.endsWith(".rpm") && !own.contains(f.normalize())
                        && ((Integer) Files.getAttribute(f, "unix:nlink")) > 1;
                if (staleLink || name.endsWith(".repo") || name.startsWith(".pkglist")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Signs, in their own directories and with one rpmsign run, the RPMs of the builds not yet signed with this key;
     * a marker file per build remembers it (so enabling signing on a large repository signs everything once).
     * rpmsign rewrites an RPM in place when its signature fits the space the RPM reserves for it, so an RPM that
     * other snapshots hard-link first gets a file of its own ({@link #unshare}): they keep the unsigned file their
     * metadata describes. The build's directory is also the snapshot published for that build, whose repodata names
     * the unsigned RPMs' checksums. So, before signing, the pointers serving such a snapshot move to a
     * hard-linked copy of it ({@link SupersededSnapshots}: the copy keeps the unsigned files its metadata describes)
     * and its {@code snapshot.json} is removed, so that a later publish of that build remakes its snapshot and a
     * mirror moves the secondary's pointers off it first. A crash at any point leaves every pointer on a complete
     * repository.
     *
     * @param snapshot the snapshot being made now (not published yet)
     */
    private void ensureSigned(Map<BuildRecord, List<Path>> rpmsByBuild, Path snapshot)
            throws IOException, InterruptedException {
        List<Path> markers = new ArrayList<>();
        List<Path> toSign = new ArrayList<>();
        for (Map.Entry<BuildRecord, List<Path>> e : rpmsByBuild.entrySet()) {
            Path dir = snapshotDir(e.getKey());
            Path marker = dir.resolve(SIGNED_MARKER + signer.fingerprint());
            if (!Files.exists(marker)) {
                markers.add(marker);
                toSign.addAll(e.getValue());
                if (!dir.equals(snapshot)) {
                    SupersededSnapshots.preserveServed(config.reposDir(), dir);
                    if (Files.deleteIfExists(dir.resolve(SnapshotManifest.FILE_NAME))) {
                        RepoFiles.syncDirectory(dir);
                    }
                }
            }
        }
        removeSigningLeftovers(toSign);
        for (Path rpm : toSign) {
            unshare(rpm);
        }
        signer.signRpms(toSign);
        // rpmsign rewrote each RPM (in place, or by a rename when the signature did not fit): flush them and their
        // directories
        RepoFiles.syncFiles(toSign);
        for (Path parent : toSign.stream().map(Path::getParent).distinct().toList()) {
            RepoFiles.syncDirectory(parent);
        }
        for (Path marker : markers) {
            RepoFiles.writeAtomically(marker, "signed by " + signer.fingerprint() + "\n");
        }
    }

    /**
     * Replaces {@code rpm}, when other snapshots hard-link it, by a copy of its own (copied, flushed, renamed over
     * it), so that signing it changes no other snapshot.
     */
    private static void unshare(Path rpm) throws IOException {
        if ((Integer) Files.getAttribute(rpm, "unix:nlink") < 2) {
            return;
        }
        Path copy = rpm.resolveSibling("." + rpm.getFileName() + UNSHARED_SUFFIX);
        Files.copy(rpm, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        RepoFiles.syncFiles(List.of(copy));
        RepoFiles.rename(copy, rpm);
    }

    /**
     * Removes what an rpmsign killed mid-way leaves next to an RPM: its detached signature {@code <rpm>.sig} (gpg
     * refuses to overwrite it) and its rewritten copy {@code <rpm>.XXXXXX}, which never replaced the original.
     */
    private static void removeSigningLeftovers(List<Path> rpms) throws IOException {
        for (Path rpm : rpms) {
            String name = rpm.getFileName().toString();
            try (Stream<Path> siblings = Files.list(rpm.getParent())) {
                for (Path p : siblings.toList()) {
                    String other = p.getFileName().toString();
                    if (other.equals(name + ".sig") || other.equals("." + name + UNSHARED_SUFFIX)
                            || (other.startsWith(name + ".") && other.length() == name.length() + 7)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private void makeRepo(Path dir, List<Path> rpms, Path previous, Path log) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (Path rpm : rpms) {
            Path link = dir.resolve(rpm.getFileName().toString());
            if (names.contains(link.getFileName().toString())) {
                continue;
            }
            if (!link.equals(rpm)) {
                RepoFiles.hardLink(link, rpm);
            }
            names.add(link.getFileName().toString());
        }
        Path pkglist = dir.resolve(".pkglist");
        Files.write(pkglist, names);
        List<String> command = new ArrayList<>(List.of("createrepo_c", "--update", "--no-database",
                "--pkglist", pkglist.toString()));
        if (previous != null && Files.isRegularFile(previous.resolve("repodata/repomd.xml"))) {
            command.add("--update-md-path");
            command.add(previous.toString());
        }
        command.add(dir.toString());
        ProcessRunner.command(command).timeout(config.toolTimeout()).log(log).masking(masker).run()
                .requireSuccess("createrepo_c of " + dir);
        Files.delete(pkglist);
        if (signer != null) {
            signer.signDetached(dir.resolve("repodata/repomd.xml"));
        }
    }
}
