package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Real git repositories (JGit) for a few noarch packages, each an upstream holding a shell script and a distgit
 * holding its spec, plus the catalog naming them: the input of the build engine in the end-to-end tests.
 */
final class GitPackages {
    /** The preamble of a stub package providing /bin/sh, which noarch scriptlets need in an empty installroot. */
    static final String SH_STUB = "Provides: /bin/sh\nProvides: /usr/bin/sh";

    private final Path root;
    private final List<String> names = new ArrayList<>();
    private long clock = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();

    GitPackages(Path root) {
        this.root = root;
    }

    /** Adds a package; {@code extraPreamble} goes into its spec (e.g. Provides: lines). */
    void add(String name, String extraPreamble) throws Exception {
        for (String side : List.of("upstream", "distgit")) {
            Git.init().setDirectory(root.resolve(name + "-" + side).toFile()).setInitialBranch("main").call().close();
        }
        commitUpstream(name, "1");
        commitSpec(name, extraPreamble, "");
        names.add(name);
    }

    /** A new upstream commit changing the script. */
    void commitUpstream(String name, String revision) throws Exception {
        commit(root.resolve(name + "-upstream"), name, "#!/bin/sh\necho " + name + " revision " + revision + "\n");
    }

    /** A new spec; {@code buildScript} runs in %build ({@code exit 1} breaks the build). */
    void commitSpec(String name, String extraPreamble, String buildScript) throws Exception {
        commit(root.resolve(name + "-distgit"), name + ".spec", """
                %%global commit 0000000000000000000000000000000000000000
                Name:           %1$s
                Version:        1.0.0
                Release:        1%%{?dist}
                Summary:        End-to-end test package %1$s
                License:        MIT
                Source0:        %%{name}-%%{version}.tar.gz
                BuildArch:      noarch
                %2$s
                %%description
                End-to-end test package %1$s.

                %%prep
                %%setup -q -n %%{name}-%%{version}

                %%build
                %3$s

                %%install
                install -D -m 0755 %1$s %%{buildroot}%%{_bindir}/%1$s

                %%files
                %%{_bindir}/%1$s
                """.formatted(name, extraPreamble, buildScript));
    }

    private void commit(Path repo, String file, String content) throws Exception {
        Files.writeString(repo.resolve(file), content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            clock += 60;
            PersonIdent who = new PersonIdent(new PersonIdent("Test", "test@example.invalid"),
                    Instant.ofEpochSecond(clock), TimeZone.getTimeZone("UTC").toZoneId());
            git.commit().setMessage("change " + file).setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    Catalog catalog() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                releases:
                  - name: trunk
                    source-branch: main
                    distgit-branch: main
                packages:
                """);
        for (String name : names) {
            yaml.append("  - name: ").append(name).append("\n    upstream: ").append(root.resolve(name + "-upstream"))
                    .append("\n    distgit: ").append(root.resolve(name + "-distgit"))
                    .append("\n    maintainers: [test@example.invalid]\n");
        }
        return CatalogLoader.load(Files.writeString(root.resolve("catalog.yaml"), yaml));
    }
}
