package io.jenkins.plugins.packagepipeline.jenkins.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Git repositories the glue's build tests make from the example packages: copied, then committed with JGit. */
public final class GitFixtures {

    private GitFixtures() {
    }

    /** Copies the directory tree {@code from} to {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Makes {@code repo} a git repository (branch {@code main}) whose one commit holds all its files. */
    public static void commit(Path repo) throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.invalid");
            git.commit().setMessage("import").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }
}
