package io.jenkins.plugins.packagepipeline.repo.sign;

import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An OpenPGP secret key (ASCII-armored, as {@code gpg --armor --export-secret-keys} writes it) and its passphrase,
 * held in memory only: they come from Jenkins credentials or the command line's environment and are handed to gpg
 * over standard input, never through a file in clear, a command argument or a log. {@link #close()} wipes both
 * arrays; {@link #toString()} never shows them.
 */
public final class SigningKey implements AutoCloseable {
    private final byte[] armoredSecretKey;
    private final char[] passphrase;

    /**
     * @param armoredSecretKey the armored secret key block; copied
     * @param passphrase its passphrase, empty for a key without one; copied
     */
    public SigningKey(byte[] armoredSecretKey, char[] passphrase) {
        Objects.requireNonNull(armoredSecretKey, "armoredSecretKey");
        this.armoredSecretKey = armoredSecretKey.clone();
        this.passphrase = passphrase == null ? new char[0] : passphrase.clone();
    }

    public static SigningKey of(String armoredSecretKey, char[] passphrase) {
        return new SigningKey(armoredSecretKey.getBytes(StandardCharsets.US_ASCII), passphrase);
    }

    byte[] armoredSecretKey() {
        return armoredSecretKey.clone();
    }

    /** The passphrase as UTF-8 bytes, without an intermediate String (the caller should wipe the array). */
    byte[] passphraseBytes() {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    boolean hasPassphrase() {
        return passphrase.length > 0;
    }

    /** A masker hiding the passphrase, for everything written about commands that saw it. */
    public SecretMasker masker() {
        return passphrase.length == 0 ? SecretMasker.none() : SecretMasker.of(new String(passphrase));
    }

    @Override
    public void close() {
        Arrays.fill(armoredSecretKey, (byte) 0);
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "SigningKey[****]";
    }
}
