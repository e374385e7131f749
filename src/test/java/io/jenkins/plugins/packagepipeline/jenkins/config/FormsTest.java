package io.jenkins.plugins.packagepipeline.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form glue's own mapping (no Jenkins running): verdicts to FormValidation kinds, choices to list boxes. */
class FormsTest {

    @Test
    void verdictsBecomeFormValidationsOfTheSameKind() {
        assertEquals(FormValidation.Kind.OK, Forms.validation(FieldCheck.ok()).kind);
        FormValidation tested = Forms.validation(FieldCheck.ok("Authenticated as user admin"));
        assertEquals(FormValidation.Kind.OK, tested.kind);
        assertTrue(tested.getMessage().contains("Authenticated"), tested.getMessage());
        assertEquals(FormValidation.Kind.WARNING,
                Forms.validation(FieldChecks.keystoneUrl("https://keystone.example.org:5000")).kind);
        FormValidation error = Forms.validation(FieldChecks.dataDirectory("relative/dir"));
        assertEquals(FormValidation.Kind.ERROR, error.kind);
        assertTrue(error.getMessage().contains("relative/dir"), error.getMessage());
    }

    @Test
    void choicesKeepTheirOrder() {
        ListBoxModel model = Forms.choices(List.of("rpmbuild", "mock"));
        assertEquals(List.of("rpmbuild", "mock"), model.stream().map(o -> o.value).toList());
        assertEquals(List.of("rpmbuild", "mock"), model.stream().map(o -> o.name).toList());
    }
}
