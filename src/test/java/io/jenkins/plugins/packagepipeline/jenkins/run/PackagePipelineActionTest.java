package io.jenkins.plugins.packagepipeline.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePipelineActionTest {

    @Test
    void anActionSavedBeforePurgesWereRecordedLoadsWithNone() throws Exception {
        PackagePipelineAction action = new PackagePipelineAction();
        Field purges = PackagePipelineAction.class.getDeclaredField("purges");
        purges.setAccessible(true);
        purges.set(action, null); // as XStream leaves a field that the saved XML does not have

        assertEquals(List.of(), action.getPurges());
        assertEquals(List.of(), action.getBuilds());
    }

    @Test
    void anActionSavedBeforeImportsWereRecordedLoadsWithNone() throws Exception {
        PackagePipelineAction action = new PackagePipelineAction();
        Field imports = PackagePipelineAction.class.getDeclaredField("imports");
        imports.setAccessible(true);
        imports.set(action, null);

        assertEquals(List.of(), action.getImports());
    }
}
