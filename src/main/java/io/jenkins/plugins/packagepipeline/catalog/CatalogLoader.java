package io.jenkins.plugins.packagepipeline.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads and validates a catalog file:
 *
 * <pre>{@code
 * releases:
 *   - name: trunk                 # the first release is the default
 *     source-branch: main
 *     distgit-branch: rpm-main
 * packages:
 *   - name: hello                 # the spec is hello.spec at the distgit's root
 *     project: hello              # optional, defaults to the name
 *     upstream: https://git.example.org/hello.git
 *     distgit: https://git.example.org/rpms/hello.git
 *     maintainers: [trunk@example.org]
 *     component: tools            # optional
 *     tags:                       # optional: the releases it is in, each may pin branches
 *       trunk:
 *       stable: {source-branch: v1.2.0, distgit-branch: rpm-stable}
 * }</pre>
 *
 * Every problem is collected, then reported at once, each naming the file, the package and the field.
 */
public final class CatalogLoader {
    private static final Set<String> TOP_FIELDS = Set.of("releases", "packages");
    private static final Set<String> RELEASE_FIELDS = Set.of("name", "source-branch", "distgit-branch");
    private static final Set<String> PACKAGE_FIELDS = Set.of("name", "project", "upstream", "distgit", "maintainers",
            "component", "tags");
    private static final Set<String> PIN_FIELDS = Set.of("source-branch", "distgit-branch");

    private final YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Loads the catalog in this file.
     *
     * @throws PackagePipelineException listing every problem found, or when the file cannot be read
     */
    public static Catalog load(Path file) {
        return new CatalogLoader().read(file);
    }

