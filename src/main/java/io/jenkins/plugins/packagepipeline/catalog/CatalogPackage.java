package io.jenkins.plugins.packagepipeline.catalog;

import java.util.List;
import java.util.Map;

/**
 * One package of the catalog, as written there (rdoinfo's package entry).
 *
 * @param name the package's name: the spec is {@code <name>.spec} at the root of the distgit
 * @param project the upstream project it packages (defaults to the name)
 * @param upstream the git URL of the upstream sources
 * @param distgit the git URL holding the spec
 * @param maintainers who to tell about its failures
 * @param component the component it belongs to, or null
 * @param tags the releases it is in, each with what it pins there; empty means every release with its defaults
 */
public record CatalogPackage(String name, String project, String upstream, String distgit, List<String> maintainers,
        String component, Map<String, Pin> tags) {

    public CatalogPackage {
        maintainers = List.copyOf(maintainers);
        tags = Map.copyOf(tags);
    }

    /** Whether the package is built in that release. */
    public boolean isIn(String release) {
        return tags.isEmpty() || tags.containsKey(release);
    }
}
