package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPublisher;
import io.jenkins.plugins.packagepipeline.repo.remote.BuildImporter;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: brings build output directories made elsewhere into the records and repositories. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports build output directories (paths or http(s) URLs) into the build database, then"
                + " publishes them.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepoOptions repo;

    @Parameters(arity = "1..*", paramLabel = "LOCATION",
            description = "A build output directory: a path, or the http(s) URL where it is served.")
    List<String> locations;

    @Option(names = "--no-publish", description = "Only record the builds; publish later.")
    boolean noPublish;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BuildStore store = repo.openStore(); SigningKey key = repo.signingKey()) {
            RepoConfig config = repo.config(store);
            BuildImporter importer = new BuildImporter(config, store).onProgress(out::println);
            List<BuildRecord> imported = new ArrayList<>();
            for (String location : locations) {
                List<BuildRecord> builds = importer.importBuild(location);
                builds.forEach(b -> out.printf("imported %s %s (%s)%n", b.packageName(), b.repoDir(), b.status()));
                if (builds.isEmpty()) {
                    out.println("already recorded: " + location);
                }
                imported.addAll(builds);
            }
            if (!noPublish && !imported.isEmpty()) {
                new RepoPublisher(config, store).onProgress(out::println).publish(imported, key);
            }
        }
        return 0;
    }
}
