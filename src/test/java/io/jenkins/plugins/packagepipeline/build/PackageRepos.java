package io.jenkins.plugins.packagepipeline.build;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.catalog.Catalog;
import io.jenkins.plugins.packagepipeline.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A package's upstream and distgit as real git repositories (JGit, branch {@code main}) in a test directory, with
 * helpers to add commits. Commit times increase by a minute per commit, so history order is unambiguous.
 */
final class PackageRepos {
    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2026-11-01T00:00:00Z").getEpochSecond());

    final String name;
    final Path upstream;
    final Path distgit;

    private PackageRepos(String name, Path upstream, Path distgit) {
        this.name = name;
        this.upstream = upstream;
        this.distgit = distgit;
    }

    /** A tiny noarch package: a shell script upstream, a spec installing it. */
    static PackageRepos noarch(Path root, String name) throws Exception {
        return noarch(root, name, "");
    }

    /** A noarch package whose spec runs {@code buildScript} in %build (e.g. {@code exit 1}, {@code sleep 60}). */
    static PackageRepos noarch(Path root, String name, String buildScript) throws Exception {
        PackageRepos repos = create(root, name);
        repos.commitUpstream(name, "#!/bin/sh\necho " + name + " 1\n", "first version of " + name);
        repos.commitDistgit(name + ".spec", noarchSpec(name, buildScript), "spec of " + name);
        return repos;
    }

    static String noarchSpec(String name, String buildScript) {
        return """
                %%global commit 0000000000000000000000000000000000000000
                Name:           %1$s
                Version:        1.0.0
                Release:        1%%{?dist}
                Summary:        Test package %1$s
                License:        MIT
                Source0:        %%{name}-%%{version}.tar.gz
                BuildArch:      noarch

                %%description
                Test package %1$s built from %%{commit}.

                %%prep
                %%setup -q -n %%{name}-%%{version}

                %%build
                %2$s

                %%install
                install -D -m 0755 %1$s %%{buildroot}%%{_bindir}/%1$s

                %%files
                %%{_bindir}/%1$s
                """.formatted(name, buildScript);
    }

    /** The project's compiled C example ({@code examples/packages/hello-c}) as two git repositories. */
    static PackageRepos example(Path root, String name) throws Exception {
        Path example = projectRoot().resolve("examples/packages").resolve(name);
        PackageRepos repos = create(root, name);
        FileTrees.copy(example.resolve("upstream"), repos.upstream);
        repos.commitAll(repos.upstream, "upstream of " + name);
        FileTrees.copy(example.resolve("distgit"), repos.distgit);
        repos.commitAll(repos.distgit, "distgit of " + name);
        return repos;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("packagepipeline.projectRoot", ".")).toAbsolutePath().normalize();
    }

    private static PackageRepos create(Path root, String name) throws GitAPIException {
        Path upstream = root.resolve(name + "-upstream");
        Path distgit = root.resolve(name + "-distgit");
        Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call().close();
        Git.init().setDirectory(distgit.toFile()).setInitialBranch("main").call().close();
        return new PackageRepos(name, upstream, distgit);
    }

    String commitUpstream(String file, String content, String message) throws Exception {
        return commit(upstream, file, content, message);
    }

    String commitDistgit(String file, String content, String message) throws Exception {
        return commit(distgit, file, content, message);
    }

    static String commit(Path repo, String file, String content, String message) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return commitAll(repo, message);
    }

    static String commitAll(Path repo, String message) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent(new PersonIdent("Test", "test@example.invalid"),
                    Instant.ofEpochSecond(CLOCK.addAndGet(60)), TimeZone.getTimeZone("UTC").toZoneId());
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
        }
    }

    static void branch(Path repo, String branch) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setCreateBranch(true).setName(branch).call();
        }
    }

    /** A catalog of these packages (release trunk following main) written to {@code dir/catalog.yaml}, loaded. */
    static Catalog catalog(Path dir, PackageRepos... packages) throws IOException {
        StringBuilder yaml = new StringBuilder("releases:\n  - {name: trunk, source-branch: main, distgit-branch: main}\n"
                + "packages:\n");
        for (PackageRepos p : packages) {
            yaml.append(p.catalogEntry());
        }
        return CatalogLoader.load(Files.writeString(dir.resolve("catalog.yaml"), yaml));
    }

    /** The catalog entry of this package, with its local paths as URLs. */
    String catalogEntry() {
        return "  - name: " + name + "\n    upstream: " + upstream + "\n    distgit: " + distgit
                + "\n    maintainers: [test@example.invalid]\n";
    }
}
