package io.jenkins.plugins.packagepipeline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS trust for a {@link CloudConnection}: JVM default, a PEM CA bundle, or (explicitly) none. */
final class Tls {
    private Tls() {
    }

    /** The trust manager to use, or {@code null} for the JVM's default trust. */
    static X509TrustManager trustManager(CloudConnection connection) {
        if (connection.insecure()) {
            return new TrustEverything();
        }
        if (connection.caBundle() == null) {
            return null;
        }
        Path bundle = connection.caBundle();
        try (InputStream in = Files.newInputStream(bundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CloudException(CloudException.Kind.AUTHENTICATION,
                        "CA bundle '" + bundle + "' holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new CloudException(CloudException.Kind.AUTHENTICATION, "The JVM offers no X.509 trust manager to"
                    + " trust the CA bundle '" + bundle + "' with; use a JVM with the standard TLS providers");
        } catch (IOException | GeneralSecurityException e) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION,
                    "Cannot read the CA bundle '" + bundle + "': " + e.getMessage(), e);
        }
    }

    /** An SSL context trusting what {@link #trustManager} says, or {@code null} for the JVM default. */
    static SSLContext sslContext(CloudConnection connection) {
        X509TrustManager trust = trustManager(connection);
        if (trust == null) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new CloudException(CloudException.Kind.AUTHENTICATION, "Cannot set up TLS for " + connection.authUrl()
                    + (connection.caBundle() == null ? "" : " with the CA bundle '" + connection.caBundle() + "'")
                    + ": " + e.getMessage() + "; use a JVM with the standard TLS providers", e);
        }
    }

    /** Used only when the user asked for {@code insecure}; a warning is logged each time. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
