package org.softglass.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table and JSON rendering, including a failing row (a real check judged against a shifted reference). */
class ReportTest {

    @Test
    void tableShowsPassAndFailAligned(@TempDir Path dir) throws Exception {
        Context ctx = Checked.context(dir);
        Check energy = Checks.byName("lammps.is-energy");
        Result ok = energy.run(ctx);
        Result bad = energy.withExpectedShift(1.0).run(ctx);
        Result p = new Check("x.p-value", "a p-value", false, Check.Comparison.AT_LEAST, c -> new Measurement(1e-3, 0.25, Double.NaN, "")).run(ctx);
        String[] lines = Report.table(List.of(ok, bad, p)).split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[1].endsWith("pass") && lines[2].endsWith("FAIL") && lines[3].endsWith("pass"), String.join("\n", lines));
        assertTrue(lines[2].contains("-6.55542"), "shifted expected value shown: " + lines[2]);
        assertTrue(lines[3].contains(">= 0.001") && lines[3].contains("0.25"), lines[3]);
        int col = lines[0].indexOf("result");
        for (int i = 1; i < lines.length; i++) assertEquals(col, lines[i].length() - 4, "aligned: " + lines[i]);
    }

    @Test
    void numbersKeepSixDigitsOrUseExponents() {
        assertEquals("-4.654", Report.number(-4.654));
        assertEquals("19.32", Report.number(19.32));
        assertEquals("1.000e-06", Report.number(1e-6));
        assertEquals("0", Report.number(0));
        assertEquals("nan", Report.number(Double.NaN));
        assertEquals("0.0205", Report.tolerance(0.0204563));
        assertEquals("0.13", Report.tolerance(0.130177));
        assertEquals("7.555e-06", Report.tolerance(7.555e-6));
    }

    @Test
    void jsonWritesNullForNaNAndAllPassFalseOnFailure(@TempDir Path dir) throws Exception {
        Context ctx = Checked.context(dir);
        Result nan = new Check("x.nan", "broken", false, Check.Comparison.WITHIN, c -> new Measurement(0, Double.NaN, 1, "nothing")).run(ctx);
        Path json = dir.resolve("r.json");
        Report.writeJson(json, Map.of("set", "test"), List.of(nan));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(Report.SCHEMA, root.get("schema").asText());
        assertFalse(root.get("all_pass").asBoolean());
        assertTrue(root.get("checks").get(0).get("measured").isNull());
        assertEquals("within", root.get("checks").get(0).get("comparison").asText());
    }
}
