package org.softglass.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LineSums} against the two-pass {@link Line} and a hand computation of the residual variance. */
class LineSumsTest {

    /**
     * (0,1), (1,3), (2,4), (3,8) as sums n = 4, Σx = 6, Σx² = 14, Σy = 16, Σxy = 35, Σy² = 90: the same line as
     * {@link Line} (b = 2.2, a = 0.7); residuals about it 0.3, 0.1, −1.1, 0.7 have mean 0 and Σe² = 1.8, so the
     * n − 1 variance is 0.6. About the line (0, 2) the residuals are 1, 1, 0, 2: mean 1, variance 2/3.
     */
    @Test
    void sameLineAsTwoPassFit() {
        LineSums s = LineSums.at(new double[] {99, 4, 6, 14, 16, 35, 90}, 1);
        Line l = Line.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 4, 8});
        assertEquals(5, s.xSpread(), 1e-13);
        assertEquals(l.slope(), s.slope(), 1e-13);
        assertEquals(l.intercept(), s.intercept(s.slope()), 1e-13);
        assertEquals(0.6, s.residualVariance(0.7, 2.2), 1e-12);
        assertEquals(2.0 / 3, s.residualVariance(0, 2), 1e-13);
        assertTrue(Double.isNaN(new LineSums(1, 1, 1, 1, 1, 1).residualVariance(0, 1)));
    }

    /** Equal abscissae leave S_xx = 0: the slope is undetermined. */
    @Test
    void equalAbscissaeDoNotSpread() {
        assertFalse(new LineSums(3, 6, 12, 3, 6, 5).xSpread() > 0);
    }
}
