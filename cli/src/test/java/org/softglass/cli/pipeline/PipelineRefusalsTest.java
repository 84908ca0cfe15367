package org.softglass.cli.pipeline;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.softglass.cli.pipeline.PipelineRuns.JSON;

/** The pipeline checks that need no run: the onset fallback to the ka-002 preset, and a bad --preset or --out. */
class PipelineRefusalsTest {
    /**
     * After a refused onset fit the barriers directory gets the ka-002 preset's ΔE(S), Σ(S), T0, ϱ(S)
     * and ⟨S⟩(T) with the measured τ_R, and a record of why.
     */
    @Test
    void refusedOnsetFallsBackToThePresetAndSaysSo(@TempDir Path tmp) throws Exception {
        org.softglass.study.barriers.BarriersStudy.presetOnset(tmp, 7.5, "onset fit refused: x");
        var p = org.softglass.core.params.ModelParameters.read(tmp.resolve("model-parameters.json"));
        var pre = org.softglass.core.trsp.TrspPresets.ka002();
        assertEquals(pre.barriers(), p.barriers());
        assertEquals(pre.rho(), p.rho());
        assertEquals(7.5, p.tauR());
        assertTrue(p.provenance().get("onset").toString().contains("refused: onset fit refused: x"), p.provenance().toString());
        JsonNode src = JSON.readTree(tmp.resolve("onset-source.json").toFile());
        assertEquals(org.softglass.study.barriers.BarriersStudy.ONSET_PRESET, src.get("source").asText());
        assertEquals("onset fit refused: x", src.get("reason").asText());
    }

    @Test
    void unknownPresetIsAUsageError(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "huge", "--out", tmp.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("demo, paper-lite, paper-ka, smoke"), r.err());
    }

    @Test
    void outputThatIsAFileIsAUsageError(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a-file"), "x");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", f.toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--out: " + f + " exists and is not a directory"), r.err());
    }
}
