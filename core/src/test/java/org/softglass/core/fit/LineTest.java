package org.softglass.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** {@link Line} against a hand computation and against Hipparchus {@link SimpleRegression}. */
class LineTest {

    /**
     * (0,1), (1,3), (2,4), (3,8): x̄ = 1.5, ȳ = 4, S_xx = 5, S_xy = 11, S_yy = 26, so b = 2.2, a = 0.7,
     * R² = 121/130; residuals 0.3, 0.1, −1.1, 0.7 give SSR = 1.8, s² = 0.9, σ_b = √(0.9/5), σ_a = √(0.9 (1/4 + 2.25/5)).
     */
    @Test
    void handComputation() {
        Line l = Line.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 4, 8});
        assertEquals(2.2, l.slope(), 1e-14);
        assertEquals(0.7, l.intercept(), 1e-14);
        assertEquals(121.0 / 130, l.rSquared(), 1e-14);
        assertEquals(Math.sqrt(0.9 / 5), l.slopeErr(), 1e-14);
        assertEquals(Math.sqrt(0.9 * (0.25 + 2.25 / 5)), l.interceptErr(), 1e-14);
        assertEquals(5, l.xSpread(), 1e-14);
        assertEquals(4, l.n());
        assertEquals(0.7 + 2.2 * 10, l.at(10), 1e-13);
        assertTrue(l.determined());
    }

    @Test
    void agreesWithHipparchusSimpleRegression() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 3 + rng.nextInt(50);
            double[] x = new double[n], y = new double[n];
            SimpleRegression r = new SimpleRegression(true);
            for (int i = 0; i < n; i++) {
                x[i] = 100 + 10 * rng.nextDouble();
                y[i] = -3 + 0.5 * x[i] + gauss(rng);
                r.addData(x[i], y[i]);
            }
            Line l = Line.fit(x, y);
            assertEquals(r.getSlope(), l.slope(), 1e-10 * Math.abs(r.getSlope()) + 1e-12);
            assertEquals(r.getIntercept(), l.intercept(), 1e-9 * Math.abs(r.getIntercept()) + 1e-9);
            assertEquals(r.getSlopeStdErr(), l.slopeErr(), 1e-9 * r.getSlopeStdErr());
            assertEquals(r.getInterceptStdErr(), l.interceptErr(), 1e-9 * r.getInterceptStdErr());
            assertEquals(r.getRSquare(), l.rSquared(), 1e-10);
        }
    }

    /** A standard normal variate (Box–Muller). */
    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Two points: an exact line with no degree of freedom, so no errors; equal x: undetermined. */
    @Test
    void degenerateCases() {
        Line two = Line.fit(new double[] {1, 2}, new double[] {3, 5});
        assertEquals(2, two.slope(), 1e-15);
        assertEquals(1, two.intercept(), 1e-15);
        assertTrue(Double.isNaN(two.slopeErr()) && Double.isNaN(two.interceptErr()));
        assertFalse(Line.fit(new double[] {2, 2, 2}, new double[] {1, 2, 3}).determined());
        assertThrows(IllegalArgumentException.class, () -> Line.fit(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Line.fit(new double[] {1, 2}, new double[] {1}));
    }
}
