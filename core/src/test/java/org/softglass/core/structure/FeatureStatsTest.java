package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Welford statistics against a two-pass computation, including a large offset (catastrophic for Σx²) and merging. */
class FeatureStatsTest {
    @Test
    void matchesTwoPassAndMergesBlocks() {
        SplittableRandom rnd = new SplittableRandom(9);
        int rows = 5000, m = 3;
        double[] data = new double[rows * m];
        for (int r = 0; r < rows; r++) {
            data[r * m] = rnd.nextGaussian();
            data[r * m + 1] = 1e8 + 1e-3 * rnd.nextGaussian();  // Σx² − (Σx)²/n would lose every digit
            data[r * m + 2] = 3.0;                               // zero variance
        }
        FeatureStats all = new FeatureStats(m);
        all.addRows(data, 0, rows);
        FeatureStats a = new FeatureStats(m), b = new FeatureStats(m);
        a.addRows(data, 0, 1234);
        b.addRows(data, 1234 * m, rows - 1234);
        a.merge(b);
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) mean += data[r * m + c];
            mean /= rows;
            double var = 0;
            for (int r = 0; r < rows; r++) var += (data[r * m + c] - mean) * (data[r * m + c] - mean);
            double std = Math.sqrt(var / rows);
            // two-pass reference; Welford's error is O(n ε) relative to the spread: 5000·1e-16·|x|/σ
            double tolStd = 1e-9 * Math.max(std, 1e-300) + 5000 * 1.2e-16 * Math.abs(mean) * 1e-3;
            assertEquals(mean, all.mean()[c], 1e-12 * Math.abs(mean) + 1e-14, "mean " + c);
            assertEquals(std, all.std()[c], tolStd + 1e-12, "std " + c);
            assertEquals(all.mean()[c], a.mean()[c], 1e-12 * Math.abs(mean) + 1e-14, "merged mean " + c);
            assertEquals(all.std()[c], a.std()[c], tolStd + 1e-12, "merged std " + c);
        }
        assertEquals(0.0, all.std()[2]);
        assertEquals(rows, a.count());
    }
}
