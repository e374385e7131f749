package io.jenkins.plugins.packagepipeline.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

/**
 * One authenticated session to a cloud, safe to share between threads. It holds a single Keystone token and hands
 * every thread its own OpenStack4j client built from that token ({@code OSFactory.clientFromToken}: an OpenStack4j
 * client is bound to the thread that made it), without authenticating again. The token is renewed when less than
 * {@link #REFRESH_MARGIN} of its lifetime is left. All calls go through {@link JdkHttpExecutor}, so the
 * connection's timeouts and TLS settings apply to every service, not only to Keystone.
 */
public final class CloudSession {
    /** Renew the token when it expires within this margin. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final CloudConnection connection;
    private final Supplier<Token> authenticator;
    private final Clock clock;
    private final Config config;
    private Token token;
    private int authentications;

    CloudSession(CloudConnection connection, Supplier<Token> authenticator, Clock clock) {
        this.connection = connection;
        this.authenticator = authenticator;
        this.clock = clock;
        Config settings = Config.newConfig()
                .withConnectionTimeout(Math.toIntExact(connection.connectTimeout().toMillis()))
                .withReadTimeout(Math.toIntExact(connection.readTimeout().toMillis()));
        javax.net.ssl.SSLContext ssl = Tls.sslContext(connection);
        if (ssl != null) {
            settings = settings.withSSLContext(ssl);
        }
        if (connection.insecure()) {
            settings = settings.withSSLVerificationDisabled();
        }
        this.config = settings;
        JdkHttpExecutor.install();
    }

    /**
     * Authenticates now (so bad credentials fail here, with a clear message) and returns the session. Logs a
     * warning to {@code listener} when TLS verification is off.
     */
    public static CloudSession open(CloudConnection connection, ProgressListener listener) {
        if (connection.insecure()) {
            listener.progress("WARNING: TLS certificate verification is OFF for " + connection.authUrl()
                    + " (insecure): anyone on the network path can read the credentials; use a CA bundle instead");
        }
        KeystoneAuthenticator keystone = new KeystoneAuthenticator(connection);
        CloudSession session = new CloudSession(connection, keystone::authenticate, Clock.systemUTC());
        session.currentToken();
        return session;
    }

    public CloudConnection connection() {
        return connection;
    }

    /** A client for the calling thread, built from the shared token (renewed first if about to expire). */
    public OSClientV3 client() {
        Token current = currentToken();
        OSClientV3 client = OSFactory.clientFromToken(current, Facing.PUBLIC, config);
        if (connection.region() != null) {
            client.useRegion(connection.region());
        }
        return client;
    }

    /** The project the token is scoped to (owner of everything we create). */
    public String projectId() {
        Token current = currentToken();
        return current.getProject() == null ? null : current.getProject().getId();
    }

    /** The user the token belongs to. */
    public String userName() {
        Token current = currentToken();
        return current.getUser() == null ? null : current.getUser().getName();
    }

    /** When the current token expires. */
    public synchronized Instant tokenExpiry() {
        return token == null ? null : token.getExpires().toInstant();
    }

    /** How many times this session authenticated (first time plus renewals). */
    public synchronized int authentications() {
        return authentications;
    }

    synchronized Token currentToken() {
        if (token == null || !token.getExpires().toInstant().isAfter(clock.instant().plus(REFRESH_MARGIN))) {
            token = authenticator.get();
            authentications++;
        }
        return token;
    }

    @Override
    public String toString() {
        return "CloudSession[" + connection.authUrl() + ", " + connection.credentials() + "]";
    }
}
