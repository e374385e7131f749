package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.catalog.PackageInRelease;
import io.jenkins.plugins.packagepipeline.catalog.SafeName;
import io.jenkins.plugins.packagepipeline.git.GitCache;
import io.jenkins.plugins.packagepipeline.git.GitRepository;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds one package at one (source commit, distgit commit) pair into a complete output directory in a private
 * scratch directory: the distgit files at that commit as SOURCES, the spec with DLRN's commit and release written in
 * ({@link SpecFile}), a tarball of exactly the source commit (JGit archive) named as the spec's Source0, then the
 * {@link RpmBuilder}. Never throws for a problem of the package: the record says FAILED (the package's fault,
 * e.g. a broken spec) or RETRY (a timeout or an infrastructure error), with the log tail in its notes.
 */
final class CommitBuild {
    static final String BUILD_LOG = "build.log";
    static final String RPMBUILD_LOG = "rpmbuild.log";
    private static final Duration RPMSPEC_TIMEOUT = Duration.ofMinutes(2);
    /** Output of a failed build that says the machine, not the package, failed (DLRN's "known errors"). */
    private static final Pattern INFRASTRUCTURE_ERROR = Pattern.compile("No space left on device|Cannot allocate memory"
            + "|Could not resolve host|Temporary failure in name resolution|No route to host|Connection timed out"
            + "|Failed to synchronize cache for repo|Error downloading packages|No more mirrors to try"
            + "|Device or resource busy");

    private final BuildSettings settings;
    private final RpmBuilder builder;

    CommitBuild(BuildSettings settings, RpmBuilder builder) {
        this.settings = settings;
        this.builder = builder;
    }

