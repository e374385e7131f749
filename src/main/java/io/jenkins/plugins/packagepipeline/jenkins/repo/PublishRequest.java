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
 */
public record PublishRequest(String target, String dataDirectory, String publicBaseUrl, String armoredSigningKey)
        implements Serializable {

    @Override
    public String toString() {
        return "PublishRequest[target=" + target + ", dataDirectory=" + dataDirectory + ", publicBaseUrl="
                + publicBaseUrl + ", signed=" + (armoredSigningKey != null) + "]";
    }
}
