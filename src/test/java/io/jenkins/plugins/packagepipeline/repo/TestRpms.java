package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Builds real, tiny noarch RPMs with rpmbuild for tests (about 0.1 s each). */
final class TestRpms {
    private TestRpms() {
    }

    /**
     * Builds {@code name-version-release.noarch.rpm} (installing {@code /usr/share/<name>/version}) and its SRPM into
     * {@code outDir}; returns both paths, binary first.
     *
     * @param extraPreamble more spec preamble lines (Provides:, Requires:), or ""
     */
    static List<Path> build(Path workDir, Path outDir, String name, String version, String release,
            String extraPreamble) throws IOException, InterruptedException {
        Path top = Files.createDirectories(workDir.resolve("rpmbuild-" + name + "-" + version + "-" + release));
        Path spec = top.resolve(name + ".spec");
        Files.writeString(spec, """
                Name: %1$s
                Version: %2$s
                Release: %3$s
                Summary: Test package %1$s
                License: MIT
                BuildArch: noarch
                %4$s
                %%description
                Test package %1$s for the publishing tests.
                %%install
                mkdir -p %%{buildroot}/usr/share/%1$s
                echo %2$s-%3$s > %%{buildroot}/usr/share/%1$s/version
                %%files
                /usr/share/%1$s/version
                """.formatted(name, version, release, extraPreamble));
        ProcessRunner.command("rpmbuild", "-ba", "--nodeps", "--define", "_topdir " + top,
                        "--define", "_binary_payload w9.gzdio", spec.toString())
                .timeout(Duration.ofMinutes(2)).log(top.resolve("rpmbuild.log")).run()
                .requireSuccess("rpmbuild of test package " + name);
        Files.createDirectories(outDir);
        Path rpm;
        Path srpm;
        try (Stream<Path> files = Files.walk(top)) {
            List<Path> built = files.filter(p -> p.toString().endsWith(".rpm")).toList();
            rpm = built.stream().filter(p -> !p.toString().endsWith(".src.rpm")).findFirst().orElseThrow();
            srpm = built.stream().filter(p -> p.toString().endsWith(".src.rpm")).findFirst().orElseThrow();
        }
        Path rpmOut = Files.move(rpm, outDir.resolve(rpm.getFileName()));
        Path srpmOut = Files.move(srpm, outDir.resolve(srpm.getFileName()));
        return List.of(rpmOut, srpmOut);
    }

    /** The spec preamble of the stub package an empty dnf installroot needs for packages' automatic requires. */
    static final String STUB_PROVIDES = "Provides: /bin/sh\nProvides: /usr/bin/sh\nProvides: libc.so.6()(64bit)\n";
}
