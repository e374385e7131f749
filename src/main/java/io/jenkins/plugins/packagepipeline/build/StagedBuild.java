package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Path;

/**
 * A finished build not yet in place: its record (paths relative to the output root) and its complete output
 * directory in the build's scratch space, ready for {@link OutputInstall#begin}.
 */
record StagedBuild(BuildRecord record, Path outputDir, Path scratchDir) {
}
