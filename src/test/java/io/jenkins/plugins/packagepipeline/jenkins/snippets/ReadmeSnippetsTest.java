package io.jenkins.plugins.packagepipeline.jenkins.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every Jenkinsfile the documentation shows (the groovy blocks of README.md and docs/user-guide.md, and
 * examples/jenkinsfiles/*) calls only steps the glue has, with only arguments those steps take, literals of the right
 * type, and their required arguments: checked against the compiled glue by reflection, as Pipeline binds arguments.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("packagepipeline.projectRoot", ".")).toAbsolutePath()
            .normalize();
    private static final Pattern GROOVY_BLOCK = Pattern.compile("(?ms)^```groovy\\n(.*?)^```");
    /**
     * Functions of Jenkins, Pipeline and its usual plugins that the snippets may call with named arguments, and
     * Declarative's sections; checked by name only (they are not this plugin's).
     */
    private static final Set<String> OTHER_FUNCTIONS = Set.of("node", "stage", "echo", "sh", "checkout", "timeout",
            "retry", "withCredentials", "string", "file", "usernamePassword", "archiveArtifacts", "dir", "writeFile",
            "readFile", "error", "catchError", "parallel", "booleanParam", "choice", "cron", "buildDiscarder",
            "logRotator", "lock", "junit", "stash", "unstash", "input", "sleep", "build");

    private static GlueSteps glue;

    @BeforeAll
    static void loadGlue() throws Exception {
        glue = GlueSteps.load();
    }

    /** The snippets of one document: each groovy block with the line it starts on. */
    private static Map<Integer, String> snippets(Path doc) throws IOException {
        String text = Files.readString(doc);
        if (!doc.getFileName().toString().endsWith(".md")) {
            return Map.of(1, text);
        }
        Map<Integer, String> blocks = new java.util.LinkedHashMap<>();
        Matcher m = GROOVY_BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
            blocks.put(line, m.group(1));
        }
        return blocks;
    }

    /** Every problem of a document's snippets, each with its file and line. */
    private static List<String> problems(Path doc) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> snippet : snippets(doc).entrySet()) {
            for (GroovyCalls.Call call : GroovyCalls.parse(snippet.getValue())) {
                for (String problem : glue.problems(call, OTHER_FUNCTIONS)) {
                    problems.add(ROOT.relativize(doc) + ":" + (snippet.getKey() + call.line() - 1) + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/user-guide.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("examples/jenkinsfiles"))) {
            docs.addAll(files.sorted().toList());
        }
        return docs;
    }

    @Test
    void theBindingAnnotationsAreKeptAtRunTimeAsTheRealOnesAre() {
        for (Class<?> annotation : List.of(DataBoundConstructor.class, DataBoundSetter.class, Symbol.class)) {
            assertEquals(RetentionPolicy.RUNTIME, annotation.getAnnotation(Retention.class).value(),
                    annotation.getName());
        }
    }

    @Test
    void theGlueOffersEveryDocumentedStepWithItsArguments() {
        assertEquals(Set.of("buildPackage", "publishRepo", "purgeRepo", "importBuild", "provisionInstance",
                "destroyInstance", "withInstance", "snapshotInstance", "restoreInstance"), glue.steps().keySet());
        assertTrue(glue.steps().get("publishRepo").parameters().keySet().containsAll(
                List.of("target", "mirror", "dlrnImport", "packages", "builds")), glue.steps().get("publishRepo")
                .toString());
        assertTrue(glue.steps().get("purgeRepo").parameters().get("olderThan").required());
        assertEquals(List.of("target", "from", "publish"), List.copyOf(glue.steps().get("importBuild").parameters()
                .keySet()));
        assertTrue(glue.steps().get("importBuild").parameters().get("from").required());
    }

    @Test
    void everyDocumentedJenkinsfileUsesRealStepsAndArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Path doc : documents()) {
            problems.addAll(problems(doc));
            for (String snippet : snippets(doc).values()) {
                calls += (int) GroovyCalls.parse(snippet).stream()
                        .filter(c -> glue.steps().containsKey(c.name())).count();
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(calls >= 15, "the documents call the steps " + calls + " times: were the snippets found?");
    }

    @Test
    void aWrongArgumentNameTypeOrStepFailsTheCheck() {
        String snippet = String.join("\n",
                "node('trunk-builder') {",
                "    def built = buildPackage(target: 'trunk', catalog: 'catalog.yaml', workers: 'two')",
                "    publishRepo(target: 'trunk', signingKey: 'trunk-key', builds: built.builds)",
                "    publishRepos(target: 'trunk')",
                "    purgeRepo target: 'trunk', dryRun: true",
                "    echo \"${built.summary}\"",
                "}");
        List<String> problems = new ArrayList<>();
        for (GroovyCalls.Call call : GroovyCalls.parse(snippet)) {
            problems.addAll(glue.problems(call, OTHER_FUNCTIONS));
        }
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("buildPackage's argument 'workers' is a int, not the string 'two'"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("publishRepo has no argument 'signingKey' (its arguments: target,"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("publishRepos(...) is not a Package Pipeline step"), problems.get(2));
        assertEquals("purgeRepo needs its argument 'olderThan'", problems.get(3));
    }

    @Test
    void theParserReadsGroovyAsPipelineDoes() {
        List<GroovyCalls.Call> calls = GroovyCalls.parse(String.join("\n",
                "// publishRepo(target: 'commented')",
                "echo \"publishRepo(target: ${x})\"",
                "def r = publishRepo(target: 'trunk', packages: ['a', 'b'], mirror: false) // trailing",
                "r.findAll(status: 'x')",
                "withInstance(cloud: 'rdo', volumeSizeGb: 20) { sh 'true' }",
                "snapshotInstance cloud: 'rdo',",
                "        server: env.ID, labels: [role: 'repo']"));
        List<String> names = calls.stream().map(GroovyCalls.Call::name).toList();
        assertEquals(List.of("publishRepo", "withInstance", "snapshotInstance"), names,
                "comments, strings, method calls on objects and calls without named arguments are left out");
        GroovyCalls.Call publish = calls.get(0);
        assertEquals(3, publish.line());
        assertEquals(List.of(GroovyCalls.ValueKind.STRING, GroovyCalls.ValueKind.LIST, GroovyCalls.ValueKind.BOOLEAN),
                publish.named().stream().map(GroovyCalls.Argument::kind).toList());
        GroovyCalls.Call snapshot = calls.get(2);
        assertEquals(List.of("cloud", "server", "labels"), snapshot.named().stream().map(GroovyCalls.Argument::name)
                .toList());
        assertEquals(GroovyCalls.ValueKind.MAP, snapshot.named().get(2).kind());
        assertFalse(GlueSteps.accepts(List.class, GroovyCalls.ValueKind.MAP));
    }
}
