package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turning signing on signs the RPMs of earlier builds in their own directories, which are also their published
 * snapshots. A snapshot a pointer still serves ({@code consistent} here, held back by a failed build) must keep
 * serving the files its metadata describes: the real dnf installs from it before and after, and a later publish of
 * that build remakes its snapshot, signed, which dnf accepts with gpgcheck and repo_gpgcheck on.
 */
class SigningTurnedOnTest {
    @TempDir
    Path dir;

    @Test
    void aServedSnapshotKeepsServingWhenItsRpmsAreSigned() throws Exception {
        TestKeys keys = TestKeys.generate();
        try (TestBuilds builds = new TestBuilds(dir.resolve("data"))) {
            RepoConfig config = RepoConfig.defaults(builds.dataDir);
            RepoPublisher publisher = new RepoPublisher(config, builds.store);
            BuildRecord alpha = builds.success("alpha", "1.0");
            publisher.publish(List.of(alpha), null);
            Path repos = builds.dataDir.resolve("repos");
            Path alphaDir = builds.dataDir.resolve(alpha.repoDir()).toRealPath();
            assertEquals(alphaDir, repos.resolve("consistent").toRealPath());
            String consistentUrl = repos.resolve("consistent").toUri().toString();
            ProcessResult before = new Dnf(dir.resolve("root-before"), consistentUrl, null).run("install", "alpha");
            assertTrue(before.succeeded(), before.failureMessage("dnf install before signing"));

            BuildRecord gamma = builds.failure("gamma", "1.0");
            BuildRecord beta = builds.success("beta", "1.0");
            try (SigningKey key = keys.signingKey()) {
                publisher.publish(List.of(gamma, beta), key);
            }

            Path consistent = repos.resolve("consistent").toRealPath();
            assertNotEquals(alphaDir, consistent, "consistent moved off the directory whose RPMs were signed");
            assertTrue(consistent.startsWith(repos.resolve(SupersededSnapshots.DIR).toRealPath()),
                    consistent.toString());
            ProcessResult after = new Dnf(dir.resolve("root-after"), consistentUrl, null).run("install", "alpha");
            assertTrue(after.succeeded(), after.failureMessage("dnf install from consistent after signing"));
            assertFalse(Files.exists(alphaDir.resolve(SnapshotManifest.FILE_NAME)),
                    "alpha's own snapshot is no longer complete: a later publish remakes it");

            String gpgkey = repos.resolve(config.publicKeyFileName()).toUri().toString();
            ProcessResult current = new Dnf(dir.resolve("root-current"), repos.resolve("current").toUri().toString(),
                    gpgkey).run("install", "alpha", "beta");
            assertTrue(current.succeeded(), current.failureMessage("dnf install with gpgcheck from current"));

            try (SigningKey key = keys.signingKey()) {
                publisher.publish(List.of(alpha), key);
            }
            assertTrue(Files.exists(alphaDir.resolve(SnapshotManifest.FILE_NAME)), "alpha's snapshot remade");
            ProcessResult remade = new Dnf(dir.resolve("root-remade"), alphaDir.toUri().toString(), gpgkey)
                    .run("install", "alpha");
            assertTrue(remade.succeeded(), remade.failureMessage("dnf install with gpgcheck from the remade snapshot"));
        }
    }
}