    /**
     * Makes the build.
     *
     * @param others the other packages' rows for {@code versions.csv}
     * @throws InterruptedException when aborted; the running tool is killed
     */
    StagedBuild run(BuildRequest request, List<VersionsRow> others) throws IOException, InterruptedException {
        PackageInRelease pkg = request.pkg();
        if (!SafeName.isSafe(pkg.name())) {
            throw new PackagePipelineException("Package name '" + pkg.name() + "' is not a safe file name; load"
                    + " packages with CatalogLoader, which refuses such names.");
        }
        Files.createDirectories(settings.workDir());
        Path scratch = Files.createTempDirectory(settings.workDir(), pkg.name() + "-" + request.source().shortHash()
                + "-");
        Path output = Files.createDirectories(scratch.resolve("output"));
        Outcome outcome = retryLimit(build(request, scratch.resolve("topdir"), output), request.previousRetries());
        if (outcome.notes() != null) {
            note(output.resolve(BUILD_LOG), outcome.status() + ": " + outcome.notes());
        }
        BuildRecord record = new BuildRecord(0, pkg.name(), pkg.definition().project(), request.source().hash(),
                request.distgit().hash(), pkg.sourceBranch(), pkg.distgitBranch(), pkg.definition().component(),
                outcome.status(), request.source().commitTime(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                outcome.nvr(), outcome.artifacts(), request.repoDir(), outcome.notes(), outcome.retries(), false);
        BuildOutput.describe(output, record, pkg.definition().upstream(), pkg.definition().distgit(),
                request.distgit().commitTime(), others);
        return new StagedBuild(record, output, scratch);
    }

    /** How a build ended, before it is recorded. */
    private record Outcome(BuildStatus status, String notes, String nvr, List<String> artifacts, int retries) {
    }

    /** Prepares the sources and runs the builder; a problem becomes a FAILED or RETRY outcome, never an exception. */
    private Outcome build(BuildRequest request, Path topdir, Path output) throws IOException, InterruptedException {
        PackageInRelease pkg = request.pkg();
        Path buildLog = output.resolve(BUILD_LOG);
        String repoDir = request.repoDir();
        try {
            note(buildLog, "Building " + pkg.name() + " at source " + request.source().hash() + " ("
                    + pkg.sourceBranch() + "), distgit " + request.distgit().hash() + " (" + pkg.distgitBranch()
                    + ") with " + builder.name());
            Path spec = prepare(request, topdir, Instant.now(), buildLog);
            ProcessResult result = builder.build(spec, topdir, output, output.resolve(RPMBUILD_LOG),
                    settings.buildTimeout());
            if (result.succeeded()) {
                List<String> artifacts = artifacts(output, repoDir);
                note(buildLog, "Built " + artifacts.size() + " packages in " + result.elapsed().toMillis() + " ms");
                return new Outcome(BuildStatus.SUCCESS, null, sourceRpmNvr(artifacts), artifacts, 0);
            }
            boolean retry = result.timedOut() || INFRASTRUCTURE_ERROR.matcher(result.tailText()).find();
            return new Outcome(retry ? BuildStatus.RETRY : BuildStatus.FAILED,
                    failureNotes(builder.name() + " of " + pkg.name(), result, repoDir + "/" + RPMBUILD_LOG), null,
                    List.of(), 0);
        } catch (PackageProblem e) {
            return new Outcome(BuildStatus.FAILED, e.getMessage(), null, List.of(), 0);
        } catch (PackagePipelineException | IOException e) {
            return new Outcome(BuildStatus.RETRY, "Build of " + pkg.name() + " could not run: " + e.getMessage(),
                    null, List.of(), 0);
        }
    }

    /** Counts a RETRY; beyond max-retries it becomes FAILED. */
    private Outcome retryLimit(Outcome outcome, int previousRetries) {
        if (outcome.status() != BuildStatus.RETRY) {
            return new Outcome(outcome.status(), outcome.notes(), outcome.nvr(), outcome.artifacts(), previousRetries);
        }
        int retries = previousRetries + 1;
        if (retries > settings.maxRetries()) {
            return new Outcome(BuildStatus.FAILED, outcome.notes() + "\nGave up after " + settings.maxRetries()
                    + " retries.", null, List.of(), retries);
        }
        return new Outcome(BuildStatus.RETRY, outcome.notes(), null, List.of(), retries);
    }

    /** Lays out topdir (SOURCES, SPECS) and returns the rewritten spec. */
    private Path prepare(BuildRequest request, Path topdir, Instant started, Path buildLog)
            throws IOException, InterruptedException {
        PackageInRelease pkg = request.pkg();
        Path sources = Files.createDirectories(topdir.resolve("SOURCES"));
        Path specs = Files.createDirectories(topdir.resolve("SPECS"));
        if (request.distgitWorkTree() != null) {
            FileTrees.copy(request.distgitWorkTree(), sources);
            note(buildLog, "Distgit files taken from the checkout " + request.distgitWorkTree()
                    + " (uncommitted changes included)");
        } else {
            try (GitRepository distgit = GitRepository.open(request.distgitRepository(),
                    GitCache.redact(pkg.definition().distgit()))) {
                distgit.exportTree(request.distgit().hash(), sources);
            }
        }
        Path original = sources.resolve(pkg.specFileName());
        if (!Files.isRegularFile(original)) {
            throw new PackageProblem("Distgit " + GitCache.redact(pkg.definition().distgit()) + " has no " + pkg.specFileName()
                    + " at its root in commit " + request.distgit().hash() + " (branch " + pkg.distgitBranch()
                    + "): the spec of package '" + pkg.name() + "' must be <name>.spec there.");
        }
        String release = SpecFile.release(started, request.source().shortHash());
        String rewritten;
        try {
            rewritten = SpecFile.rewrite(Files.readString(original, StandardCharsets.UTF_8), pkg.specFileName(),
                    request.source().hash(), release);
        } catch (PackagePipelineException e) {
            throw new PackageProblem(e.getMessage());
        }
        Files.delete(original);
        Path spec = specs.resolve(pkg.specFileName());
        Files.writeString(spec, rewritten, StandardCharsets.UTF_8);
        ParsedSpec parsed = parse(spec, topdir, pkg.name());
        note(buildLog, "Spec " + pkg.specFileName() + ": version " + parsed.version() + ", release " + release
                + "%{?dist}, Source0 " + parsed.tarball());
        try (GitRepository source = GitRepository.open(request.sourceRepository(),
                GitCache.redact(pkg.definition().upstream()))) {
            source.archive(request.source().hash(), parsed.name() + "-" + parsed.version(),
                    sources.resolve(parsed.tarball()));
        }
        return spec;
    }

    private record ParsedSpec(String name, String version, String tarball) {
    }

    /** Reads name, version and Source0 from the spec as rpm expands it ({@code rpmspec -P}). */
    private ParsedSpec parse(Path spec, Path topdir, String packageName) throws IOException, InterruptedException {
        Path parsed = topdir.resolve("rpmspec-P.out");
        List<String> command = new ArrayList<>(List.of("rpmspec", "-P", "--define", "_topdir " + topdir));
        if (settings.dist() != null && !settings.dist().isEmpty()) {
            command.addAll(List.of("--define", "dist " + settings.dist()));
        }
        command.add(spec.toString());
        ProcessResult result = ProcessRunner.command(command).directory(topdir).timeout(RPMSPEC_TIMEOUT).log(parsed)
                .run();
        if (!result.succeeded()) {
            throw new PackageProblem(failureNotes("rpmspec -P of " + spec.getFileName() + " (package '" + packageName
                    + "')", result, null));
        }
        String text = Files.readString(parsed, StandardCharsets.UTF_8);
        String name = tag(text, "Name").orElseThrow(() -> new PackageProblem("Spec " + spec.getFileName()
                + " has no Name:"));
        String version = tag(text, "Version").orElseThrow(() -> new PackageProblem("Spec " + spec.getFileName()
                + " has no Version:"));
        String source0 = tag(text, "Source0").or(() -> tag(text, "Source")).orElseThrow(() -> new PackageProblem(
                "Spec " + spec.getFileName() + " has no Source0: for the tarball of the upstream commit"));
        String tarball = source0.replaceAll("#.*$", "");
        tarball = tarball.substring(tarball.lastIndexOf('/') + 1);
        if (tarball.isEmpty() || tarball.startsWith(".")) {
            throw new PackageProblem("Spec " + spec.getFileName() + " has an unusable Source0: '" + source0 + "'");
        }
        return new ParsedSpec(name, version, tarball);
    }

    private static Optional<String> tag(String spec, String tag) {
        Matcher matcher = Pattern.compile("(?mi)^" + tag + "[ \\t]*:[ \\t]*(\\S+)").matcher(spec);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static List<String> artifacts(Path output, String repoDir) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rpm")).sorted()
                    .map(n -> repoDir + "/" + n).toList();
        }
    }

    private static String sourceRpmNvr(List<String> artifacts) {
        return artifacts.stream().filter(a -> a.endsWith(".src.rpm")).findFirst()
                .map(a -> a.substring(a.lastIndexOf('/') + 1, a.length() - ".src.rpm".length())).orElse(null);
    }

    /** A failure message for notes: what failed and how, where the full log is, and the log's last lines. */
    static String failureNotes(String what, ProcessResult result, String log) {
        StringBuilder notes = new StringBuilder(what);
        if (result.timedOut()) {
            notes.append(" timed out after ").append(result.timeout().toSeconds()).append(" s and was killed");
        } else {
            notes.append(" failed with exit code ").append(result.exitCode());
        }
        if (log != null) {
            notes.append("; full log: ").append(log);
        }
        if (!result.tail().isEmpty()) {
            notes.append("\nLast lines of output:\n").append(result.tailText());
        }
        return notes.toString();
    }

    private static void note(Path log, String line) throws IOException {
        Files.writeString(log, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** A problem of the package itself (its spec, its distgit): recorded FAILED, never retried. */
    static final class PackageProblem extends PackagePipelineException {
        private static final long serialVersionUID = 1L;

        PackageProblem(String message) {
            super(message);
        }
    }
}
