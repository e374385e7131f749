package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A way to turn a spec and its sources into an SRPM and RPMs: {@link RpmbuildBuilder} (local {@code rpmbuild -ba})
 * or {@link MockBuilder} (a clean chroot). {@link RpmBuilders#create(BuildSettings)} picks one from the settings and
 * fails at configuration time when its tool is not installed.
 */
public interface RpmBuilder {

    /** The builder's name in the configuration: {@code rpmbuild} or {@code mock}. */
    String name();

    /**
     * Builds the SRPM and the RPMs.
     *
     * @param spec the spec, with its sources in {@code topdir/SOURCES}
     * @param topdir an empty, private {@code %_topdir}
     * @param resultDir where the SRPM and the RPMs must end up (flat)
     * @param log where the tools' whole output goes
     * @param timeout how long the whole build may take before it is killed
     * @return how the last tool run ended (a failed or timed-out result when the build did not succeed)
     */
    ProcessResult build(Path spec, Path topdir, Path resultDir, Path log, Duration timeout)
            throws IOException, InterruptedException;
}
