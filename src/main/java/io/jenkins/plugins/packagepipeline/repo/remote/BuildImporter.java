package io.jenkins.plugins.packagepipeline.repo.remote;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildOutput;
import io.jenkins.plugins.packagepipeline.build.DataDirLock;
import io.jenkins.plugins.packagepipeline.build.OutputInstall;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Imports a build output directory made elsewhere (a worker on another agent, or a DLRN instance) into this data
 * directory and its build database: the directory is given by path or by http(s) URL, its {@code commit.yaml} says
 * what it holds, its RPMs and logs are fetched into a staging directory, checked ({@code rpm -K --nosignature}: a
 * truncated download is refused), moved into place at {@code repos/<h[0:2]>/<h[2:4]>/<name>} in one rename, and only
 * then recorded, as one step ({@link OutputInstall#installAndRecord}): an output already there (of a build that
 * failed here, or of an import that never got recorded) is set aside and put back if recording fails, and a crash in
 * between is finished or undone by the next import or build. The data directory is held
 * ({@link DataDirLock}) while importing, as a build run holds it. Publishing the imported builds is the caller's next
 * step ({@code RepoPublisher.publish}).
 */
public final class BuildImporter {
    /**
     * Log files fetched along with the RPMs when present (this engine's and DLRN's names). The importer writes the
     * {@code build-record.yaml} of what it records itself.
     */
    static final List<String> LOG_FILES = List.of("rpmbuild.log", "build.log", "mock.log", "root.log", "state.log",
            "installed", "versions.csv");

    private final RepoConfig config;
    private final BuildStore store;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private Consumer<String> progress = line -> { };

    public BuildImporter(RepoConfig config, BuildStore store) {
        this.config = config;
        this.store = store;
    }

    /** Where progress lines go (e.g. a console); nothing by default. */
    public BuildImporter onProgress(Consumer<String> listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    /**
     * Imports the build(s) described by {@code location}'s {@code commit.yaml}.
     *
     * @param location a directory path, or an http(s) URL of a served build output directory
     * @return the records imported (a build already recorded as successful here is skipped)
     */
    public List<BuildRecord> importBuild(String location) throws IOException, InterruptedException {
        Source source = Source.of(location, http, config.toolTimeout());
        List<CommitYaml.Commit> commits = CommitYaml.parse(source.fetch("commit.yaml")
                .orElseThrow(() -> new PackagePipelineException("No commit.yaml at " + location
                        + ": give the build output directory (repos/<h[0:2]>/<h[2:4]>/<source>_<distgit>/)")),
                location + "/commit.yaml");
        List<BuildRecord> imported = new ArrayList<>();
        try (DataDirLock lock = DataDirLock.acquire(config.dataDir())) {
            OutputInstall.recover(config.dataDir(), store);
            for (CommitYaml.Commit commit : commits) {
                Optional<BuildRecord> known = store.find(commit.packageName(), commit.sourceCommit(),
                        commit.distgitCommit());
                if (known.isPresent() && known.get().status() == BuildStatus.SUCCESS) {
                    continue;
                }
                imported.add(importCommit(source, commit));
            }
        }
        return imported;
    }

    private BuildRecord importCommit(Source source, CommitYaml.Commit commit) throws IOException, InterruptedException {
        String repoDir = BuildRecord.outputDir(commit.sourceCommit(), commit.distgitCommit());
        Path target = config.dataDir().resolve(repoDir);
        Files.createDirectories(target.getParent());
        Path staging = target.resolveSibling(".import-" + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            for (String file : commit.artifactFiles()) {
                byte[] rpm = source.fetch(file).orElseThrow(() -> new PackagePipelineException("Build "
                        + commit.packageName() + " lists " + file + " but " + source.describe(file)
                        + " does not exist: the build output directory is incomplete."));
                Files.write(staging.resolve(file), rpm);
                verify(staging.resolve(file), source.describe(file));
            }
            for (String log : LOG_FILES) {
                Optional<byte[]> content = source.fetch(log);
                if (content.isPresent()) {
                    Files.write(staging.resolve(log), content.get());
                }
            }
            Files.write(staging.resolve("commit.yaml"), source.fetch("commit.yaml").orElseThrow());
            String nvr = nvrOf(staging, commit);
            List<String> artifacts = commit.artifactFiles().stream().map(f -> repoDir + "/" + f).toList();
            BuildRecord build = new BuildRecord(0, commit.packageName(), commit.packageName(), commit.sourceCommit(),
                    commit.distgitCommit(), commit.sourceBranch(), null, commit.component(), commit.status(),
                    commit.commitTime(), commit.buildTime(), nvr, artifacts, repoDir, commit.notes(), 0, false);
            BuildOutput.writeRecord(staging, build);
            return OutputInstall.installAndRecord(staging, build, config.dataDir(), config.reposDir(),
                    config.toolTimeout(), store, progress);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private void verify(Path rpm, String origin) throws IOException, InterruptedException {
        ProcessResult check = ProcessRunner.command("rpm", "-K", "--nosignature", rpm.toString())
                .timeout(config.toolTimeout()).run();
        if (!check.succeeded()) {
            throw new PackagePipelineException("The RPM fetched from " + origin + " is damaged (rpm -K: "
                    + check.tailText() + "); nothing was imported. Fetch it again or rebuild.");
        }
    }

    private String nvrOf(Path dir, CommitYaml.Commit commit) throws IOException, InterruptedException {
        String fallback = null;
        for (String file : commit.artifactFiles()) {
            if (file.endsWith(".src.rpm")) {
                continue;
            }
            String nameAndNvr = ProcessRunner.command("rpm", "-qp", "--nosignature", "--qf",
                            "%{NAME} %{NAME}-%{VERSION}-%{RELEASE}", dir.resolve(file).toString())
                    .timeout(config.toolTimeout()).run().requireSuccess("rpm -qp of " + file).tailText().strip();
            String[] parts = nameAndNvr.split(" ");
            if (parts[0].equals(commit.packageName())) {
                return parts[1];
            }
            fallback = fallback == null ? parts[1] : fallback;
        }
        return fallback;
    }

    /** Where a build output directory is read from: a local directory or a served URL. */
    private interface Source {
        Optional<byte[]> fetch(String file) throws IOException, InterruptedException;

        String describe(String file);

        static Source of(String location, HttpClient http, Duration timeout) {
            String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
            if (base.startsWith("http://") || base.startsWith("https://")) {
                URI.create(base); // reject malformed URLs early
                return new Source() {
                    @Override
                    public Optional<byte[]> fetch(String file) throws IOException, InterruptedException {
                        HttpResponse<byte[]> response;
                        try {
                            response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + file))
                                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        } catch (IOException e) {
                            throw new PackagePipelineException("Cannot fetch " + base + "/" + file + ": " + e
                                    + ". Is the build output directory served there?", e);
                        }
                        if (response.statusCode() == 404) {
                            return Optional.empty();
                        }
                        if (response.statusCode() != 200) {
                            throw new PackagePipelineException("Fetching " + base + "/" + file + " answered HTTP "
                                    + response.statusCode() + ".");
                        }
                        return Optional.of(response.body());
                    }

                    @Override
                    public String describe(String file) {
                        return base + "/" + file;
                    }
                };
            }
            Path dir = Path.of(base);
            if (!Files.isDirectory(dir)) {
                throw new PackagePipelineException("Build output directory '" + location + "' does not exist"
                        + " (give a directory path or an http(s) URL).");
            }
            return new Source() {
                @Override
                public Optional<byte[]> fetch(String file) throws IOException {
                    Path p = dir.resolve(file);
                    return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
                }

                @Override
                public String describe(String file) {
                    return dir.resolve(file).toString();
                }
            };
        }
    }
}
