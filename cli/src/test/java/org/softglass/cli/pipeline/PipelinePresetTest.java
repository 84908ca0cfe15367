package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The built-in presets read from studies/*.yaml have exactly the settings the presets had when they were written in
 * code ({@code presets-settings.json}, recorded from that code when they became study files): every field of
 * {@link PipelinePreset#asMap()}, hence every pipeline item's fingerprint, so runs made before resume and skip as before.
 */
class PipelinePresetTest {
    @Test
    void studyFilesHoldTheSettingsOfTheCodedPresets() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode want;
        try (InputStream in = PipelinePresetTest.class.getResourceAsStream("/presets-settings.json")) {
            want = json.readTree(in);
        }
        assertEquals(PipelinePreset.NAMES.length, want.size());
        for (String name : PipelinePreset.NAMES) {
            PipelinePreset p = PipelinePreset.byName(name);
            assertEquals(want.get(name), json.readTree(json.writeValueAsString(p.asMap())), name);   // both parsed from text
            assertEquals(want.get(name).get("production_steps").size(), p.temperatures().length, name);
            // 'softglass study studies/NAME.yaml' reads the same file into the same settings, with no trajectories of the user's
            StudyPlan plan = StudyPlan.of(java.nio.file.Path.of("..", "studies", name + ".yaml"));
            assertEquals(json.writeValueAsString(p.asMap()), json.writeValueAsString(plan.preset().asMap()), name);
            org.junit.jupiter.api.Assertions.assertNull(plan.inputs(), name);
        }
    }
}
