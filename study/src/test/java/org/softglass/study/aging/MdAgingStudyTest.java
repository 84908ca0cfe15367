package org.softglass.study.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/**
 * {@link MdAgingStudy} called from Java on a tiny KA system (N = 256, one replica, a few hundred steps) with the demo
 * softness model ({@code src/test/resources/aging/}): the table's shape, the factors' provenance in the bare parameter
 * names, and the refusals named by parameter before any MD is run. The physics is tested end to end by the command's test.
 */
class MdAgingStudyTest {
    @TempDir Path root;
    private static final StudyContext CTX = StudyContext.of(1, "test");

    static Path model() throws Exception {
        return Path.of(MdAgingStudyTest.class.getResource("/aging/ka-demo-model.json").toURI());
    }

    static MdAgingStudy.Quench quench(long equilibrate) {
        return new MdAgingStudy.Quench(1.0, List.of(1.0, 0.5), 256, null, 1, equilibrate, 20, 2.0, null, 0.005, 0.5, 0.01, 0.02, 1, false);
    }

    static MdAgingStudy.Curves noModels() { return new MdAgingStudy.Curves(null, true, 2000, 16, 4, 1e-2, 8); }

    @Test
    void mdOnlyRunWritesTheTableAndRecordsWhereTheFactorsCameFrom() throws Exception {
        Path out = root.resolve("a");
        MdAgingStudy.Request req = new MdAgingStudy.Request(model(), quench(40), noModels(), new MdAgingStudy.Matching(null, 2.0, null), 3, null);
        MdAgingStudy.Result r = MdAgingStudy.run(req, out, CTX);
        List<String> csv = Files.readAllLines(out.resolve("aging.csv"));
        assertEquals(MdAgingStudy.CSV_HEADER, csv.getFirst());
        assertEquals(r.rows(), csv.size() - 1);
        assertEquals(0, r.rows() % 2, "the same waiting times for both T_F");
        assertEquals(2, r.summaries().size());
        assertTrue(r.summaries().getFirst().startsWith("T_F=1.00: <S>_MD(0)="), r.summaries().getFirst());
        assertEquals(new TimeMatch(2.0, true, "trapFactor"), r.trap(), "an explicit factor, named as the request names it");
        assertEquals(new TimeMatch(1, false, "none (no summary)"), r.trsp());
        for (String row : csv.subList(1, csv.size())) {
            String[] c = row.split(",", -1);
            assertEquals("1", c[4], "one replica");
            assertTrue(c[5].isEmpty() && c[6].isEmpty(), "no model curves: " + row);
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("aging.json").toFile());
        assertEquals(MdAgingStudy.SCHEMA, j.get("schema").asText());
        assertEquals("thermal", j.path("settings").path("positions").asText());
        assertEquals("matched", j.path("time_matching").path("label").asText());
        assertFalse(j.has("models"));
        assertTrue(Files.exists(out.resolve("manifest.json")) && Files.size(out.resolve("aging.png")) > 0);

        // other settings in the same directory are refused, named by the parameter
        var other = assertThrows(InvalidParameter.class, () -> MdAgingStudy.run(
                new MdAgingStudy.Request(model(), quench(60), noModels(), MdAgingStudy.Matching.none(), 3, null), out, CTX));
        assertTrue(other.getMessage().startsWith("out: ") && other.getMessage().contains("other settings"), other.getMessage());
        assertEquals("{out}", other.template().substring(0, 5));
    }

    @Test
    void badParametersAreRefusedByNameBeforeAnyMd() throws Exception {
        var lattice = assertThrows(InvalidParameter.class, () -> new MdAgingStudy.Curves(null, true, 2000, 200, 4, 1e-2, 8));
        assertEquals("trspL must be in [2, 128], got 200", lattice.getMessage());
        var tf = assertThrows(InvalidParameter.class, () -> new MdAgingStudy.Quench(1.0, List.of(0.0), 256, null, 1, 0, 0, 2.0, null, 0.005,
                0.5, 0.01, 0.02, 1, false));
        assertEquals("{tFinal} must be a finite number > 0, got 0.0", tf.template());
        var factor = assertThrows(InvalidParameter.class, () -> new MdAgingStudy.Matching(null, -1.0, null));
        assertTrue(factor.getMessage().startsWith("trapFactor "), factor.getMessage());

        Path out = root.resolve("b");
        MdAgingStudy.Curves curves = new MdAgingStudy.Curves(null, false, 2000, 16, 4, 1e-2, 8);
        var params = assertThrows(InvalidParameter.class, () -> MdAgingStudy.run(
                new MdAgingStudy.Request(model(), quench(40), curves, MdAgingStudy.Matching.none(), 1, null), out, CTX));
        assertEquals("give params FILE (model parameters for the trap and TRSP curves) or noModels", params.getMessage());
        var missing = assertThrows(InvalidParameter.class, () -> MdAgingStudy.run(
                new MdAgingStudy.Request(root.resolve("nope.json"), quench(40), noModels(), MdAgingStudy.Matching.none(), 1, null), out, CTX));
        assertTrue(missing.getMessage().startsWith("model: ") && missing.getMessage().contains("nope.json"), missing.getMessage());
        assertFalse(Files.exists(out), "nothing was written for refused requests");
    }
}
