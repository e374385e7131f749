package io.jenkins.plugins.packagepipeline.git;

import java.nio.file.Path;

/**
 * How refreshing one repository into the cache ended: its local bare clone, or what went wrong.
 *
 * @param url the repository's URL as the catalog names it
 * @param directory the up-to-date bare clone, null when the refresh failed
 * @param error why it failed (naming the URL and the cause), null when it worked
 */
public record RefreshResult(String url, Path directory, String error) {

    public boolean succeeded() {
        return error == null;
    }
}
