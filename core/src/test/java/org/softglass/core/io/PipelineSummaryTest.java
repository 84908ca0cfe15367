package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PipelineSummary: the fields of report/summary.json its readers use, as the pipeline writes them; the rest ignored. */
class PipelineSummaryTest {
    @TempDir Path dir;

    @Test
    void readsSettingsModelAndMdAndIgnoresTheRest() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, """
                {"schema":"softglass.pipeline-summary/1","version":"x","settings":{"preset":"p","model":"ka","n":1000,"temperatures":[0.6,null],
                 "dt":0.005,"train_temperatures":0.47,"pc":0.6,"p_stable":null,"features":"radial"},
                 "md":[{"T":0.6,"tau_alpha_fs02":40.0,"pressure":null},{"T":0.5,"tau_alpha_fs02":null}],
                 "softness_model":{"samples":1000,"cv_accuracy":0.85,"train_accuracy":0.9},"fallbacks":[]}
                """);
        PipelineSummary s = PipelineSummary.read(f);
        PipelineSummary.Settings st = s.settings();
        assertEquals("ka", st.model());
        assertEquals(1000, st.n());
        assertArrayEquals(new double[] {0.6, Double.NaN}, PipelineSummary.doubles(st.temperatures()));
        assertArrayEquals(new double[] {0.47}, PipelineSummary.doubles(st.trainTemperatures()), "one number is a list of one");
        assertEquals(0.6, st.pc());
        assertTrue(Double.isNaN(st.pStable()) && Double.isNaN(st.tauC()), "null and missing are NaN");
        assertNull(st.pR());
        assertEquals("radial", st.features());
        assertEquals(0.85, s.softnessModel().cvAccuracy());
        assertEquals(1000.0, s.softnessModel().samples());
        assertEquals(40.0, s.md().get(0).tauAlphaFs02());
        assertNull(s.md().get(1).tauAlphaFs02());
    }

    @Test
    void anotherSchemaOrNotJsonIsRefusedNamingTheFile() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "{\"schema\":\"softglass.other/1\"}");
        assertEquals(f + ": field 'schema' missing or invalid, expected \"softglass.pipeline-summary/1\"",
                assertThrows(InputFormatException.class, () -> PipelineSummary.read(f)).getMessage());
        Files.writeString(f, "{");
        assertTrue(assertThrows(InputFormatException.class, () -> PipelineSummary.read(f)).getMessage().startsWith(f + ": not valid JSON ("));
        Files.writeString(f, "{\"schema\":\"softglass.pipeline-summary/1\"}");
        assertNull(PipelineSummary.read(f).settings(), "no settings block: the caller names what it needs");
    }
}
