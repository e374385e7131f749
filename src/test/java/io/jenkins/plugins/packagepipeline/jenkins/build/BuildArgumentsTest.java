package io.jenkins.plugins.packagepipeline.jenkins.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.build.BuildReport;
import io.jenkins.plugins.packagepipeline.build.BuildSettings;
import io.jenkins.plugins.packagepipeline.build.PackageResult;
import io.jenkins.plugins.packagepipeline.jenkins.config.RepoTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildArgumentsTest {

    private static RepoTarget trunk() {
        RepoTarget target = new RepoTarget("trunk", "/srv/package-pipeline/trunk");
        target.setBuilder("mock");
        target.setWorkers(6);
        target.setPublicBaseUrl("https://trunk.example.org/");
        return target;
    }

    @Test
    void theTargetsDefaultsApplyUnlessTheStepSaysOtherwise() {
        BuildArguments args = new BuildArguments();
        args.setTarget("trunk");
        args.setCatalog("catalog.yaml");
        args.setPackages(List.of("hello", " ", "world "));
        BuildPlan plan = args.plan(trunk());
        assertEquals("/srv/package-pipeline/trunk", plan.dataDirectory());
        assertEquals("mock", plan.builder());
        assertEquals(6, plan.workers());
        assertEquals("https://trunk.example.org/", plan.publicBaseUrl());
        assertEquals(List.of("hello", "world"), plan.packages());
        assertEquals(Set.of("hello", "world"), plan.options().packageNames());

        args.setBuilder("rpmbuild");
        args.setWorkers(1);
        args.setDataDirectory("/tmp/scratch");
        args.setBuildTimeout("5m");
        args.setDist(".el10");
        BuildSettings settings = args.plan(trunk()).settings();
        assertEquals("rpmbuild", settings.builder());
        assertEquals(1, settings.workers());
        assertEquals(Path.of("/tmp/scratch"), settings.dataDir());
        assertEquals(Duration.ofMinutes(5), settings.buildTimeout());
        assertEquals(".el10", settings.dist());
    }

    @Test
    void aForcedRecheckImpliesARecheckAndIsAllowedOnlyByTheRepoTarget() {
        BuildArguments args = new BuildArguments();
        args.setTarget("trunk");
        args.setForceRecheck(true);
        BuildPlan plan = args.plan(trunk());
        assertTrue(plan.options().recheck());
        assertTrue(plan.options().forceRecheck());
        assertEquals(false, plan.settings().allowForceRechecks(), "off unless the repo target allows it");
        RepoTarget allowing = trunk();
        allowing.setAllowForceRechecks(true);
        assertTrue(args.plan(allowing).settings().allowForceRechecks());
        args.setDataDirectory("/srv/scratch");
        assertEquals(false, args.plan(null).settings().allowForceRechecks(), "never without a repo target");
    }

    @Test
    void withoutTargetTheEngineDefaultsApply() {
        BuildArguments args = new BuildArguments();
        args.setDataDirectory("/srv/scratch");
        BuildPlan plan = args.plan(null);
        assertEquals("rpmbuild", plan.builder());
        assertEquals(2, plan.workers());
        assertEquals(".el9", plan.settings().dist());
        assertEquals(Duration.ofMinutes(30), plan.settings().buildTimeout(), "the engine's default build timeout");
        args.setBuildTimeout(" ");
        assertEquals(null, args.getBuildTimeout(), "blank: left out");
        assertEquals(Duration.ofMinutes(30), args.plan(null).settings().buildTimeout());
        args.setBuildTimeout("PT1H30M");
        assertEquals(Duration.ofMinutes(90), args.plan(null).settings().buildTimeout());
        args.setCatalog("catalog.yaml");
        assertEquals(Path.of("/ws/catalog.yaml"), args.plan(null).catalogFile(Path.of("/ws")));
    }

    @Test
    void missingOrRelativeDataDirectoriesAndUnknownBuildersAreRefused() {
        PackagePipelineException none = assertThrows(PackagePipelineException.class,
                () -> new BuildArguments().plan(null));
        assertTrue(none.getMessage().contains("target:") && none.getMessage().contains("dataDirectory:"),
                none.getMessage());
        BuildArguments relative = new BuildArguments();
        relative.setDataDirectory("data");
        assertTrue(assertThrows(PackagePipelineException.class, () -> relative.plan(null)).getMessage()
                .contains("'data'"));
        BuildArguments kiwi = new BuildArguments();
        kiwi.setDataDirectory("/srv/x");
        kiwi.setBuilder("kiwi");
        assertTrue(assertThrows(PackagePipelineException.class, () -> kiwi.plan(null)).getMessage()
                .contains("'kiwi'"));
        BuildArguments withoutCatalog = new BuildArguments();
        withoutCatalog.setDataDirectory("/srv/x");
        BuildPlan noCatalog = withoutCatalog.plan(null);
        assertTrue(assertThrows(PackagePipelineException.class, () -> noCatalog.catalogFile(Path.of("/ws")))
                .getMessage().contains("catalog:"));
    }

    @Test
    void aBadBuildTimeoutIsRefusedNamingTheArgumentAndTheValue() {
        String write = "; write " + Durations.SYNTAX + ".";
        Map<String, String> expected = Map.of(
                "30", "buildPackage: buildTimeout '30' is not a duration (a bare number is refused: add its unit, e.g."
                        + " 30s or 30m)" + write,
                "0m", "buildPackage: buildTimeout '0m' must be more than zero" + write,
                "PT-30M", "buildPackage: buildTimeout 'PT-30M' is negative" + write,
                "-30m", "buildPackage: buildTimeout '-30m' is not a duration" + write,
                "half an hour", "buildPackage: buildTimeout 'half an hour' is not a duration" + write);
        for (var bad : expected.entrySet()) {
            BuildArguments args = new BuildArguments();
            args.setTarget("trunk");
            args.setBuildTimeout(bad.getKey());
            assertEquals(bad.getValue(), assertThrows(PackagePipelineException.class, () -> args.plan(trunk()))
                    .getMessage());
            assertEquals(bad.getValue().substring("buildPackage: ".length()),
                    BuildArguments.checkBuildTimeout(bad.getKey()).message(), "the form says the same");
        }
        assertEquals("", BuildArguments.checkBuildTimeout("").message(), "empty keeps the default");
    }

    @Test
    void theVerdictFollowsTheDocumentedRule() {
        PackageResult upToDate = new PackageResult("a", List.of(), null, Duration.ZERO);
        PackageResult error = new PackageResult("b", List.of(), "git repository unreachable", Duration.ZERO);
        assertEquals(BuildVerdict.SUCCESS, BuildVerdict.of(new BuildReport(List.of())));
        assertEquals(BuildVerdict.SUCCESS, BuildVerdict.of(new BuildReport(List.of(upToDate))));
        assertEquals(BuildVerdict.UNSTABLE, BuildVerdict.of(new BuildReport(List.of(upToDate, error))));
        assertEquals(BuildVerdict.FAILURE, BuildVerdict.of(new BuildReport(List.of(error))));
    }
}
