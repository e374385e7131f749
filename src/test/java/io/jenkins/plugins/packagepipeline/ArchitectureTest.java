package io.jenkins.plugins.packagepipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The engine (every package but {@code ...packagepipeline.jenkins}) must not use Jenkins types, so that it is
 * compiled and tested for real without a Jenkins and runs from the command line.
 */
class ArchitectureTest {
    private static final String ROOT = "io.jenkins.plugins.packagepipeline";
    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..", "net.sf.json.."
    };

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static ArchRule engineIsFreeOfJenkins() {
        return noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackage(ROOT + ".jenkins..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .because("the engine is compiled and tested without Jenkins; Jenkins glue belongs in " + ROOT
                        + ".jenkins");
    }

    @Test
    void engineDoesNotDependOnJenkins() {
        engineIsFreeOfJenkins().check(PRODUCTION);
    }

    @Test
    void ruleSeesTheEngine() {
        assertTrue(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + ".process")),
                "the architecture rule would pass vacuously: no engine classes imported");
    }

    @Test
    void ruleWouldCatchAJenkinsImport() {
        // The same dependency check, pointed at the glue, must find its Jenkins imports: proof the rule can fail.
        JavaClasses glue = PRODUCTION.that(com.tngtech.archunit.base.DescribedPredicate.describe("glue",
                c -> c.getPackageName().startsWith(ROOT + ".jenkins")));
        assertFalse(glue.isEmpty(), "no glue classes imported");
        EvaluationResult result = noClasses().should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
                .evaluate(glue);
        assertFalse(result.getFailureReport().isEmpty(), "the glue uses Jenkins types, the rule must report them");
    }
}
