package io.jenkins.plugins.packagepipeline.jenkins.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.jenkins.build.BuildPackageStep;
import io.jenkins.plugins.packagepipeline.jenkins.cloud.SnapshotInstanceStep;
import io.jenkins.plugins.packagepipeline.jenkins.repo.ImportBuildStep;
import io.jenkins.plugins.packagepipeline.jenkins.repo.PublishRepoStep;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The list arguments' text areas (packages, builds, labels) as the Snippet Generator and a Freestyle form submit
 * them (JSON, read with json-lib as Jenkins reads it), turned into the lists the steps' setters take.
 */
class ListFieldTest {

    private static final ListField PACKAGES = ListField.names("packages");
    private static final ListField LABELS = ListField.labels("labels");

    @Test
    void namesOneALineOrSeparatedByCommasAndSpacesBlankLinesSkipped() {
        assertEquals(List.of("hello", "world", "openstack-nova", "python-foo"),
                PACKAGES.parse("hello\r\n\n  world  \n\nopenstack-nova, python-foo\n"));
        assertEquals(List.of("a", "b"), PACKAGES.parse("a\na\nb"));
    }

    @Test
    void wholeLinesKeepTheirSpacesAndCommas() {
        ListField from = ListField.wholeLines("from");
        assertEquals(List.of("worker 1/repos", "https://worker-2.example.org/a,b/", "/srv/out"),
                from.parse("  worker 1/repos \r\n\nhttps://worker-2.example.org/a,b/\n/srv/out\n/srv/out\n"));
        JSONObject bound = from.bind(JSONObject.fromObject("{\"target\": \"trunk\", \"from\": \"a b\\nc\"}"));
        assertEquals(JSONArray.fromObject(List.of("a b", "c")), bound.get("from"));
        ImportBuildStep step = new ImportBuildStep(bound.getString("target"), strings(bound.getJSONArray("from")));
        assertEquals("a b\nc", ListField.lines(step.getFrom()), "what the form shows again");
    }

    @Test
    void blankTextIsNoList() {
        assertEquals(List.of(), PACKAGES.parse(null));
        assertEquals(List.of(), PACKAGES.parse(" \n\t\n"));
        assertEquals(List.of(), LABELS.parse(""));
    }

    @Test
    void labelsOneALineValuesKeepTheirSpacesAndCommas() {
        assertEquals(List.of("trunk", "commit=3f7a9c1", "note=nightly, from CI"),
                LABELS.parse("\n trunk \n\ncommit=3f7a9c1\r\nnote=nightly, from CI\n"));
    }

    @Test
    void aBadLabelIsNamedWithItsLine() {
        PackagePipelineException bad = assertThrows(PackagePipelineException.class,
                () -> LABELS.parse("trunk\n\ntrunk commit=3f7a9c1\n"));
        assertTrue(bad.getMessage().startsWith("Labels, line 3 'trunk commit=3f7a9c1': "), bad.getMessage());
        assertTrue(bad.getMessage().contains("the key 'trunk commit'"), bad.getMessage());
        assertTrue(bad.getMessage().endsWith("Write one label a line."), bad.getMessage());
        PackagePipelineException twice = assertThrows(PackagePipelineException.class,
                () -> LABELS.parse("trunk\ntrunk=yes"));
        assertTrue(twice.getMessage().contains("'trunk' is given twice"), twice.getMessage());
    }

    @Test
    void theCheckOfTheFieldSaysTheSame() {
        assertFalse(LABELS.check("trunk\ncommit=1").isError());
        FieldCheck check = LABELS.check("ok\n=x");
        assertTrue(check.isError());
        assertTrue(check.message().startsWith("Labels, line 2 '=x': "), check.message());
        assertFalse(PACKAGES.check("anything at all, even ; signs").isError());
    }

    @Test
    void theSubmittedTextBecomesAJsonArrayTheSetterTakes() {
        JSONObject form = JSONObject.fromObject("{\"target\": \"trunk\", \"packages\": \"hello\\nworld\\n\","
                + " \"stapler-class\": \"io.jenkins.plugins.packagepipeline.jenkins.repo.PublishRepoStep\"}");
        JSONObject bound = PACKAGES.bind(form);

        assertEquals(JSONArray.fromObject(List.of("hello", "world")), bound.get("packages"));
        assertEquals("trunk", bound.get("target"));
        assertEquals("hello\nworld\n", form.get("packages"), "the submitted form itself is left as it was");

        // What Stapler then does for the data-bound setter: a JSON array becomes a list of its items.
        PublishRepoStep step = new PublishRepoStep(bound.getString("target"));
        step.setPackages(strings(bound.getJSONArray("packages")));
        assertEquals(List.of("hello", "world"), step.getPackages());
    }

    @Test
    void anEmptyFieldIsLeftOutSoTheArgumentKeepsItsDefault() {
        JSONObject bound = PACKAGES.bind(JSONObject.fromObject("{\"catalog\": \"c.yaml\", \"packages\": \" \\n\"}"));
        assertFalse(bound.has("packages"));
        assertEquals("c.yaml", bound.get("catalog"));

        BuildPackageStep step = new BuildPackageStep();
        assertEquals(null, step.getPackages(), "no packages: the generated Groovy leaves the argument out");
        assertEquals("", ListField.lines(step.getPackages()));
    }

    @Test
    void aFormWithoutTheFieldOrAlreadyAListIsTakenAsItIs() {
        JSONObject without = JSONObject.fromObject("{\"target\": \"trunk\"}");
        assertSame(without, PACKAGES.bind(without));
        JSONObject list = JSONObject.fromObject("{\"packages\": [\"a\", \"b\"]}");
        assertSame(list, PACKAGES.bind(list));
    }

    @Test
    void aBadLabelFailsTheBinding() {
        JSONObject form = JSONObject.fromObject("{\"labels\": \"trunk\\nbad key=1\"}");
        PackagePipelineException bad = assertThrows(PackagePipelineException.class, () -> LABELS.bind(form));
        assertTrue(bad.getMessage().startsWith("Labels, line 2 'bad key=1'"), bad.getMessage());
    }

    @Test
    void anItemTheFormsJsonWouldReadAsAnotherValueIsRefusedByNameNotBoundWrong() {
        JSONObject form = JSONObject.fromObject("{\"labels\": \"trunk\\nnull\"}");
        PackagePipelineException e = assertThrows(PackagePipelineException.class, () -> LABELS.bind(form));
        assertEquals("The labels item 'null' cannot be typed in this form (the form's JSON reads it as a JSON value):"
                + " give it in the Jenkinsfile.", e.getMessage());
    }

    @Test
    void whatTheFormShowsAgainIsWhatWasTyped() {
        JSONObject bound = LABELS.bind(JSONObject.fromObject("{\"labels\": \"trunk\\n\\ncommit=3f7a9c1\"}"));
        SnapshotInstanceStep step = new SnapshotInstanceStep("rdo", "srv");
        step.setLabels(strings(bound.getJSONArray("labels")));
        assertEquals(List.of("trunk", "commit=3f7a9c1"), step.getLabels());
        assertEquals("trunk\ncommit=3f7a9c1", ListField.lines(step.getLabels()));
        assertEquals(step.getLabels(), LABELS.parse(ListField.lines(step.getLabels())));
    }

    private static List<String> strings(JSONArray array) {
        List<String> items = new ArrayList<>();
        for (Object item : array) {
            items.add((String) item);
        }
        return items;
    }
}
