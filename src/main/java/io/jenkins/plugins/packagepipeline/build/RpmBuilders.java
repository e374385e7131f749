package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Picks the {@link RpmBuilder} the settings name, checking at configuration time that its tools are installed. */
public final class RpmBuilders {
    private RpmBuilders() {
    }

    /**
     * @throws PackagePipelineException when the builder is unknown or a tool it runs is not on the PATH
     */
    public static RpmBuilder create(BuildSettings settings) {
        switch (settings.builder()) {
            case BuildSettings.RPMBUILD -> {
                require(settings.builder(), List.of("rpmbuild", "rpmspec"));
                return new RpmbuildBuilder(settings.dist(), settings.nodeps());
            }
            case BuildSettings.MOCK -> {
                require(settings.builder(), List.of("mock", "rpmbuild", "rpmspec"));
                return new MockBuilder(settings.mockConfig(), settings.dist());
            }
            default -> throw new PackagePipelineException("Unknown builder '" + settings.builder()
                    + "': use 'rpmbuild' (local rpmbuild -ba) or 'mock' (clean chroot).");
        }
    }

    private static void require(String builder, List<String> tools) {
        for (String tool : tools) {
            if (onPath(tool).isEmpty()) {
                throw new PackagePipelineException("The '" + builder + "' builder needs '" + tool
                        + "', which is not installed (not on the PATH: " + System.getenv("PATH") + "). Install it"
                        + (builder.equals(BuildSettings.MOCK) ? " or configure builder: rpmbuild." : "."));
            }
        }
    }

    /** Where an executable is on the PATH. */
    static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, executable);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
