package io.jenkins.plugins.packagepipeline.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Cloud-init user-data as Nova wants it: base64 of at most {@link #NOVA_LIMIT} characters. Text above
 * {@link #GZIP_ABOVE} bytes is gzip-compressed first (cloud-init recognises gzip data); what is still too large is
 * refused with a message that says how large it is and what to do, instead of Nova's 400.
 */
public final class UserData {
    /** Nova's limit on the base64-encoded user_data field, in characters. */
    public static final int NOVA_LIMIT = 65535;
    /** Raw size above which the text is compressed (some providers choke beyond 16 KiB). */
    public static final int GZIP_ABOVE = 16 * 1024;

    private final String base64;
    private final boolean compressed;
    private final int rawBytes;

    private UserData(String base64, boolean compressed, int rawBytes) {
        this.base64 = base64;
        this.compressed = compressed;
        this.rawBytes = rawBytes;
    }

    /** Encodes {@code content}; {@code source} names it in errors (a file name, "user-data text"). */
    public static UserData encode(byte[] content, String source) {
        boolean compress = content.length > GZIP_ABOVE;
        byte[] payload = compress ? gzip(content) : content;
        String encoded = Base64.getEncoder().encodeToString(payload);
        if (encoded.length() > NOVA_LIMIT) {
            throw new CloudException(CloudException.Kind.INVALID_REQUEST, "User-data " + source + " is too large: "
                    + content.length + " bytes" + (compress ? ", " + payload.length + " bytes gzip-compressed" : "")
                    + ", " + encoded.length() + " characters in base64, above Nova's limit of " + NOVA_LIMIT
                    + " characters. Move the bulk into a package or a file fetched by the instance at boot.");
        }
        return new UserData(encoded, compress, content.length);
    }

    public String base64() {
        return base64;
    }

    public boolean compressed() {
        return compressed;
    }

    public int rawBytes() {
        return rawBytes;
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
