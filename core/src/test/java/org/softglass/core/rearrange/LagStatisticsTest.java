package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Persistence#lagStatistics}: the per-lag reduction shared by the p_hop persistence and the inherent-state overlap. */
class LagStatisticsTest {
    /**
     * Lag 0: Q = 1 at four origins (χ4 = 0); lag 2: Q = 0.5, 0.7, 0.9 (mean 0.7, population variance 0.08/3, χ4 = N × that
     * with N = 10); 32 origins of alternating 0 and 1: blocks of 2 have no scatter, so the blocked error (the largest
     * estimate over block sizes) is the unblocked one, √(0.25/31); fewer than 16 origins give NaN.
     */
    @Test
    void meanBlockedErrorAndChi4PerLag() {
        double[][] perLag = {{1, 1, 1, 1}, {0.5, 0.7, 0.9}, new double[32]};
        for (int a = 0; a < 32; a++) perLag[2][a] = a % 2;
        Persistence.LagStatistics st = Persistence.lagStatistics(new int[] {0, 2, 5}, 0.5, 10, 32, (j, k, series) -> {
            System.arraycopy(perLag[j], 0, series, 0, perLag[j].length);
            return perLag[j].length;
        });
        assertArrayEquals(new double[] {0, 1.0, 2.5}, st.t());
        assertArrayEquals(new int[] {4, 3, 32}, st.origins());
        assertEquals(1.0, st.q()[0], 0.0);
        assertEquals(0.0, st.chi4()[0], 0.0);
        assertEquals(0.7, st.q()[1], 1e-15);
        assertEquals(10 * 0.08 / 3, st.chi4()[1], 1e-14);
        assertTrue(Double.isNaN(st.qErr()[0]) && Double.isNaN(st.qErr()[1]), "fewer origins than Persistence.MIN_BLOCKS");
        assertEquals(0.5, st.q()[2], 0.0);
        assertEquals(10 * 0.25, st.chi4()[2], 1e-14);
        assertEquals(Math.sqrt(0.25 / 31), st.qErr()[2], 1e-15);
    }
}
