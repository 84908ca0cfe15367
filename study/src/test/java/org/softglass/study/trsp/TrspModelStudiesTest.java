package org.softglass.study.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/** {@link TrspCheckStudy} and {@link TrspAgingStudy} called from Java on the ka-002 preset, L = 6, m = 1. */
class TrspModelStudiesTest {
    @TempDir Path dir;

    private static TrspSetup setup(int clusterSize, double facilitation) {
        return new TrspSetup(TrspPresets.ka002(), null, "ka-002", 6, clusterSize, facilitation, 1e-2);
    }

    @Test
    void checkGivesOneRowPerTemperatureAndShape() {
        TrspCheckStudy.Result r = TrspCheckStudy.run(new TrspCheckStudy.Request(setup(1, 1), List.of(0.45, 0.5)));
        assertTrue(r.accepted());
        assertEquals(2, r.rows().size());
        TrspCheckStudy.Row row = r.rows().getFirst();
        assertEquals(ClusterShape.SITE, row.shape());
        assertTrue(row.lambdaMax() < 1 && row.kMinEig() > 0, row.toString());
        assertTrue(row.line().startsWith("0.450000,SITE,"), row.line());
        assertEquals(TrspCheckStudy.HEADER.split(",").length, row.line().split(",").length);
    }

    @Test
    void aTooLargeKickIsARefusalOfTheResult() {
        TrspCheckStudy.Result r = TrspCheckStudy.run(new TrspCheckStudy.Request(setup(4, 3), List.of(0.45)));
        assertFalse(r.accepted());
        assertTrue(r.refusal().getMessage().startsWith("T=0.45, PLAQUETTE_XY, facilitation 3.0: detailed balance has no solution"),
                r.refusal().getMessage());
        var bad = assertThrows(InvalidParameter.class, () -> new TrspCheckStudy.Request(setup(1, 1), List.of(-1.0)));
        assertEquals("{T} values must be > 0, got -1.0", bad.template());
    }

    @Test
    void agingStartsNearTheInitialEquilibriumAndAgingCsvHoldsTheCurve() throws IOException {
        var req = new TrspAgingStudy.Request(setup(1, 1), 1.0, List.of(0.5), 2, 2000, 1);
        TrspAgingStudy.Result r = TrspAgingStudy.run(req, dir, StudyContext.of(1, "test"));
        TrspAgingStudy.Curve c = r.curves().getFirst();
        assertEquals(TrspAgingStudy.TIMES, c.times().length);
        // ⟨S⟩(T_I = 1) = 0.3, far above ⟨S⟩(T_F = 0.5) = −0.9
        assertTrue(c.meanS()[0] > 0, c.toString());
        assertEquals(-0.9, c.equilibriumMeanS(), 1e-12);
        List<String> csv = Files.readAllLines(dir.resolve("aging.csv"));
        assertEquals(1 + TrspAgingStudy.TIMES, csv.size());
        assertEquals(TrspStudy.fmt(1.0, 0.5, c.times()[0], c.meanS()[0], c.error()[0], c.equilibriumMeanS()), csv.get(1) + "\n");
        assertTrue(Files.size(dir.resolve("aging.png")) > 0 && Files.exists(dir.resolve("manifest.json")));
        var bad = assertThrows(InvalidParameter.class, () -> new TrspAgingStudy.Request(setup(1, 1), 1.0, List.of(0.5), 1, 2000, 1));
        assertEquals("{trajectories} must be >= 2, got 1", bad.template());
    }
}
