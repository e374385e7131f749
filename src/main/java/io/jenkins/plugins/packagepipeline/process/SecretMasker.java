package io.jenkins.plugins.packagepipeline.process;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of the given secrets by {@code ****}, longest first so that a secret containing
 * another is masked whole. Everything the engine writes to a log, a report or an exception message about a
 * command that saw a secret goes through one of these.
 */
public final class SecretMasker {
    public static final String MASK = "****";
    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> secrets;

    private SecretMasker(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static SecretMasker of(Collection<String> secrets) {
        return secrets.isEmpty() ? NONE : new SecretMasker(secrets);
    }

    public static SecretMasker of(String... secrets) {
        return of(List.of(secrets));
    }

    public static SecretMasker none() {
        return NONE;
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A masker that hides this one's secrets and the given ones. */
    public SecretMasker with(Collection<String> more) {
        List<String> all = new java.util.ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }
}
