package io.jenkins.plugins.packagepipeline.jenkins.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Every data-bound class of the glue (steps, build steps, the wrapper, configuration entries, credentials) has a
 * form and a {@code help-<field>.html} for each of its arguments, so the Snippet Generator and the configuration
 * page explain every field.
 */
class HelpFilesTest {

    private static final Path RESOURCES = Path.of(System.getProperty("packagepipeline.projectRoot", "."))
            .resolve("src/main/resources");

    @Test
    void everyArgumentHasItsHelpAndEveryClassItsForm() throws Exception {
        List<String> missing = new ArrayList<>();
        int classes = 0;
        for (Class<?> type : GlueSteps.glueClasses()) {
            var parameters = GlueSteps.parameters(type);
            if (parameters.isEmpty() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            classes++;
            if (find(type, "config.jelly") == null && find(type, "credentials.jelly") == null) {
                missing.add(type.getSimpleName() + "/config.jelly");
            }
            for (String field : parameters.keySet()) {
                boolean credentialsPluginOwn = Credentials.class.isAssignableFrom(type)
                        && List.of("scope", "id", "description").contains(field);
                if (!credentialsPluginOwn && find(type, "help-" + field + ".html") == null) {
                    missing.add(type.getSimpleName() + "/help-" + field + ".html");
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(classes >= 12, "found " + classes + " data-bound classes: was the glue read?");
    }

    /**
     * Every argument is a field of the class's form, lists included (a text area, one item a line), so the Snippet
     * Generator can write every argument and a Freestyle job can set it.
     */
    @Test
    void everyArgumentIsAFieldOfTheForm() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : GlueSteps.glueClasses()) {
            var parameters = GlueSteps.parameters(type);
            Path form = find(type, "config.jelly");
            if (parameters.isEmpty() || Modifier.isAbstract(type.getModifiers()) || form == null) {
                continue;
            }
            String jelly = Files.readString(form);
            for (String field : parameters.keySet()) {
                if (!jelly.contains("field=\"" + field + "\"")) {
                    missing.add(type.getSimpleName() + "." + field);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Every {@code doCheck<Field>} of a descriptor (its own or inherited from the glue) checks a field its class's
     * form has, so a renamed argument cannot leave its check behind, and answers POST only.
     */
    @Test
    void everyFieldCheckChecksAFieldOfTheFormAndIsPostOnly() throws Exception {
        List<String> problems = new ArrayList<>();
        int checks = 0;
        for (Class<?> type : GlueSteps.glueClasses()) {
            Path form = find(type, "config.jelly");
            if (form == null || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String jelly = Files.readString(form);
            for (Class<?> descriptor : type.getDeclaredClasses()) {
                for (Method method : descriptor.getMethods()) {
                    if (!method.getName().startsWith("doCheck")
                            || !method.getDeclaringClass().getName().startsWith("io.jenkins.")) {
                        continue;
                    }
                    checks++;
                    String field = method.getName().substring("doCheck".length());
                    field = field.substring(0, 1).toLowerCase(Locale.ROOT) + field.substring(1);
                    if (!jelly.contains("field=\"" + field + "\"")) {
                        problems.add(type.getSimpleName() + " checks '" + field + "', not a field of its form");
                    }
                    if (!method.isAnnotationPresent(POST.class)) {
                        problems.add(type.getSimpleName() + "." + method.getName() + " is not @POST");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checks >= 10, "found " + checks + " field checks: were the descriptors read?");
    }

    /** A view or help file of {@code type}, looked up as Jenkins does: in its resources, then its superclasses'. */
    private static Path find(Class<?> type, String file) {
        for (Class<?> c = type; c != null && c.getName().startsWith("io.jenkins."); c = c.getSuperclass()) {
            Path candidate = RESOURCES.resolve(c.getName().replace('.', '/')).resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
