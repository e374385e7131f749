package io.jenkins.plugins.packagepipeline.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code offline/jenkins-api} what its README says: exactly the Jenkins types the glue uses, each listed with
 * its source, never reaching the engine or the command-line jar.
 */
class JenkinsApiDeclarationsTest {

    private static final Path ROOT = Path.of(System.getProperty("packagepipeline.projectRoot", ".")).toAbsolutePath()
            .normalize();
    private static final Path API = ROOT.resolve("offline/jenkins-api");
    private static final Path SOURCES = ROOT.resolve("src/main/java/io/jenkins/plugins/packagepipeline");
    private static final Pattern JENKINS_IMPORT = Pattern.compile(
            "^import (?:static )?((?:hudson|jenkins|org\\.kohsuke|org\\.jenkinsci|org\\.jenkins|com\\.cloudbees)\\.[\\w.]+);",
            Pattern.MULTILINE);
    private static final Set<String> REAL_LIBRARIES = Set.of("net.sf.json.JSONObject");

    private static Map<String, String> javaFiles(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static Set<String> declaredTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        for (String file : javaFiles(API.resolve("src/main/java")).keySet()) {
            types.add(file.replace(".java", "").replace('/', '.'));
        }
        return types;
    }

    /** The top-level type an import names ({@code a.b.Outer.Inner} is declared in {@code a.b.Outer}). */
    private static String topLevel(String imported, Set<String> declared) {
        String name = imported;
        while (name.contains(".")) {
            if (declared.contains(name)) {
                return name;
            }
            name = name.substring(0, name.lastIndexOf('.'));
        }
        return imported;
    }

    @Test
    void everyJenkinsTypeTheGlueImportsIsDeclaredAndListed() throws IOException {
        Set<String> declared = declaredTypes();
        StringBuilder readme = new StringBuilder();
        try (Stream<Path> docs = Files.list(API)) {
            for (Path doc : docs.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                readme.append(Files.readString(doc));
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : javaFiles(SOURCES.resolve("jenkins")).entrySet()) {
            Matcher m = JENKINS_IMPORT.matcher(file.getValue());
            while (m.find()) {
                String type = topLevel(m.group(1), declared);
                if (!declared.contains(type)) {
                    problems.add(file.getKey() + " imports " + m.group(1) + ", not declared in offline/jenkins-api");
                }
            }
        }
        for (String type : declared) {
            if (readme.indexOf("| `" + type + "` |") < 0) {
                problems.add(type + " is declared but not listed with its source in offline/jenkins-api/README.md");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDeclarationIsUsedByTheGlueOrByAnotherDeclaration() throws IOException {
        Map<String, String> declarations = javaFiles(API.resolve("src/main/java"));
        StringBuilder glue = new StringBuilder();
        javaFiles(SOURCES.resolve("jenkins")).values().forEach(glue::append);
        List<String> unused = new ArrayList<>();
        for (String file : declarations.keySet()) {
            String type = file.replace(".java", "").replace('/', '.');
            String simple = type.substring(type.lastIndexOf('.') + 1);
            Pattern use = Pattern.compile("\\b" + Pattern.quote(simple) + "\\b");
            boolean used = use.matcher(glue).find() || declarations.entrySet().stream()
                    .anyMatch(other -> !other.getKey().equals(file) && use.matcher(other.getValue()).find());
            if (!used) {
                unused.add(type);
            }
        }
        assertEquals(List.of(), unused, "declared but used by nothing: remove them");
    }

    @Test
    void theEngineAndTheCommandLineNeverImportJenkinsTypes() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : javaFiles(SOURCES).entrySet()) {
            if (file.getKey().startsWith("jenkins/")) {
                continue;
            }
            Matcher m = JENKINS_IMPORT.matcher(file.getValue());
            while (m.find()) {
                if (!REAL_LIBRARIES.contains(m.group(1))) {
                    problems.add(file.getKey() + " imports " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDeclarationsStayProvidedAndOutOfTheCommandLineJar() throws IOException {
        String pom = Files.readString(ROOT.resolve("offline/plugin/pom.xml")).replaceAll("\\s+", " ");
        assertTrue(pom.contains("<artifactId>package-pipeline-jenkins-api</artifactId> <version>${project.version}"
                + "</version> <scope>provided</scope>"), "offline/plugin must depend on jenkins-api with provided scope");
        assertTrue(pom.contains("<exclude>io/jenkins/plugins/packagepipeline/jenkins/**</exclude>"),
                "the command-line jar must leave the glue out");
        String apiPom = Files.readString(API.resolve("pom.xml")).replaceAll("\\s+", " ");
        assertTrue(apiPom.contains("<artifactId>maven-install-plugin</artifactId> <configuration> <skip>true</skip>"),
                "offline/jenkins-api must never be installed");
    }
}
