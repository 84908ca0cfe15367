package org.softglass.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Descriptive} against values worked out by hand. */
class DescriptiveTest {

    /** Even n: the mean of the two middle values (the element at n/2 of the sorted array is the upper one, 4 here). */
    @Test
    void medianOfEvenAndOddSamples() {
        double[] even = {4, 1, 3, 2};
        assertEquals(2.5, Descriptive.median(even), 0);
        assertArrayEquals(new double[] {4, 1, 3, 2}, even, "input not modified");
        assertEquals(3, Descriptive.median(new double[] {5, 3, 1}), 0);
        assertEquals(7, Descriptive.median(new double[] {7}), 0);
        assertTrue(Double.isNaN(Descriptive.median(new double[0])));
        assertTrue(Double.isNaN(Descriptive.median(new double[] {1, Double.NaN, 2})));
    }

    /** x = 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − x̄)² = 32, so s_n = 2 and s_{n−1} = √(32/7), SE = s_{n−1}/√8. */
    @Test
    void divisorsAreExplicit() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5, Descriptive.mean(x), 0);
        assertEquals(2, Descriptive.std(x, Descriptive.Divisor.POPULATION), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), Descriptive.std(x, Descriptive.Divisor.SAMPLE), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), Descriptive.standardError(x), 1e-15);
        assertTrue(Double.isNaN(Descriptive.std(new double[] {3}, Descriptive.Divisor.SAMPLE)));
        assertEquals(0, Descriptive.std(new double[] {3}, Descriptive.Divisor.POPULATION), 0);
        assertTrue(Double.isNaN(Descriptive.standardError(new double[] {3})));
    }

    /** variance = std², the prefix overloads see only x[0..n), and the sums form equals the two-pass s_n. */
    @Test
    void varianceOfPrefixAndFromSums() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9, 1000, -1000};
        assertEquals(4, Descriptive.variance(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, Descriptive.Divisor.POPULATION), 0);
        assertEquals(5, Descriptive.mean(x, 8), 0);
        assertEquals(4, Descriptive.variance(x, 8, Descriptive.Divisor.POPULATION), 0);
        assertEquals(32.0 / 7, Descriptive.variance(x, 8, Descriptive.Divisor.SAMPLE), 1e-15);
        assertTrue(Double.isNaN(Descriptive.mean(x, 0)));
        assertTrue(Double.isNaN(Descriptive.variance(x, 0, Descriptive.Divisor.POPULATION)));
        // Σx = 40, Σx² = 232 over the first 8: s_n = √(232/8 − 25) = 2
        assertEquals(2, Descriptive.populationStdFromSums(8, 40, 232), 1e-15);
        assertEquals(0, Descriptive.populationStdFromSums(1, 5, 24.999999), 0, "a negative Σx²/n − x̄² (rounding) is clipped");
        assertTrue(Double.isNaN(Descriptive.populationStdFromSums(0, 0, 0)));
    }

    /** Against Hipparchus: StandardDeviation (bias-corrected or not) and Median. */
    @Test
    void agreesWithHipparchus() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int n = 1; n < 40; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = 10 + rng.nextDouble();
            assertEquals(new org.hipparchus.stat.descriptive.moment.StandardDeviation(false).evaluate(x),
                    Descriptive.std(x, Descriptive.Divisor.POPULATION), 1e-12);
            if (n > 1) assertEquals(new org.hipparchus.stat.descriptive.moment.StandardDeviation(true).evaluate(x),
                    Descriptive.std(x, Descriptive.Divisor.SAMPLE), 1e-12);
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(mid, Descriptive.median(x), 0);
        }
    }

    /**
     * The sums forms against the two-pass ones on the same values (x = 2, 4, 4, 4, 5, 5, 7, 9: Σx = 40,
     * Σx² = 232, so s² = 32/8 or 32/7 and SE = √(32/7/8)); the jackknife error of θ_i = 1, 2, 3 is
     * √(2/3 · 2) = √(4/3).
     */
    @Test
    void sumsFormsAndJackknife() {
        assertEquals(4, Descriptive.varianceFromSums(8, 40, 232, Descriptive.Divisor.POPULATION), 1e-15);
        assertEquals(32.0 / 7, Descriptive.varianceFromSums(8, 40, 232, Descriptive.Divisor.SAMPLE), 1e-14);
        assertEquals(Math.sqrt(32.0 / 7 / 8), Descriptive.standardErrorFromSums(8, 40, 232), 1e-15);
        assertEquals(Descriptive.standardError(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), Descriptive.standardErrorFromSums(8, 40, 232), 1e-15);
        assertTrue(Double.isNaN(Descriptive.standardErrorFromSums(1, 5, 25)));
        assertEquals(0, Descriptive.varianceFromSums(2, 10, 49.999999999, Descriptive.Divisor.SAMPLE), 0, "rounding below zero is clipped");
        assertEquals(Math.sqrt(4.0 / 3), Descriptive.jackknifeError(new double[] {1, 2, 3}), 1e-15);
        assertTrue(Double.isNaN(Descriptive.jackknifeError(new double[] {1})));
    }
}
