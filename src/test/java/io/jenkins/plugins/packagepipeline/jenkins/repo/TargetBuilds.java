package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStatus;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds recorded in a repo target's data directory and build database as the build engine leaves them: an RPM made
 * by rpmbuild in the build's output directory, and its record; or a failed build's empty output directory.
 */
final class TargetBuilds {

    static final String DISTGIT = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d";

    private final Path dataDir;
    private final BuildStore store;

    TargetBuilds(Path dataDir, BuildStore store) {
        this.dataDir = dataDir;
        this.store = store;
    }

    /** A successful build of {@code name}-{@code version} at {@code source}, finished at {@code buildTime}. */
    BuildRecord success(String name, String version, String source, Instant buildTime)
            throws IOException, InterruptedException {
        return build(name, version, source, buildTime, null, false);
    }

    /**
     * A successful build of {@code name}-{@code version} at {@code source} in the catalog component
     * {@code component} (or none), its SRPM recorded among its artifacts as the build engine records it.
     */
    BuildRecord successWithSrpm(String name, String version, String source, Instant buildTime, String component)
            throws IOException, InterruptedException {
        return build(name, version, source, buildTime, component, true);
    }

    private BuildRecord build(String name, String version, String source, Instant buildTime, String component,
            boolean withSrpm) throws IOException, InterruptedException {
        String outputDir = BuildRecord.outputDir(source, DISTGIT);
        Path out = Files.createDirectories(dataDir.resolve(outputDir));
        Path top = Files.createDirectories(dataDir.resolve("work/rpmbuild-" + source.substring(0, 8)));
        String release = "1." + source.substring(0, 7);
        Path spec = top.resolve(name + ".spec");
        Files.writeString(spec, String.join("\n", "Name: " + name, "Version: " + version, "Release: " + release,
                "Summary: glue test package", "License: MIT", "BuildArch: noarch", "%description",
                "Published by the glue's tests.", "%files", ""));
        ProcessRunner.command("rpmbuild", withSrpm ? "-ba" : "-bb", "--define", "_topdir " + top, spec.toString())
                .timeout(Duration.ofMinutes(2)).run().requireSuccess("rpmbuild of the test package " + name);
        List<String> artifacts = new ArrayList<>();
        try (Stream<Path> files = withSrpm ? Stream.concat(Files.walk(top.resolve("RPMS")),
                Files.walk(top.resolve("SRPMS"))) : Files.walk(top.resolve("RPMS"))) {
            for (Path rpm : files.filter(p -> p.toString().endsWith(".rpm")).toList()) {
                artifacts.add(dataDir.relativize(Files.move(rpm, out.resolve(rpm.getFileName()))).toString());
            }
        }
        return store.record(new BuildRecord(0, name, name, source, DISTGIT, "main", "rpm-main", component,
                BuildStatus.SUCCESS, buildTime.minusSeconds(300), buildTime, name + "-" + version + "-" + release,
                artifacts, outputDir, null, 0, false));
    }

    /** A failed build of {@code name} at {@code source}. */
    BuildRecord failure(String name, String source, Instant buildTime) throws IOException {
        String outputDir = BuildRecord.outputDir(source, DISTGIT);
        Files.createDirectories(dataDir.resolve(outputDir));
        return store.record(new BuildRecord(0, name, name, source, DISTGIT, "main", "rpm-main", null,
                BuildStatus.FAILED, buildTime.minusSeconds(60), buildTime, null, List.of(), outputDir,
                "rpmbuild failed", 0, false));
    }

    /** The id {@code publishRepo(builds: ...)} takes for this build. */
    static String idOf(BuildRecord build) {
        return build.packageName() + "/" + BuildRecord.outputDirName(build.sourceCommit(), build.distgitCommit());
    }
}
