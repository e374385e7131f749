package io.jenkins.plugins.packagepipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.cli.PackagePipelineCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What the README and docs tell users to type must be what the project runs. */
class DocumentationTest {
    private static final Path ROOT = ProjectFiles.root();
    private static final String TEST_COMMAND = "mvn -B -f offline/pom.xml verify";
    private static final Pattern CLI_CALL = Pattern.compile("package-pipeline(?:-cli\\.jar)? ([a-z][a-z-]*)(?=[\\s`]|$)");

    @Test
    void ciRunsTheReadmesTestCommandExactly() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("\n    " + TEST_COMMAND + "\n"), "README lacks the test command " + TEST_COMMAND);
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"));
        assertTrue(ci.stream().anyMatch(line -> line.strip().equals(TEST_COMMAND)),
                ".ci/run does not run the README's test command");
    }

    @Test
    void everyCommandLineCallInTheDocsNamesARealSubcommand() throws IOException {
        Set<String> subcommands = new CommandLine(new PackagePipelineCommand()).getSubcommands().keySet();
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        for (Path doc : documents()) {
            Matcher m = CLI_CALL.matcher(Files.readString(doc));
            while (m.find()) {
                calls++;
                if (!subcommands.contains(m.group(1))) {
                    unknown.add(ROOT.relativize(doc) + ": " + m.group());
                }
            }
        }
        assertTrue(calls > 0, "no command line calls found in the docs");
        assertTrue(unknown.isEmpty(), "Docs name subcommands that do not exist " + subcommands + ":\n" + unknown);
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
