package org.softglass.study.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.trap.Fragility;
import org.softglass.core.trap.TrapPresets;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/** {@link TrapFragilityStudy} and {@link TrapAgingStudy} called from Java: results equal to the files the commands write. */
class TrapModelStudiesTest {
    @TempDir Path dir;
    private final StudyContext ctx = StudyContext.of(1, "test");
    private static final TrapStudy.Model KA = new TrapStudy.Model(TrapPresets.ka(), null, "ka", 1);

    /** ln(τ/0.3) = 2.1² (1/T − 1/0.95)²: T_g = 1/x_g, x_g = 1/0.95 + √(ln(τ_g/0.3))/2.1, m = x_g · 2 · 2.1² (x_g − 1/0.95). */
    private Path mdTable() throws IOException {
        StringBuilder sb = new StringBuilder("T,tau\n");
        for (int i = 0; i < 10; i++) {
            double t = 0.45 + 0.04 * i, d = 1 / t - 1 / 0.95;
            sb.append(t).append(',').append(0.3 * Math.exp(2.1 * 2.1 * d * d)).append('\n');
        }
        return Files.writeString(dir.resolve("md.csv"), sb);
    }

    @Test
    void fragilityOfAnMdTableIsTheClosedFormAndFragilityJsonHoldsIt() throws IOException {
        Path out = dir.resolve("f");
        TrapFragilityStudy.Result r = TrapFragilityStudy.run(new TrapFragilityStudy.Request(null, mdTable(), 1e7, 0.4), out, ctx);
        assertNull(r.model());
        double xg = 1 / 0.95 + Math.sqrt(Math.log(1e7 / 0.3)) / 2.1;
        assertEquals(1 / xg, r.md().tg(), 1e-9);
        assertEquals(xg * 2 * 2.1 * 2.1 * (xg - 1 / 0.95), r.md().m(), 1e-6);    // natural log (eq 22)
        assertEquals(r.md().m() / Math.log(10), r.md().mDecimal(), 1e-12);      // Angell's log10
        JsonNode md = new ObjectMapper().readTree(out.resolve("fragility.json").toFile()).get("md");
        assertEquals(r.md().m(), md.get("m").asDouble(), 0.0);
        assertEquals(r.md().mDecimal(), md.get("m_decimal").asDouble(), 0.0);
        assertEquals(r.md().mAt(0.4), md.get("m_at_fixed_tg").asDouble(), 0.0);
        // the definitions block in a fixed order, so the file's bytes do not change from one JVM run to the next
        List<String> keys = new java.util.ArrayList<>();
        new ObjectMapper().readTree(out.resolve("fragility.json").toFile()).get("definitions").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("m", "m_decimal", "T_g"), keys);
        List<String> csv = Files.readAllLines(out.resolve("fragility.csv"));
        assertEquals(TrapFragilityStudy.CSV_HEADER, csv.get(0));
        assertEquals(11, csv.size());
        assertTrue(Files.exists(out.resolve("fragility.png")) && Files.exists(out.resolve("fragility.manifest.json")));
        assertTrue(Files.notExists(out.resolve("trap_parameters.json")), "no model, no model parameters");
    }

    @Test
    void fragilityOfTheModelFitsItsTauBelowT0() throws IOException {
        var side = new TrapFragilityStudy.ModelSide(KA, List.of(0.45, 0.5, 0.55, 0.6, 0.7, 0.8), "Q", null);
        TrapFragilityStudy.Result r = TrapFragilityStudy.run(new TrapFragilityStudy.Request(side, null, 1e7, null), dir, ctx);
        assertNull(r.md());
        Fragility.Fit f = r.model();
        assertTrue(f.m() > 0 && f.tg() < 0.45, f.toString());
        List<String> csv = Files.readAllLines(dir.resolve("fragility.csv"));
        assertEquals(1 + f.points(), csv.size());
        assertTrue(csv.get(1).startsWith("model,0.45,"), csv.get(1));
        assertEquals(f.tg() / 0.45, Double.parseDouble(csv.get(1).split(",")[4]), 0.0);
        assertEquals(f.m(), new ObjectMapper().readTree(dir.resolve("fragility.json").toFile()).get("model").get("m").asDouble(), 0.0);
    }

    @Test
    void fragilityRefusalsNameTheParameterByToken() {
        var bad = assertThrows(InvalidParameter.class, () -> new TrapFragilityStudy.Request(null, null, -1, null));
        assertEquals("{tauG} must be a finite number > 0, got -1.0", bad.template());
        bad = assertThrows(InvalidParameter.class, () -> new TrapFragilityStudy.Request(null, null, 1e7, null));
        assertEquals("{noModel} needs {md} FILE", bad.template());
        var chi = new TrapFragilityStudy.ModelSide(new TrapStudy.Model(TrapPresets.ka(), null, "ka", 0), List.of(0.45, 0.5, 0.55), "chi", null);
        bad = assertThrows(InvalidParameter.class, () -> TrapFragilityStudy.run(new TrapFragilityStudy.Request(chi, null, 1e7, null), dir, ctx));
        assertEquals("{m} must be > 0, got 0.0", bad.template());
    }

    @Test
    void agingLowersMeanSoftnessAndAgingCsvHoldsTheCurves() throws IOException {
        var req = new TrapAgingStudy.Request(KA, 1.0, List.of(0.55, 0.7), 400, 1, 1e4, 2, 20, 0, 1);
        TrapAgingStudy.Result r = TrapAgingStudy.run(req, dir, ctx);
        assertEquals(2, r.curves().size());
        double[] s = r.curves().get(0).meanS();
        assertEquals(9, s.length);
        assertTrue(s[8] < s[0], "<S> decreases during aging");
        assertTrue(r.timeSteps() > 0 && r.maxMassDefect() < 1e-4, "max mass defect " + r.maxMassDefect());
        List<String> csv = Files.readAllLines(dir.resolve("aging.csv"));
        assertEquals(TrapAgingStudy.CSV_HEADER, csv.get(0));
        assertEquals(1 + 2 * 9, csv.size());
        assertEquals(s[8], Double.parseDouble(csv.get(9).split(",")[2]), 0.0);
        assertEquals(r.curves().get(1).meanS()[0], Double.parseDouble(csv.get(10).split(",")[2]), 0.0);
        assertTrue(Files.readString(dir.resolve("aging.manifest.json")).contains("max_mass_defect_per_step"));
    }

    @Test
    void agingRefusalsNameTheParameterByToken() {
        var bad = assertThrows(InvalidParameter.class, () -> new TrapAgingStudy.Request(KA, 1.0, List.of(0.6), 2000, 10, 1, 10, 20, 0, 1));
        assertEquals("{twMax} must be > {twMin}, got {twMin} 10.0 {twMax} 1.0", bad.template());
        bad = assertThrows(InvalidParameter.class, () -> new TrapAgingStudy.Request(KA, 1.0, List.of(0.6), 8, 1, 10, 10, 20, 0, 1));
        assertEquals("{bins} must be >= 16, got 8", bad.template());
    }
}
