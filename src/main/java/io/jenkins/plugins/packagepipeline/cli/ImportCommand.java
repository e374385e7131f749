package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoPublisher;
import io.jenkins.plugins.packagepipeline.repo.remote.BuildImporter;
import io.jenkins.plugins.packagepipeline.repo.remote.ImportLocations;
import io.jenkins.plugins.packagepipeline.repo.sign.SigningKey;
import io.jenkins.plugins.packagepipeline.store.BuildRecord;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            description = "A build output directory, or a directory holding them (a worker's data directory or its"
                    + " repos/), by path; or the http(s) URL where a build output directory is served.")
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
            List<String> outputs = new ArrayList<>();
            for (String location : locations) { // every location is checked before anything is imported
                outputs.addAll(ImportLocations.expand(location, Path.of(""), "import"));
            }
            for (String output : outputs) {
                List<BuildRecord> builds = importer.importBuild(output);
                builds.forEach(b -> out.printf("imported %s %s (%s)%n", b.packageName(), b.repoDir(), b.status()));
                if (builds.isEmpty()) {
                    out.println("already recorded: " + output);
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
