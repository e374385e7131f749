package io.jenkins.plugins.packagepipeline.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.jenkins.settings.InstanceSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationProblemsTest {

    private static OpenStackCloud cloud(String name) {
        OpenStackCloud cloud = new OpenStackCloud(name, "https://keystone.example.org:5000/v3", "rdo-appcred");
        cloud.setImage("CentOS-Stream-9");
        cloud.setFlavor("m1.small");
        cloud.setSecurityGroups("default, ssh");
        cloud.setVolumeSizeGb(20);
        return cloud;
    }

    private static RepoTarget target(String name) {
        return new RepoTarget(name, "/srv/package-pipeline/" + name);
    }

    @Test
    void aSoundConfigurationHasNoProblems() {
        assertEquals(List.of(), PackagePipelineConfiguration.problems(
                List.of(cloud("rdo"), cloud("vexxhost")), List.of(target("trunk"), target("stable"))));
    }

    @Test
    void everyBadValueIsReportedWithItsEntry() {
        OpenStackCloud cloud = new OpenStackCloud("rdo", "keystone.example.org", " ");
        cloud.setReadTimeoutSeconds(0);
        RepoTarget target = target("trunk");
        target.setDlrnApiUrl("https://dlrn.example.org/api");
        target.setWorkers(100);
        List<String> problems = PackagePipelineConfiguration.problems(List.of(cloud), List.of(target));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Cloud 'rdo': The Keystone URL 'keystone.example.org'"),
                problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.contains("read timeout")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Repo target 'trunk': Choose the credentials for"
                + " the DLRN API")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("number of workers 100")), problems.toString());
    }

    @Test
    void namesMustBeUnique() {
        List<String> problems = PackagePipelineConfiguration.problems(
                List.of(cloud("rdo"), cloud("rdo")), List.of(target("trunk"), target("trunk")));
        assertEquals(List.of("Two clouds are named 'rdo': give each cloud its own name.",
                "Two repo targets are named 'trunk': give each target its own name."), problems);
    }

    @Test
    void aCloudsDefaultsBecomeInstanceSettings() {
        assertEquals(new InstanceSettings("CentOS-Stream-9", "m1.small", null, null, List.of("default", "ssh"), 20,
                null), cloud("rdo").instanceDefaults());
    }

    @Test
    void blankFormValuesAreUnsetAndTheBuilderDefaultsToRpmbuild() {
        RepoTarget target = target("trunk");
        target.setBuilder(" ");
        target.setMirrorTarget("");
        assertEquals("rpmbuild", target.getBuilder());
        assertEquals(null, target.getMirrorTarget());
        assertEquals(2, target.getWorkers());
    }
}
