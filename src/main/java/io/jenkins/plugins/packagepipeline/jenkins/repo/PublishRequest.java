package io.jenkins.plugins.packagepipeline.jenkins.repo;

import java.io.Serializable;

/**
 * What {@code publishRepo} asks the agent holding a repo target's data directory to do. It crosses the agent
 * channel, so it carries the signing key (the channel is the one Jenkins trusts with build secrets); it is never
 * written anywhere and {@link #toString()} does not show the key.
 *
 * @param target the repo target's name (also the repository id in {@code .repo} files)
 * @param dataDirectory the absolute data directory on the agent
 * @param publicBaseUrl where the data directory's {@code repos} directory is served, or null
 * @param armoredSigningKey the ASCII-armored secret key that signs, or null for an unsigned repository
 * @param mirror where to mirror the repos after publishing, or null
 */
public record PublishRequest(String target, String dataDirectory, String publicBaseUrl, String armoredSigningKey,
        Mirror mirror) implements Serializable {

    /** An unmirrored publish. */
    public PublishRequest(String target, String dataDirectory, String publicBaseUrl, String armoredSigningKey) {
        this(target, dataDirectory, publicBaseUrl, armoredSigningKey, null);
    }

    /**
     * The secondary to mirror to with rsync over SSH.
     *
     * @param destination {@code [user@]host:/absolute/path}
     * @param port its SSH port
     * @param privateKey the SSH private key, or null for the agent user's own keys
     * @param knownHosts known_hosts lines with its host key, or null for the agent user's known_hosts
     */
    public record Mirror(String destination, int port, String privateKey, String knownHosts) implements Serializable {
        @Override
        public String toString() {
            return "Mirror[" + destination + ", port " + port + ", key=" + (privateKey == null ? "none" : "****")
                    + "]";
        }
    }

    @Override
    public String toString() {
        return "PublishRequest[target=" + target + ", dataDirectory=" + dataDirectory + ", publicBaseUrl="
                + publicBaseUrl + ", signed=" + (armoredSigningKey != null) + ", mirror=" + mirror + "]";
    }
}
