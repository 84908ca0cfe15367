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
}
