package io.jenkins.plugins.packagepipeline.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.FakeCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.OpenStackApplicationCredential;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldChecks;
import io.jenkins.plugins.packagepipeline.jenkins.form.FormAccess;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * The form glue's own mapping (no Jenkins running): verdicts to FormValidation kinds, choices to list boxes, and which
 * credentials a list box offers, listed from plain credentials of both scopes Jenkins itself holds.
 */
class FormsTest {

    private static final FormAccess ADMINISTRATOR = new FormAccess(() -> true);
    private static final FormAccess NOT_AN_ADMINISTRATOR = new FormAccess(() -> false);

    /**
     * The credentials Jenkins holds, listed as the credentials plugin's list box model lists them (its
     * {@code includeAs}/{@code includeMatchingAs}: of the type, accepted by the matcher given; its
     * {@code includeEmptyValue}/{@code includeCurrentValue}), each entry named by its id.
     */
    private static final class Held implements Forms.CredentialsSource {
        private final List<StandardCredentials> credentials;

        Held(StandardCredentials... credentials) {
            this.credentials = List.of(credentials);
        }

        @Override
        public ListBoxModel list(List<Class<? extends StandardCredentials>> types, CredentialsMatcher matcher,
                String current) {
            ListBoxModel model = new ListBoxModel();
            model.add("- none -", "");
            for (Class<? extends StandardCredentials> type : types) {
                credentials.stream().filter(type::isInstance).filter(c -> matcher == null || matcher.matches(c))
                        .forEach(c -> model.add(c.getId(), c.getId()));
            }
            return withCurrent(model, current);
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            return withCurrent(new ListBoxModel(), current);
        }

        /** As {@code includeCurrentValue} does: first (after the empty value), unless already there. */
        private static ListBoxModel withCurrent(ListBoxModel model, String current) {
            if (model.stream().noneMatch(o -> o.value.equals(current))) {
                model.add(!model.isEmpty() && model.get(0).value.isEmpty() ? 1 : 0,
                        new ListBoxModel.Option(current.isEmpty() ? "- none -" : "- current -", current));
            }
            return model;
        }
    }

    private static final Held HELD = new Held(
            FakeCredentials.secretFile(CredentialsScope.SYSTEM, "system-key", "key.asc", "SYSTEM-KEY"),
            FakeCredentials.secretFile(CredentialsScope.GLOBAL, "global-key", "key.asc", "GLOBAL-KEY"),
            FakeCredentials.secretText(CredentialsScope.GLOBAL, "global-passphrase", "Pass-1"),
            FakeCredentials.usernamePassword(CredentialsScope.SYSTEM, "system-db", "trunk", "Db-Pass-1"),
            FakeCredentials.usernamePassword(CredentialsScope.GLOBAL, "global-db", "trunk", "Db-Pass-2"),
            FakeCredentials.applicationCredential(CredentialsScope.SYSTEM, "system-appcred", "4c2f", "App-1"),
            FakeCredentials.applicationCredential(CredentialsScope.GLOBAL, "global-appcred", "5d3e", "App-2"));

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void aRepoTargetIsOfferedGlobalCredentialsOnlyNeverSystemScopedOnesWhichBuildsCannotSee() {
        assertEquals(List.of("", "global-key"),
                values(Forms.buildCredentials(ADMINISTRATOR, HELD, "", List.of(FileCredentials.class))));
        assertEquals(List.of("", "global-passphrase"),
                values(Forms.buildCredentials(ADMINISTRATOR, HELD, null, List.of(StringCredentials.class))));
        assertEquals(List.of("", "global-db"), values(Forms.buildCredentials(ADMINISTRATOR, HELD, "",
                List.of(StandardUsernamePasswordCredentials.class))));
    }

    @Test
    void aCloudIsStillOfferedSystemScopedCredentialsAsItsCredentialsStayOnTheController() {
        assertEquals(List.of("", "system-appcred", "global-appcred", "system-db", "global-db"),
                values(Forms.systemCredentials(ADMINISTRATOR, HELD, "", List.of(OpenStackApplicationCredential.class,
                        StandardUsernamePasswordCredentials.class))));
    }

    @Test
    void theValueAlreadyChosenStaysInTheListEvenWhenItIsNotOffered() {
        assertEquals(List.of("", "system-key", "global-key"),
                values(Forms.buildCredentials(ADMINISTRATOR, HELD, "system-key", List.of(FileCredentials.class))));
        assertEquals(List.of("", "global-key"),
                values(Forms.buildCredentials(ADMINISTRATOR, HELD, "global-key", List.of(FileCredentials.class))));
    }

    @Test
    void whoMayNotConfigureGetsOnlyTheValueAlreadyChosen() {
        assertEquals(List.of("global-key"), values(Forms.buildCredentials(NOT_AN_ADMINISTRATOR, HELD, "global-key",
                List.of(FileCredentials.class))));
        assertEquals(List.of("system-appcred"), values(Forms.systemCredentials(NOT_AN_ADMINISTRATOR, HELD,
                "system-appcred", List.of(OpenStackApplicationCredential.class))));
    }

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
