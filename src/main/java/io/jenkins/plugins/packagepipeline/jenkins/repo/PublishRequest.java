package io.jenkins.plugins.packagepipeline.jenkins.repo;

import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.process.SecretMasker;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code publishRepo} asks the agent holding a repo target's data directory to do. It crosses the agent
 * channel, so it carries the signing key, its passphrase and the build database's password (the channel is the one
 * Jenkins trusts with build secrets); it is never written anywhere and {@link #toString()} shows no secret.
 *
 * @param target the repo target's name (also the repository id in {@code .repo} files)
 * @param dataDirectory the absolute data directory on the agent
 * @param publicBaseUrl where the data directory's {@code repos} directory is served, or null
 * @param signing the key that signs, or null for an unsigned repository
 * @param mirror where to mirror the repos after publishing, or null
 * @param database where the build database is
 * @param selection which builds to publish
 * @param options how the repositories are published (SRPMs, components, tool timeout)
 */
public record PublishRequest(String target, String dataDirectory, String publicBaseUrl, Signing signing,
        Mirror mirror, BuildDatabase database, PublishSelection selection, PublishOptions options)
        implements Serializable {

    public PublishRequest {
        database = database == null ? BuildDatabase.inDataDirectory() : database;
        selection = selection == null ? PublishSelection.latest() : selection;
        options = options == null ? PublishOptions.defaults() : options;
    }

    /** A request with the default {@link PublishOptions}. */
    public PublishRequest(String target, String dataDirectory, String publicBaseUrl, Signing signing, Mirror mirror,
            BuildDatabase database, PublishSelection selection) {
        this(target, dataDirectory, publicBaseUrl, signing, mirror, database, selection, null);
    }

    /** An unmirrored publish of every package's latest build, signed by a key without passphrase (or unsigned). */
    public PublishRequest(String target, String dataDirectory, String publicBaseUrl, String armoredSigningKey) {
        this(target, dataDirectory, publicBaseUrl, armoredSigningKey == null ? null
                : new Signing(armoredSigningKey, null), null, null, null);
    }

    public PublishRequest withSigning(Signing newSigning) {
        return new PublishRequest(target, dataDirectory, publicBaseUrl, newSigning, mirror, database, selection,
                options);
    }

    public PublishRequest withMirror(Mirror newMirror) {
        return new PublishRequest(target, dataDirectory, publicBaseUrl, signing, newMirror, database, selection,
                options);
    }

    public PublishRequest withDatabase(BuildDatabase newDatabase) {
        return new PublishRequest(target, dataDirectory, publicBaseUrl, signing, mirror, newDatabase, selection,
                options);
    }

    public PublishRequest withSelection(PublishSelection newSelection) {
        return new PublishRequest(target, dataDirectory, publicBaseUrl, signing, mirror, database, newSelection,
                options);
    }

    public PublishRequest withOptions(PublishOptions newOptions) {
        return new PublishRequest(target, dataDirectory, publicBaseUrl, signing, mirror, database, selection,
                newOptions);
    }

    /** Hides every secret of this request (passphrase, database password) in console lines and messages. */
    public SecretMasker masker() {
        List<String> secrets = new ArrayList<>();
        if (signing != null && signing.passphrase() != null) {
            secrets.add(signing.passphrase());
        }
        if (database.password() != null) {
            secrets.add(database.password());
        }
        return SecretMasker.of(secrets);
    }

    /**
     * The signing key and its passphrase, as the target's credentials hold them.
     *
     * @param armoredKey the ASCII-armored OpenPGP secret key
     * @param passphrase its passphrase, or null when it has none
     */
    public record Signing(String armoredKey, String passphrase) implements Serializable {
        /** The passphrase as the engine takes it (a fresh array, which the engine wipes). */
        char[] passphraseChars() {
            return passphrase == null ? new char[0] : passphrase.toCharArray();
        }

        @Override
        public String toString() {
            return "Signing[key=****, passphrase=" + (passphrase == null ? "none" : "****") + "]";
        }
    }

    /**
     * The secondary to mirror to with rsync over SSH.
     *
     * @param destination {@code [user@]host:/absolute/path}
     * @param port its SSH port
     * @param privateKey the SSH private key, or null for the agent user's own keys
     * @param knownHosts known_hosts lines with its host key, or null for the agent user's known_hosts
     * @param keyCredentialsId the id of the credentials holding the key, for messages, or null
     */
    public record Mirror(String destination, int port, String privateKey, String knownHosts, String keyCredentialsId)
            implements Serializable {

        /** A mirror whose key's credentials are not named in messages. */
        public Mirror(String destination, int port, String privateKey, String knownHosts) {
            this(destination, port, privateKey, knownHosts, null);
        }

        @Override
        public String toString() {
            return "Mirror[" + destination + ", port " + port + ", key=" + (privateKey == null ? "none" : "****")
                    + "]";
        }
    }

    @Override
    public String toString() {
        return "PublishRequest[target=" + target + ", dataDirectory=" + dataDirectory + ", publicBaseUrl="
                + publicBaseUrl + ", signing=" + signing + ", mirror=" + mirror + ", database=" + database
                + ", selection=" + selection + ", options=" + options + "]";
    }
}
