package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds with the local {@code rpmbuild -ba} in a private {@code _topdir}: {@code --nodeps} when the settings say
 * so (where the rpm database is empty, as on Debian) and {@code dist} defined from the settings.
 */
public final class RpmbuildBuilder implements RpmBuilder {
    private final String dist;
    private final boolean nodeps;

    public RpmbuildBuilder(String dist, boolean nodeps) {
        this.dist = dist;
        this.nodeps = nodeps;
    }

    @Override
    public String name() {
        return BuildSettings.RPMBUILD;
    }

    @Override
    public ProcessResult build(Path spec, Path topdir, Path resultDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.command(rpmbuild(topdir, dist, nodeps, "-ba", spec))
                .directory(topdir).timeout(timeout).log(log).run();
        if (result.succeeded()) {
            collect(topdir, resultDir);
        }
        return result;
    }

    /** The rpmbuild command line building {@code spec} in {@code topdir}; {@code mode} is -ba or -bs. */
    static List<String> rpmbuild(Path topdir, String dist, boolean nodeps, String mode, Path spec) {
        List<String> command = new ArrayList<>(List.of("rpmbuild", mode));
        if (nodeps) {
            command.add("--nodeps");
        }
        command.addAll(List.of("--define", "_topdir " + topdir, "--define", "_dbpath " + topdir.resolve("rpmdb")));
        command.addAll(distDefinition(dist));
        command.add(spec.toString());
        return command;
    }

    /** The arguments defining {@code %{dist}} for rpmbuild and mock; none when {@code dist} is null or empty. */
    static List<String> distDefinition(String dist) {
        return dist == null || dist.isEmpty() ? List.of() : List.of("--define", "dist " + dist);
    }

    /** Moves the SRPM and RPMs of a topdir into one flat directory. */
    static void collect(Path topdir, Path resultDir) throws IOException {
        Files.createDirectories(resultDir);
        for (String dir : List.of("SRPMS", "RPMS")) {
            Path built = topdir.resolve(dir);
            if (!Files.isDirectory(built)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(built)) {
                for (Path rpm : files.filter(p -> p.toString().endsWith(".rpm")).toList()) {
                    Files.move(rpm, resultDir.resolve(rpm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
