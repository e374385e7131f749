package io.jenkins.plugins.packagepipeline.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
    private static final String GLUE_PACKAGE = "io.jenkins.plugins.packagepipeline.jenkins";
    private static final Path GLUE_VIEWS = ROOT.resolve("src/main/resources/io/jenkins/plugins/packagepipeline/jenkins");
    /**
     * Methods kept although the glue neither calls nor overrides them, each for a reason: the default method that lets
     * the glue's describables leave it out; the overload that makes overload resolution of the called
     * {@code includeAs(Authentication, ItemGroup, Class)} Jenkins' own; the factory of the Secret value holder, the only
     * way a unit test can make the Secret a describable's setter takes.
     */
    private static final Set<String> KEPT_UNUSED = Set.of("hudson.model.Describable#getDescriptor[]",
            "com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel#includeAs"
                    + "[org.springframework.security.core.Authentication, hudson.model.Item, java.lang.Class]",
            "hudson.util.Secret#fromString[java.lang.String]");

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

    /**
     * Every method declared here is one the glue calls or overrides, read from its compiled classes (main and test),
     * so the exact overload counts; or a property its Jelly views read ({@code it.run.url} is {@code getUrl()}); or one
     * a declared type needs to be real (abstract, or overriding a supertype's member); or one listed in
     * {@link #KEPT_UNUSED}. A declared method nobody uses is a signature nobody checks.
     */
    @Test
    void everyDeclaredMethodIsOneTheGlueUsesOrOneItsTypeNeeds() throws IOException, ClassNotFoundException {
        JavaClasses glue = new ClassFileImporter().importPackages(GLUE_PACKAGE);
        assertTrue(glue.stream().anyMatch(c -> c.getName().endsWith("PackagePipelineConfiguration")),
                "the glue's classes were not found: the check would pass vacuously");
        Set<String> used = new TreeSet<>();
        for (JavaClass c : glue) {
            for (JavaCodeUnitAccess<?> access : c.getCodeUnitAccessesFromSelf()) {
                access.getTarget().resolveMember().ifPresent(m -> used.add(signature(m)));
            }
            for (JavaMethod m : c.getMethods()) {
                List<JavaClass> supertypes = new ArrayList<>(c.getAllRawSuperclasses());
                supertypes.addAll(c.getAllRawInterfaces());
                for (JavaClass s : supertypes) {
                    s.tryGetMethod(m.getName(), m.getRawParameterTypes().stream().map(JavaClass::getName)
                            .toArray(String[]::new)).ifPresent(overridden -> used.add(signature(overridden)));
                }
            }
        }
        StringBuilder views = new StringBuilder();
        try (Stream<Path> walk = Files.walk(GLUE_VIEWS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".jelly")).toList()) {
                views.append(Files.readString(p));
            }
        }
        List<String> unused = new ArrayList<>();
        for (String type : declaredTypes()) {
            for (Class<?> c : withNested(Class.forName(type))) {
                for (Method m : c.getDeclaredMethods()) {
                    String signature = signature(m);
                    if (m.isSynthetic() || Modifier.isPrivate(m.getModifiers()) || Modifier.isAbstract(m.getModifiers())
                            || c.isEnum() && List.of("values", "valueOf").contains(m.getName())
                            || overridesASupertype(c, m) || used.contains(signature) || KEPT_UNUSED.contains(signature)) {
                        continue;
                    }
                    String property = property(m.getName());
                    if (property == null || !Pattern.compile("\\." + property + "\\b").matcher(views).find()) {
                        unused.add(signature);
                    }
                }
            }
        }
        assertEquals(List.of(), unused, "declared methods the glue never calls or overrides: remove them");
    }

    private static String signature(JavaCodeUnit m) {
        return m.getOwner().getName() + "#" + m.getName() + m.getRawParameterTypes().stream().map(JavaClass::getName)
                .toList();
    }

    private static String signature(Method m) {
        return m.getDeclaringClass().getName() + "#" + m.getName()
                + Stream.of(m.getParameterTypes()).map(Class::getName).toList();
    }

    private static List<Class<?>> withNested(Class<?> c) {
        List<Class<?>> all = new ArrayList<>(List.of(c));
        for (Class<?> nested : c.getDeclaredClasses()) {
            all.addAll(withNested(nested));
        }
        return all;
    }

    /** Whether {@code m} implements or overrides a member of a supertype (so the type would not be real without it). */
    private static boolean overridesASupertype(Class<?> c, Method m) {
        for (Method bridge : c.getDeclaredMethods()) {
            if (bridge.isBridge() && bridge.getName().equals(m.getName())
                    && bridge.getParameterCount() == m.getParameterCount()) {
                return true; // overrides a generic supertype method, whose erasure the compiler bridged
            }
        }
        List<Class<?>> supertypes = new ArrayList<>(List.of(c.getInterfaces()));
        if (c.getSuperclass() != null) {
            supertypes.add(c.getSuperclass());
        }
        for (Class<?> s : supertypes) {
            if (declares(s, m) || overridesASupertype(s, m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Class<?> type, Method m) {
        try {
            type.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code getUrl} is {@code url} in a Jelly expression, {@code isEnabled} is {@code enabled}. */
    private static String property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.startsWith(prefix) && method.length() > prefix.length()) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return null;
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
