package org.softglass.core.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combiner: MD mean ± SE over replicas, and model curves read at f·t_w (model times divided by f). */
class AgingTableTest {
    /** A synthetic logarithmic aging curve ⟨S⟩(t) = a − b ln t, as the papers' intermediate regime. */
    static double logAging(double t) { return 0.2 - 0.05 * Math.log(t); }

    static ModelCurve curve(String name, double lo, double hi, int perDecade) {
        int n = (int) Math.round(Math.log10(hi / lo) * perDecade) + 1;
        double[] t = org.softglass.core.util.Grids.logSpaced(lo, hi, n), s = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) { s[i] = logAging(t[i]); e[i] = 0.01; }
        return new ModelCurve(name, t, s, e, 0.3);
    }

    @Test
    void modelTimesAreDividedByTheFactor() {
        double f = 12.5;   // the model is 12.5x too slow: its raw time f*t_w is shown at MD time t_w
        ModelCurve trap = curve("trap", 0.1, 1e4, 20);
        double[] tw = {0, 0.1, 1, 10, 100};
        double[][] md = {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        List<AgingTable.Row> rows = AgingTable.rows(0.5, tw, md, trap, f, null, 1);
        assertEquals(0.3, rows.get(0).trap(), 0.0, "t_w = 0 is the state before the quench");
        for (int k = 1; k < tw.length; k++) {
            double want = logAging(f * tw[k]);
            // a − b ln t is linear in ln t: the log interpolation is exact up to round-off
            assertEquals(want, rows.get(k).trap(), 1e-12, "t_w = " + tw[k]);
            // the unmatched (f = 1) and the inverted (t/f) readings differ by b ln f = 0.126 or more
            assertTrue(Math.abs(rows.get(k).trap() - logAging(tw[k])) > 0.1);
            assertTrue(Math.abs(rows.get(k).trap() - logAging(tw[k] / f)) > 0.2);
            assertTrue(Double.isNaN(rows.get(k).trsp()));
        }
    }

    @Test
    void outsideTheModelRangeIsNaNNotExtrapolated() {
        ModelCurve c = curve("trsp", 1, 100, 10);
        assertTrue(Double.isNaN(c.atMatched(0.5, 1).mean()));
        assertTrue(Double.isNaN(c.atMatched(20, 10).mean()));
        assertEquals(logAging(100), c.atMatched(10, 10).mean(), 1e-12);
        assertEquals(0.01, c.atMatched(3, 10).error(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> c.atMatched(1, 0));
    }

    @Test
    void logInterpolationBetweenGridPoints() {
        // a curve that is not linear in ln t: interpolation error O((Δ ln t)²) at 20 per decade
        double[] t = org.softglass.core.util.Grids.logSpaced(1, 1000, 61), s = new double[61];
        for (int i = 0; i < 61; i++) s[i] = Math.tanh(Math.log(t[i]) / 3);
        ModelCurve c = new ModelCurve("x", t, s, new double[61], 0);
        double worst = 0;
        for (double x = 1.01; x < 999; x *= 1.037) worst = Math.max(worst, Math.abs(c.atRaw(x).mean() - Math.tanh(Math.log(x) / 3)));
        // bound: (Δ ln t)²/8 · max|f''| with Δ ln t = ln 10 / 20 = 0.115, |f''| ≤ 0.77/9
        assertTrue(worst < 0.115 * 0.115 / 8 * 0.77 / 9 * 1.01 && worst > 0, "worst " + worst);
    }

    @Test
    void mdMeanAndStandardErrorOverReplicas() {
        double[][] md = {{1.0, 2.0}, {2.0, 2.0}, {3.0, 2.0}, {6.0, 2.0}};
        List<AgingTable.Row> rows = AgingTable.rows(0.5, new double[] {0, 1}, md, null, 1, null, 1);
        assertEquals(3.0, rows.get(0).mdMean(), 1e-15);
        // sample variance (4 + 1 + 0 + 9)/3 = 14/3; SE = sqrt(14/3/4)
        assertEquals(Math.sqrt(14.0 / 3 / 4), rows.get(0).mdError(), 1e-15);
        assertEquals(0.0, rows.get(1).mdError(), 0.0);
        assertEquals(4, rows.get(0).replicas());
        assertTrue(Double.isNaN(AgingTable.replicaMean(new double[][] {{1.0}}, 0).error()), "one replica has no error");
    }
}
