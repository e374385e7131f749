package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.FileTrees;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Turns the example packages' plain directories ({@code examples/packages/<name>/{upstream,distgit}}) into real git
 * repositories ({@code <target>/<name>/{upstream,distgit}}, branch {@code main}) with JGit. Each run mirrors the
 * directories' current files into the repositories and commits when something changed, so editing an example and
 * running again builds a new commit, as a trunk would.
 */
final class ExampleRepositories {
    private static final PersonIdent IMPORTER = new PersonIdent("Package Pipeline examples", "noreply@example.invalid");

    private ExampleRepositories() {
    }

    /** Mirrors every example package; returns the names of the repositories that got a new commit. */
    static List<String> sync(Path packages, Path target) throws IOException, GitAPIException {
        List<String> changed = new ArrayList<>();
        List<Path> packageDirs;
        try (Stream<Path> list = Files.list(packages)) {
            packageDirs = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path packageDir : packageDirs) {
            for (String side : List.of("upstream", "distgit")) {
                Path source = packageDir.resolve(side);
                if (!Files.isDirectory(source)) {
                    throw new PackagePipelineException("Example package " + packageDir + " has no " + side
                            + "/ directory.");
                }
                String name = packageDir.getFileName() + "/" + side;
                if (mirror(source, target.resolve(name), "Import examples/packages/" + name)) {
                    changed.add(name);
                }
            }
        }
        return changed;
    }

    private static boolean mirror(Path source, Path repository, String message) throws IOException, GitAPIException {
        if (!Files.isDirectory(repository.resolve(".git"))) {
            Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call().close();
        }
        try (Git git = Git.open(repository.toFile()); Stream<Path> files = Files.list(repository)) {
            for (Path old : files.filter(p -> !p.getFileName().toString().equals(".git")).toList()) {
                FileTrees.delete(old);
            }
            FileTrees.copy(source, repository);
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            if (git.status().call().isClean()) {
                return false;
            }
            git.commit().setMessage(message).setAuthor(IMPORTER).setCommitter(IMPORTER).setSign(false).call();
            return true;
        }
    }
}
