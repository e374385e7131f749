package io.jenkins.plugins.packagepipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code build} subcommand end to end: real repositories, rpmbuild and SQLite; exit codes and messages. */
class BuildCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireRpmTools() {
        RequiredTools.require("rpmbuild", "rpmspec", "rpm");
    }

    Path gitRepo(String name, String file, String content) throws Exception {
        Path repo = dir.resolve(name);
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        Files.writeString(repo.resolve(file), content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("add " + file).setSign(false).call();
        }
        return repo;
    }

    String spec(String name, String build) {
        return "Name: " + name + "\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: " + name + "\nLicense: MIT\n"
                + "Source0: %{name}-%{version}.tar.gz\nBuildArch: noarch\n%description\n" + name + "\n"
                + "%prep\n%setup -q\n%build\n" + build + "\n%install\ninstall -D -m 0644 f %{buildroot}/usr/share/"
                + name + "/f\n%files\n/usr/share/" + name + "/f\n";
    }

    Path catalog() throws Exception {
        StringBuilder yaml = new StringBuilder("releases:\n  - {name: trunk, source-branch: main, distgit-branch: main}\n"
                + "packages:\n");
        for (String name : List.of("good", "broken")) {
            Path upstream = gitRepo(name + "-upstream", "f", name);
            Path distgit = gitRepo(name + "-distgit", name + ".spec", spec(name, name.equals("broken") ? "exit 1" : ""));
            yaml.append("  - {name: ").append(name).append(", upstream: ").append(upstream).append(", distgit: ")
                    .append(distgit).append("}\n");
        }
        return Files.writeString(dir.resolve("catalog.yaml"), yaml);
    }

    @Test
    void buildsFromAConfigFileAndExitsNonZeroWithASummaryWhenAPackageFailed() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), """
                data-directory: data
                catalog: catalog.yaml
                build-timeout: 2m
                workers: 2
                """);
        catalog();

        CommandLineRun first = CommandLineRun.of("build", "--config", config.toString());
        assertEquals(1, first.exitCode(), first.toString());
        assertEquals("2 packages: 2 builds (1 SUCCESS, 1 FAILED, 0 RETRY), 0 up to date, 0 errors; failed: broken",
                first.lastLine());
        assertTrue(first.out().contains("broken: "), first.toString());
        assertTrue(first.out().contains("FAILED in"), first.toString());
        assertTrue(Files.isRegularFile(dir.resolve("data/build.db")));

        CommandLineRun onlyGood = CommandLineRun.of("build", "--config", config.toString(), "--package-name", "good");
        assertEquals(0, onlyGood.exitCode(), onlyGood.toString());
        assertEquals("1 package: 0 builds (0 SUCCESS, 0 FAILED, 0 RETRY), 1 up to date, 0 errors", onlyGood.lastLine());

        CommandLineRun recheck = CommandLineRun.of("build", "--config", config.toString(), "--package-name", "good",
                "--recheck");
        assertEquals(1, recheck.exitCode(), recheck.toString());
        assertTrue(recheck.out().contains("good: ERROR good: the head pair (source "), recheck.toString());
        assertTrue(recheck.out().contains("already built successfully; a recheck rebuilds only a FAILED pair. To"
                + " rebuild it anyway, use --force-recheck"), recheck.toString());

        CommandLineRun notAllowed = CommandLineRun.of("build", "--config", config.toString(), "--package-name",
                "good", "--force-recheck");
        assertEquals(1, notAllowed.exitCode(), notAllowed.toString());
        assertTrue(notAllowed.err().startsWith("ERROR: A forced recheck (--force-recheck, forceRecheck: true) of good"
                + " is not allowed by the configuration"), notAllowed.toString());
        assertTrue(notAllowed.err().contains("Set allow-force-rechecks: true"), notAllowed.toString());

        Files.writeString(config, "allow-force-rechecks: true\n", StandardOpenOption.APPEND);
        CommandLineRun forced = CommandLineRun.of("build", "--config", config.toString(), "--package-name", "good",
                "--force-recheck", "--workers", "1");
        assertEquals(0, forced.exitCode(), forced.toString());
        assertTrue(forced.out().contains("good: forcing a recheck of the successfully built head pair"),
                forced.toString());
        assertTrue(forced.lastLine().startsWith("1 package: 1 build (1 SUCCESS"), forced.toString());
    }

    @Test
    void devModeBuildsTheCheckoutsWithoutRecording() throws Exception {
        Path catalog = catalog();
        CommandLineRun dev = CommandLineRun.of("build", "--catalog", catalog.toString(), "--data-directory",
                dir.resolve("data").toString(), "--dev", "--package-name", "good");
        assertEquals(0, dev.exitCode(), dev.toString());
        assertTrue(dev.lastLine().startsWith("dev: 1 packages, 1 built, 0 failed, output in "), dev.toString());
        assertTrue(Files.isDirectory(dir.resolve("data/dev/repos")));
        assertFalse(Files.exists(dir.resolve("data/build.db")));
    }

    @Test
    void badInputIsOneClearErrorLine() throws Exception {
        CommandLineRun nothing = CommandLineRun.of("build");
        assertEquals(1, nothing.exitCode());
        assertEquals("ERROR: Say what to build: --config <file>, or --catalog <file> and --data-directory <directory>.\n",
                nothing.err());

        Path malformed = Files.writeString(dir.resolve("bad.yaml"), "releases: [\n");
        CommandLineRun bad = CommandLineRun.of("build", "--catalog", malformed.toString(), "--data-directory",
                dir.resolve("d").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("ERROR: Catalog " + malformed + " is not valid YAML"), bad.err());

        Path traversal = Files.writeString(dir.resolve("evil.yaml"), """
                releases: [{name: trunk, source-branch: main, distgit-branch: main}]
                packages:
                  - {name: ../../../etc/evil, upstream: https://example.org/a.git, distgit: https://example.org/b.git}
                """);
        CommandLineRun evil = CommandLineRun.of("build", "--catalog", traversal.toString(), "--data-directory",
                dir.resolve("d").toString());
        assertEquals(1, evil.exitCode());
        assertTrue(evil.err().contains("package '../../../etc/evil' field 'name' '../../../etc/evil' is not a safe"
                + " file name"), evil.err());
        assertFalse(Files.exists(dir.resolve("etc")));

        Path config = Files.writeString(dir.resolve("config.yaml"), "data-directory: d\ncatalog: c.yaml\nworkerz: 3\n");
        CommandLineRun unknown = CommandLineRun.of("build", "--config", config.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().startsWith("ERROR: Configuration file " + config + ": field 'workerz' is unknown"),
                unknown.err());
    }
}
