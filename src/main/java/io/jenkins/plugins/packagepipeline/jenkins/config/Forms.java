package io.jenkins.plugins.packagepipeline.jenkins.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.credentials.BuildCredentials;
import io.jenkins.plugins.packagepipeline.jenkins.form.Builders;
import io.jenkins.plugins.packagepipeline.jenkins.form.FieldCheck;
import io.jenkins.plugins.packagepipeline.jenkins.form.FormAccess;
import io.jenkins.plugins.packagepipeline.jenkins.form.ListField;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;

/**
 * What the descriptors' {@code doFill*}/{@code doCheck*} methods share: who may ask (Overall/Administer on the
 * global configuration page, where there is no item; the item's Configure in a job), turning a {@link FieldCheck}
 * into a {@link FormValidation}, and listing credentials the requester may see.
 */
public final class Forms {

    private Forms() {
    }

    /** The permission gate for a form method called in {@code context} ({@code null}: the global page). */
    public static FormAccess access(@CheckForNull Item context) {
        return new FormAccess(() -> context == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : context.hasPermission(Item.CONFIGURE));
    }

    /** Throws (HTTP 403) unless the requester may configure in {@code context}: for methods that probe. */
    public static void checkConfigure(@CheckForNull Item context) {
        if (context == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            context.checkPermission(Item.CONFIGURE);
        }
    }

    public static FormValidation validation(FieldCheck check) {
        return switch (check.level()) {
            case OK -> check.message().isEmpty() ? FormValidation.ok() : FormValidation.ok(check.message());
            case WARNING -> FormValidation.warning(check.message());
            case ERROR -> FormValidation.error(check.message());
        };
    }

    /** A field check run only for a requester allowed to configure the global configuration. */
    static FormValidation check(java.util.function.Supplier<FieldCheck> check) {
        return validation(access(null).check(check));
    }

    /**
     * Where a credentials list box gets its entries. In Jenkins ({@link #JENKINS}) the credentials plugin's own list
     * box model, listing as the system what Jenkins itself holds; a test lists plain credentials.
     */
    interface CredentialsSource {
        /**
         * The empty value, then the credentials of each type in turn that {@code matcher} accepts (all of them when
         * it is null), then {@code current} if it is none of those (kept, so saving the form does not change it).
         */
        ListBoxModel list(List<Class<? extends StandardCredentials>> types, @CheckForNull CredentialsMatcher matcher,
                String current);

        /** Only {@code current}: what a requester who may not see the credentials gets. */
        ListBoxModel currentOnly(String current);
    }

    /** The credentials Jenkins itself holds (system and global scope), listed as the system. */
    private static final CredentialsSource JENKINS = new CredentialsSource() {
        @Override
        public ListBoxModel list(List<Class<? extends StandardCredentials>> types,
                @CheckForNull CredentialsMatcher matcher, String current) {
            AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> model =
                    new StandardListBoxModel().includeEmptyValue();
            for (Class<? extends StandardCredentials> type : types) {
                model = matcher == null
                        ? model.includeAs(ACL.SYSTEM2, Jenkins.get(), type)
                        : model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, List.of(), matcher);
            }
            return model.includeCurrentValue(current);
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
    };

    /**
     * The system credentials of the given types, for a field of the global configuration whose credentials Jenkins
     * itself uses on the controller (a cloud's): system-scoped and global ones, as {@code SystemCredentials} finds
     * them. Listed only to administrators (the global configuration page is theirs); others get the current value.
     */
    @SafeVarargs
    static ListBoxModel systemCredentials(@CheckForNull String current,
            Class<? extends StandardCredentials>... types) {
        return systemCredentials(access(null), JENKINS, current, List.of(types));
    }

    static ListBoxModel systemCredentials(FormAccess access, CredentialsSource source, @CheckForNull String current,
            List<Class<? extends StandardCredentials>> types) {
        return credentials(access, source, null, current, types);
    }

    /**
     * The credentials of the given types a build may use, for a field of the global configuration whose secrets go
     * to a build's agent (a repo target's): global ones, never system-scoped ones, which a build cannot see
     * ({@link BuildCredentials#USABLE}), so that what is chosen is what {@code BuildCredentials} finds. Listed only to
     * administrators; others get the current value.
     */
    @SafeVarargs
    static ListBoxModel buildCredentials(@CheckForNull String current,
            Class<? extends StandardCredentials>... types) {
        return buildCredentials(access(null), JENKINS, current, List.of(types));
    }

    static ListBoxModel buildCredentials(FormAccess access, CredentialsSource source, @CheckForNull String current,
            List<Class<? extends StandardCredentials>> types) {
        return credentials(access, source, BuildCredentials.USABLE, current, types);
    }

    private static ListBoxModel credentials(FormAccess access, CredentialsSource source,
            @CheckForNull CredentialsMatcher matcher, @CheckForNull String current,
            List<Class<? extends StandardCredentials>> types) {
        String value = current == null ? "" : current;
        return access.list(() -> source.list(types, matcher, value), () -> source.currentOnly(value));
    }

    /**
     * The names of the configured clouds, for a step's {@code cloud} field in a job ({@code context}) or on the
     * global page: listed to whoever may configure there; others get nothing.
     */
    public static ListBoxModel cloudNames(@CheckForNull Item context) {
        return access(context).list(() -> choices(PackagePipelineConfiguration.get().getClouds().stream()
                .map(OpenStackCloud::getName).toList()), ListBoxModel::new);
    }

    /** The names of the configured repo targets, like {@link #cloudNames}. */
    public static ListBoxModel repoTargetNames(@CheckForNull Item context) {
        return access(context).list(() -> choices(PackagePipelineConfiguration.get().getRepoTargets().stream()
                .map(RepoTarget::getName).toList()), ListBoxModel::new);
    }

    /** The builders a step may choose, the first entry meaning "the repo target's builder". */
    public static ListBoxModel builderNames(@CheckForNull Item context) {
        return access(context).list(() -> {
            ListBoxModel model = new ListBoxModel();
            model.add("(the repo target's)", "");
            Builders.NAMES.forEach(b -> model.add(b, b));
            return model;
        }, ListBoxModel::new);
    }

    /** A list of fixed choices. */
    public static ListBoxModel choices(List<String> values) {
        ListBoxModel model = new ListBoxModel();
        for (String v : values) {
            model.add(v, v);
        }
        return model;
    }

    /**
     * The submitted form of a step or build step with the text of each list field turned into a JSON array (see
     * {@link ListField}), for the descriptor's {@code newInstance(StaplerRequest2, JSONObject)} to pass on to the
     * default binding. A bad item is a form error on that field, its message naming the line.
     */
    public static JSONObject bindLists(JSONObject form, ListField... fields) throws Descriptor.FormException {
        JSONObject bound = form;
        for (ListField field : fields) {
            try {
                bound = field.bind(bound);
            } catch (PackagePipelineException e) {
                throw new Descriptor.FormException(e.getMessage(), field.name());
            }
        }
        return bound;
    }

    /** A field check of a step's form in a job ({@code context}), run only for whoever may configure it. */
    public static FormValidation check(@CheckForNull Item context, java.util.function.Supplier<FieldCheck> check) {
        return validation(access(context).check(check));
    }

    /** The check of a list field as typed in a job's form ({@code context}), for whoever may configure it. */
    public static FormValidation checkList(@CheckForNull Item context, ListField field, String value) {
        return validation(access(context).check(() -> field.check(value)));
    }
}
