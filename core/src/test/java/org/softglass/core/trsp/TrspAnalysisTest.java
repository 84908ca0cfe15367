package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrspAnalysisTest {
    @Test
    void ornsteinZernikeRecoversExactForm() {
        double[] q = new double[6], s = new double[6];
        for (int k = 0; k < 6; k++) { q[k] = 2 * Math.PI * (k + 1) / 20; s[k] = 7.0 / (1 + Math.pow(q[k] * 1.8, 2)); }
        double[] fit = TrspAnalysis.ornsteinZernike(q, s);
        assertEquals(7.0, fit[0], 1e-10);
        assertEquals(1.8, fit[1], 1e-10);
        for (int k = 0; k < 6; k++) s[k] = 3.0; // flat: no length resolved
        assertTrue(Double.isNaN(TrspAnalysis.ornsteinZernike(q, s)[1]));
    }

    @Test
    void peakOfAParabolaInLogTime() {
        double[] t = org.softglass.core.util.Grids.logSpaced(1, 1000, 13), c = new double[13];
        for (int k = 0; k < 13; k++) c[k] = 2 - Math.pow(Math.log(t[k]) - Math.log(37), 2);
        double[] p = TrspAnalysis.peak(t, c);
        assertEquals(37, p[0], 1e-9);
        assertEquals(2, p[1], 1e-12);
    }
}