    private Catalog read(Path file) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new PackagePipelineException("Catalog " + file + " does not exist.");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getOriginalMessage().contains(" line ") ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new PackagePipelineException("Catalog " + file + " is not valid YAML" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackagePipelineException("Cannot read the catalog " + file + ": " + e.getMessage(), e);
        }
        Problems problems = new Problems(file);
        if (root == null || !root.isObject()) {
            problems.add("", "", "must be a mapping with 'releases' and 'packages'");
            throw problems.exception();
        }
        unknownFields(root, TOP_FIELDS, problems, "");
        List<Release> releases = releases(root.get("releases"), problems);
        Set<String> releaseNames = new HashSet<>();
        releases.forEach(r -> releaseNames.add(r.name()));
        List<CatalogPackage> packages = packages(root.get("packages"), releaseNames, problems,
                file.toAbsolutePath().getParent());
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return new Catalog(file, releases, packages);
    }

    private List<Release> releases(JsonNode node, Problems problems) {
        List<Release> releases = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("", "releases", "must be a non-empty list of releases");
            return releases;
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : node) {
            index++;
            String where = "release #" + index + " ";
            if (!entry.isObject()) {
                problems.add(where, "", "must be a mapping");
                continue;
            }
            String name = text(entry, "name", problems, where, true);
            if (name != null) {
                where = "release '" + name + "' ";
                if (!SafeName.isSafe(name)) {
                    problems.add(where, "name", "'" + name + "' is not a safe name: " + SafeName.rule());
                } else if (!seen.add(name)) {
                    problems.add(where, "name", "is a duplicate: each release name must appear once");
                }
            }
            unknownFields(entry, RELEASE_FIELDS, problems, where);
            String source = branch(entry, "source-branch", problems, where, true);
            String distgit = branch(entry, "distgit-branch", problems, where, true);
            releases.add(new Release(name, source, distgit));
        }
        return releases;
    }

    private List<CatalogPackage> packages(JsonNode node, Set<String> releaseNames, Problems problems, Path base) {
        List<CatalogPackage> packages = new ArrayList<>();
        if (node == null || !node.isArray()) {
            problems.add("", "packages", "must be a list of packages");
            return packages;
        }
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode entry : node) {
            index++;
            String where = "package #" + index + " ";
            if (!entry.isObject()) {
                problems.add(where, "", "must be a mapping");
                continue;
            }
            String name = text(entry, "name", problems, where, true);
            if (name != null) {
                where = "package '" + name + "' ";
                if (!SafeName.isSafe(name)) {
                    problems.add(where, "name", "'" + name + "' is not a safe file name: " + SafeName.rule());
                } else if (!seen.add(name)) {
                    problems.add(where, "name", "is a duplicate: each package name must appear once");
                }
            }
            unknownFields(entry, PACKAGE_FIELDS, problems, where);
            String project = text(entry, "project", problems, where, false);
            String upstream = url(entry, "upstream", problems, where, base);
            String distgit = url(entry, "distgit", problems, where, base);
            String component = text(entry, "component", problems, where, false);
            if (component != null && !SafeName.isSafe(component)) {
                problems.add(where, "component", "'" + component + "' is not a safe name: " + SafeName.rule());
            }
            List<String> maintainers = maintainers(entry.get("maintainers"), problems, where);
            Map<String, Pin> tags = tags(entry.get("tags"), releaseNames, problems, where);
            packages.add(new CatalogPackage(name, project == null ? name : project, upstream, distgit, maintainers,
                    component, tags));
        }
        return packages;
    }

    private static String url(JsonNode entry, String field, Problems problems, String where, Path base) {
        String url = text(entry, field, problems, where, true);
        if (url == null) {
            return null;
        }
        String problem = GitUrl.problem(url);
        if (problem != null) {
            problems.add(where, field, problem);
            return null;
        }
        return GitUrl.resolve(url, base);
    }

    private static List<String> maintainers(JsonNode node, Problems problems, String where) {
        List<String> maintainers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return maintainers;
        }
        if (!node.isArray()) {
            problems.add(where, "maintainers", "must be a list of e-mail addresses");
            return maintainers;
        }
        for (JsonNode maintainer : node) {
            if (!maintainer.isTextual() || !maintainer.asText().contains("@")) {
                problems.add(where, "maintainers", "'" + maintainer.asText() + "' is not an e-mail address");
            } else {
                maintainers.add(maintainer.asText());
            }
        }
        return maintainers;
    }

    private static Map<String, Pin> tags(JsonNode node, Set<String> releaseNames, Problems problems, String where) {
        Map<String, Pin> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isObject()) {
            problems.add(where, "tags", "must map release names to pins (or nothing)");
            return tags;
        }
        node.fields().forEachRemaining(tag -> {
            String release = tag.getKey();
            String field = "tags." + release;
            if (!releaseNames.contains(release)) {
                problems.add(where, field, "names no release of the catalog (releases: "
                        + String.join(", ", releaseNames.stream().sorted().toList()) + ")");
            }
            JsonNode pin = tag.getValue();
            if (pin == null || pin.isNull()) {
                tags.put(release, Pin.RELEASE_DEFAULTS);
            } else if (!pin.isObject()) {
                problems.add(where, field, "must be a mapping with source-branch and/or distgit-branch");
            } else {
                unknownFields(pin, PIN_FIELDS, problems, where + field + ".");
                tags.put(release, new Pin(branch(pin, "source-branch", problems, where + field + ".", false),
                        branch(pin, "distgit-branch", problems, where + field + ".", false)));
            }
        });
        return tags;
    }

    private static String branch(JsonNode entry, String field, Problems problems, String where, boolean required) {
        String branch = text(entry, field, problems, where, required);
        if (branch != null && !Repository.isValidRefName("refs/heads/" + branch)) {
            problems.add(where, field, "'" + branch + "' is not a valid git branch or tag name");
            return null;
        }
        return branch;
    }

    private static String text(JsonNode entry, String field, Problems problems, String where, boolean required) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(where, field, "is missing");
            }
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problems.add(where, field, "must be a non-empty text");
            return null;
        }
        return value.asText().strip();
    }

    private static void unknownFields(JsonNode entry, Set<String> known, Problems problems, String where) {
        entry.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(where, field, "is unknown (known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    /** The problems found so far, each "file: where field 'x' what". */
    private static final class Problems {
        private final Path file;
        private final List<String> found = new ArrayList<>();

        Problems(Path file) {
            this.file = file;
        }

        void add(String where, String field, String problem) {
            found.add(file + ": " + where + (field.isEmpty() ? "" : "field '" + field + "' ") + problem);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        PackagePipelineException exception() {
            return new PackagePipelineException("Catalog " + file + " is invalid (" + found.size()
                    + (found.size() == 1 ? " problem" : " problems") + "):\n  " + String.join("\n  ", found));
        }
    }
}
