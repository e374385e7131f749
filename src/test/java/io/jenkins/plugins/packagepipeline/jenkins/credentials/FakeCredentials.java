package io.jenkins.plugins.packagepipeline.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Plain stand-ins for the credentials the glue reads (the credentials plugin's interfaces, implemented here as the
 * plugin's own classes implement them) and a {@link CredentialsLookup.Store} holding them by id, recording each use
 * as Jenkins' usage tracking would.
 */
public final class FakeCredentials implements CredentialsLookup.Store {

    private final Map<String, StandardCredentials> byId = new LinkedHashMap<>();
    /** The ids of the credentials whose use was recorded, in order. */
    public final List<String> used = new ArrayList<>();
    /** The ids asked for, in order. */
    public final List<String> asked = new ArrayList<>();

    public FakeCredentials add(StandardCredentials credentials) {
        byId.put(credentials.getId(), credentials);
        return this;
    }

    public CredentialsLookup lookup() {
        return new CredentialsLookup(this);
    }

    @Override
    public StandardCredentials byId(String id) {
        asked.add(id);
        return byId.get(id);
    }

    @Override
    public void used(StandardCredentials credentials) {
        used.add(credentials.getId());
    }

    /** What every stored credential has: a scope, an id and a description. */
    private abstract static class Base implements StandardCredentials {
        private static final long serialVersionUID = 1L;
        private final CredentialsScope scope;
        private final String id;

        Base(CredentialsScope scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return scope;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            throw new UnsupportedOperationException("no descriptors offline");
        }
    }

    /** A system-scoped "Username with password". */
    public static StandardUsernamePasswordCredentials usernamePassword(String id, String user, String password) {
        return usernamePassword(CredentialsScope.SYSTEM, id, user, password);
    }

    /** A "Username with password" of the given scope. */
    public static StandardUsernamePasswordCredentials usernamePassword(CredentialsScope scope, String id, String user,
            String password) {
        final class UsernamePassword extends Base implements StandardUsernamePasswordCredentials {
            private static final long serialVersionUID = 1L;

            UsernamePassword() {
                super(scope, id);
            }

            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public Secret getPassword() {
                return Secret.fromString(password);
            }
        }
        return new UsernamePassword();
    }

    /** A system-scoped "Secret file". */
    public static FileCredentials secretFile(String id, String fileName, String content) {
        return secretFile(CredentialsScope.SYSTEM, id, fileName, content);
    }

    /** A "Secret file" of the given scope. */
    public static FileCredentials secretFile(CredentialsScope scope, String id, String fileName, String content) {
        final class SecretFile extends Base implements FileCredentials {
            private static final long serialVersionUID = 1L;

            SecretFile() {
                super(scope, id);
            }

            @Override
            public String getFileName() {
                return fileName;
            }

            @Override
            public InputStream getContent() {
                return new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new SecretFile();
    }

    /** A system-scoped "Secret text". */
    public static StringCredentials secretText(String id, String secret) {
        return secretText(CredentialsScope.SYSTEM, id, secret);
    }

    /** A "Secret text" of the given scope. */
    public static StringCredentials secretText(CredentialsScope scope, String id, String secret) {
        final class SecretText extends Base implements StringCredentials {
            private static final long serialVersionUID = 1L;

            SecretText() {
                super(scope, id);
            }

            @Override
            public Secret getSecret() {
                return Secret.fromString(secret);
            }
        }
        return new SecretText();
    }

    /** A system-scoped "OpenStack application credential" (this plugin's own type; its stored class needs Jenkins). */
    public static OpenStackApplicationCredential applicationCredential(String id, String appCredentialId,
            String secret) {
        return applicationCredential(CredentialsScope.SYSTEM, id, appCredentialId, secret);
    }

    /** An "OpenStack application credential" of the given scope. */
    public static OpenStackApplicationCredential applicationCredential(CredentialsScope scope, String id,
            String appCredentialId, String secret) {
        final class AppCredential extends Base implements OpenStackApplicationCredential {
            private static final long serialVersionUID = 1L;

            AppCredential() {
                super(scope, id);
            }

            @Override
            public String getApplicationCredentialId() {
                return appCredentialId;
            }

            @Override
            public Secret getSecret() {
                return Secret.fromString(secret);
            }
        }
        return new AppCredential();
    }
}
