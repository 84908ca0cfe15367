package org.softglass.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.util.Refusal;

/** {@link RankCorrelation} against textbook values and against a brute-force Pearson correlation of average ranks. */
class RankCorrelationTest {

    /**
     * Spearman: the textbook example (IQ vs hours of TV, ρ = −29/165) and average ranks of ties.
     */
    @Test
    void spearmanRankCorrelation() {
        double[] iq = {106, 100, 86, 101, 99, 103, 97, 113, 112, 110}, tv = {7, 27, 2, 50, 28, 29, 20, 12, 6, 17};
        assertEquals(-29.0 / 165.0, RankCorrelation.spearman(iq, tv), 1e-14);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {10, 20, 20, 30}));
        assertEquals(1.0, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {1, 8, 27}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }

    /**
     * With many ties (values drawn from 5 levels, n = 40) C_s equals the Pearson correlation of ranks worked out
     * by brute force: rank of v = 1 + #{w &lt; v} + (#{w = v} − 1)/2. Tolerance 1e-13: both sum 40 products of
     * O(40²) in a different order, rounding ~ 40 ε relative.
     */
    @Test
    void tiesGetAverageRanks() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] a = new double[40], b = new double[40];
        for (int i = 0; i < a.length; i++) { a[i] = rng.nextInt(5); b[i] = a[i] + rng.nextInt(3); }
        assertEquals(pearson(bruteRanks(a), bruteRanks(b)), RankCorrelation.spearman(a, b), 1e-13);
    }

    /** A constant sequence has no rank correlation: a refusal, not NaN. */
    @Test
    void constantSequenceIsRefused() {
        assertThrows(Refusal.class, () -> RankCorrelation.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1, 2, 3}));
    }

    private static double[] bruteRanks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int less = 0, equal = 0;
            for (double w : v) { if (w < v[i]) less++; if (w == v[i]) equal++; }
            r[i] = 1 + less + (equal - 1) / 2.0;
        }
        return r;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Descriptive.mean(x), my = Descriptive.mean(y), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
