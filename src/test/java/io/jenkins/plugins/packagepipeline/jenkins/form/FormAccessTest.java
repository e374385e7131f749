package io.jenkins.plugins.packagepipeline.jenkins.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormAccessTest {

    /** Records the order of the calls: the permission question, then what was done. */
    private final List<String> calls = new ArrayList<>();

    private FormAccess access(boolean allowed) {
        return new FormAccess(() -> {
            calls.add("permission");
            return allowed;
        });
    }

    @Test
    void anAllowedRequesterGetsTheFullListAfterThePermissionCheck() {
        String list = access(true).list(() -> {
            calls.add("full list");
            return "all credentials";
        }, () -> {
            calls.add("current value");
            return "current";
        });
        assertEquals("all credentials", list);
        assertEquals(List.of("permission", "full list"), calls);
    }

    @Test
    void aRequesterNotAllowedNeverTriggersTheFullList() {
        String list = access(false).list(() -> {
            calls.add("full list");
            return "all credentials";
        }, () -> {
            calls.add("current value");
            return "current";
        });
        assertEquals("current", list);
        assertEquals(List.of("permission", "current value"), calls);
    }

    @Test
    void checksRunOnlyForAllowedRequesters() {
        FieldCheck error = FieldCheck.error("bad");
        assertSame(error, access(true).check(() -> {
            calls.add("check");
            return error;
        }));
        assertEquals(List.of("permission", "check"), calls);
        calls.clear();
        assertEquals(FieldCheck.ok(), access(false).check(() -> {
            calls.add("check");
            return error;
        }));
        assertEquals(List.of("permission"), calls);
    }
}
