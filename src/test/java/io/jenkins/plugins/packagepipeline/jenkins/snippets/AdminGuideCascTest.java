package io.jenkins.plugins.packagepipeline.jenkins.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.packagepipeline.jenkins.config.OpenStackCloud;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Configuration as Code example of the admin guide names only settings that exist (data-bound arguments of the
 * classes Configuration as Code fills), and its repo target shows every setting a repo target has.
 */
class AdminGuideCascTest {

    private static final Path ROOT = Path.of(System.getProperty("packagepipeline.projectRoot", ".")).toAbsolutePath()
            .normalize();

    @Test
    void theJcascExampleNamesRealSettingsAndEverySettingOfARepoTarget() throws Exception {
        JsonNode section = example().path("unclassified").path("packagePipeline");
        assertTrue(section.path("repoTargets").isArray() && section.path("clouds").isArray(), section.toString());
        List<String> problems = new ArrayList<>();
        Set<String> targetSettings = GlueSteps.parameters(RepoTarget.class).keySet();
        Set<String> cloudSettings = GlueSteps.parameters(OpenStackCloud.class).keySet();
        for (JsonNode target : section.path("repoTargets")) {
            Set<String> shown = new TreeSet<>();
            target.fieldNames().forEachRemaining(shown::add);
            shown.stream().filter(k -> !targetSettings.contains(k)).forEach(k -> problems.add("repoTargets: " + k));
            targetSettings.stream().filter(k -> !shown.contains(k))
                    .forEach(k -> problems.add("repoTargets lacks " + k));
        }
        for (JsonNode cloud : section.path("clouds")) {
            cloud.fieldNames().forEachRemaining(k -> {
                if (!cloudSettings.contains(k)) {
                    problems.add("clouds: " + k);
                }
            });
        }
        assertEquals(List.of(), problems, "settings of the admin guide's example that are not, or are missing");
    }

    /** The YAML block of the section "Configuration as Code". */
    private static JsonNode example() throws Exception {
        String guide = Files.readString(ROOT.resolve("docs/admin-guide.md"));
        int section = guide.indexOf("## Configuration as Code");
        int start = guide.indexOf("```yaml\n", section);
        int end = guide.indexOf("```", start + 8);
        assertTrue(section >= 0 && start > section && end > start, "no yaml block under 'Configuration as Code'");
        return new YAMLMapper().readTree(guide.substring(start + 8, end));
    }
}
