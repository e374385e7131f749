package io.jenkins.plugins.packagepipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The offline build must build what the canonical pom.xml builds: every library the root POM declares outside the
 * Jenkins ecosystem is declared by offline/plugin/pom.xml too, with the same version.
 */
class PomDriftTest {
    private static final Path ROOT = ProjectFiles.root();

    /** groupId:artifactId -> resolved version, for direct dependencies outside Jenkins' own groups. */
    static Map<String, String> libraries(Path pom, Map<String, String> properties) throws Exception {
        Element project = parse(pom).getDocumentElement();
        Map<String, String> libraries = new LinkedHashMap<>();
        for (Element dependency : children(child(project, "dependencies"), "dependency")) {
            String groupId = text(dependency, "groupId");
            if (groupId.startsWith("org.jenkins-ci") || groupId.startsWith("io.jenkins")) {
                continue;
            }
            String version = text(dependency, "version");
            libraries.put(groupId + ":" + text(dependency, "artifactId"), resolve(version, properties, pom));
        }
        return libraries;
    }

    static Map<String, String> properties(Path... poms) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path pom : poms) {
            Element props = child(parse(pom).getDocumentElement(), "properties");
            if (props != null) {
                for (Element p : children(props, null)) {
                    properties.put(p.getTagName(), p.getTextContent().trim());
                }
            }
        }
        return properties;
    }

    @Test
    void offlineBuildDeclaresEveryLibraryOfTheCanonicalPomWithTheSameVersion() throws Exception {
        Path rootPom = ROOT.resolve("pom.xml");
        Path offlinePom = ROOT.resolve("offline/plugin/pom.xml");
        Map<String, String> canonical = libraries(rootPom, properties(rootPom));
        Map<String, String> offline = libraries(offlinePom, properties(ROOT.resolve("offline/pom.xml"), offlinePom));
        assertFalse(canonical.isEmpty(), "no libraries read from " + rootPom);

        List<String> drift = new ArrayList<>();
        canonical.forEach((library, version) -> {
            String offlineVersion = offline.get(library);
            if (offlineVersion == null) {
                drift.add(library + " " + version + " is missing from offline/plugin/pom.xml");
            } else if (!offlineVersion.equals(version)) {
                drift.add(library + " is " + version + " in pom.xml but " + offlineVersion + " offline");
            }
        });
        assertTrue(drift.isEmpty(), "The two POMs drifted apart:\n  " + String.join("\n  ", drift));
    }

    @Test
    void sharedVersionPropertiesAreEqual() throws Exception {
        Map<String, String> canonical = properties(ROOT.resolve("pom.xml"));
        Map<String, String> offline = properties(ROOT.resolve("offline/pom.xml"));
        Set<String> shared = new TreeSet<>(canonical.keySet());
        shared.retainAll(offline.keySet());
        shared.removeIf(name -> !name.endsWith(".version") || name.startsWith("jenkins."));
        assertTrue(shared.size() >= 5, "expected the library version properties in both POMs, found " + shared);
        for (String name : shared) {
            assertEquals(canonical.get(name), offline.get(name), "property " + name);
        }
    }

    @Test
    void driftIsDetected() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(properties(ROOT.resolve("pom.xml")));
        Map<String, String> before = libraries(ROOT.resolve("pom.xml"), properties);
        properties.put("jgit.version", "0.0.1");
        assertFalse(before.equals(libraries(ROOT.resolve("pom.xml"), properties)),
                "changing a version property must change the resolved libraries");
    }

    private static String resolve(String version, Map<String, String> properties, Path pom) {
        if (version.isEmpty()) {
            throw new AssertionError("a library without a version in " + pom);
        }
        if (version.startsWith("${") && version.endsWith("}")) {
            String value = properties.get(version.substring(2, version.length() - 1));
            if (value == null) {
                throw new AssertionError("undefined property " + version + " in " + pom);
            }
            return value;
        }
        return version;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent, name)) {
            return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }
}
