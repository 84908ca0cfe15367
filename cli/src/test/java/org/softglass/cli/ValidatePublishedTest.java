package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code softglass validate --published RUN}: the published-versus-measured table of one run directory. */
class ValidatePublishedTest {

    @Test
    void notARunDirectoryIsOneLineAndExitThree(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("validate", "--published", dir.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).contains(dir.toString()) && lines.get(0).contains("report/summary.json"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRunDirectoryPrintsTheTableAndWritesJsonAndCsvWithExitZero(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("report"));
        // a summary only: the CV accuracy row is measured (and disagrees: 0.6 vs 0.88), everything else is "not measured"
        Files.writeString(run.resolve("report/summary.json"), """
                {"schema":"softglass.pipeline-summary/1","settings":{"model":"ka","n":500,"temperatures":[0.9,0.61],"dt":0.005,
                 "train_temperatures":[0.61],"pc":0.3,"p_stable":0.02,"tau_c":8.0,"p_R":0.2,"features":"fluidity-100"},
                 "softness_model":{"samples":400,"cv_accuracy":0.6}}
                """);
        Path json = dir.resolve("t.json"), out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("validate", "--published", run.toString(), "--json", json.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());   // a disagreement is data, not an error
        assertTrue(r.out().contains("SVM accuracy at the training T") && r.out().contains("not measured in this run"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("softglass.published/1", j.path("schema").asText());
        JsonNode cv = j.path("rows").get(0);
        assertEquals("cv_accuracy_001", cv.path("id").asText());
        assertEquals(0.6, cv.path("ours").asDouble(), 0);
        assertEquals("no", cv.path("agrees").asText());
        assertTrue(cv.path("setup_note").asText().contains("N 500 vs 10000"), cv.toString());
        List<String> csv = Files.readAllLines(out.resolve("published.csv"));
        assertEquals("id,quantity,citation,printed,paper_lo,paper_hi,ours,ours_err,agrees,status,setup_note,reason", csv.get(0));
        assertEquals(j.path("rows").size() + 1, csv.size());
        assertTrue(Files.isRegularFile(out.resolve("published.json")) && Files.isRegularFile(out.resolve("published.manifest.json")));
    }

    @Test
    void outWithoutPublishedIsAUsageError() {
        CliRunner.Result r = CliRunner.run("validate", "--out", "x");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--published"), r.err());
    }
}
