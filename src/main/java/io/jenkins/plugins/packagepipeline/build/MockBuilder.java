package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds in a clean chroot with mock, as DLRN does: {@code rpmbuild -bs} makes the SRPM, then
 * {@code mock -r <config> --resultdir <result> --rebuild} builds it with real dependency resolution. mock's own
 * logs (build.log, root.log, state.log) land in the result directory next to the RPMs.
 */
public final class MockBuilder implements RpmBuilder {
    private final String config;
    private final String dist;

    public MockBuilder(String config, String dist) {
        this.config = config;
        this.dist = dist;
    }

    @Override
    public String name() {
        return BuildSettings.MOCK;
    }

    @Override
    public ProcessResult build(Path spec, Path topdir, Path resultDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        ProcessResult srpm = ProcessRunner.command(RpmbuildBuilder.rpmbuild(topdir, dist, true, "-bs", spec))
                .directory(topdir).timeout(timeout).log(log).run();
        if (!srpm.succeeded()) {
            return srpm;
        }
        Path sourceRpm;
        try (Stream<Path> files = Files.list(topdir.resolve("SRPMS"))) {
            sourceRpm = files.filter(p -> p.toString().endsWith(".src.rpm")).findFirst().orElseThrow();
        }
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        Files.createDirectories(resultDir);
        List<String> command = new ArrayList<>(List.of("mock", "-r", config, "--resultdir", resultDir.toString()));
        command.addAll(RpmbuildBuilder.distDefinition(dist));
        command.addAll(List.of("--rebuild", sourceRpm.toString()));
        return ProcessRunner.command(command).directory(topdir)
                .timeout(left.isNegative() ? Duration.ofSeconds(1) : left).log(log).run();
    }
}
