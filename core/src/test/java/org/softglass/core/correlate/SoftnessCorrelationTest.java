package org.softglass.core.correlate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;
import org.softglass.core.space.Box;

/**
 * C_S(r) of a synthetic Gaussian field with a known covariance, C(0) = 1, C(r) = 0.8 e^{−r/1.2}
 * (the eq-29 form; valid: exponential covariance plus a 0.2 nugget is positive definite), on a 10³
 * simple-cubic lattice of a periodic box (min-image distances; e^{−5/1.2} = 1.5 % at the half box,
 * and the Cholesky factorisation below proves the periodised matrix positive definite). 40
 * independent fields are drawn by Cholesky; estimator and fit must recover the planted numbers.
 */
class SoftnessCorrelationTest {
    static final double C0 = 1.0, C1 = 0.8, XI = 1.2, MU = 0.3;

    @Test
    void recoversPlantedExponentialCovariance() {
        int l = 10, n = l * l * l, frames = 40;
        Box box = Box.cubic(l);
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i % l; y[i] = (i / l) % l; z[i] = i / (l * l); }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = Math.sqrt(box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]));
                k[i][j] = i == j ? C0 : C1 * Math.exp(-r / XI);
            }
        }
        double[][] lo = new CholeskyDecomposition(new Array2DRowRealMatrix(k, false), 1e-12, 1e-12).getL().getData();
        Random rnd = new Random(17);
        SoftnessCorrelation acc = new SoftnessCorrelation(4.95, 0.1, MU);
        for (int f = 0; f < frames; f++) {
            double[] g = new double[n], s = new double[n];
            for (int i = 0; i < n; i++) g[i] = rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double v = MU;
                for (int j = 0; j <= i; j++) v += lo[i][j] * g[j];
                s[i] = v;
            }
            acc.add(box, x, y, z, s);
        }
        var res = acc.result();
        assertEquals(frames, res.frames());
        assertEquals(C0, res.c0(), 4 * res.c0Err());
        // every populated bin (the lattice distances) agrees with the planted covariance within 4σ
        // of its frame-to-frame error (≈ 20 bins: chance of any 4σ excursion < 0.2 %)
        int checked = 0;
        for (int b = 0; b < res.r().length; b++) {
            if (res.pairs()[b] == 0) continue;
            assertEquals(C1 * Math.exp(-res.rMean()[b] / XI), res.c()[b], 4 * res.err()[b], "r = " + res.rMean()[b]);
            checked++;
        }
        assertTrue(checked >= 15);
        ExpCorrelationFit fit = ExpCorrelationFit.fit(res.rMean(), res.c(), res.err(), res.c0(), 0.9, 4.0);
        assertEquals(XI, fit.form().xi(), 4 * fit.xiErr());
        assertEquals(C1, fit.form().c1(), 4 * fit.c1Err());
        assertTrue(fit.xiErr() < 0.1 * XI, "xi error " + fit.xiErr());   // informative: < 10 %
    }

    /** The cell-grid path (box ≥ 3 rmax) equals brute force over all pairs (box just below 3 rmax) on the same frame. */
    @Test
    void cellGridAgreesWithBruteForce() {
        Random rnd = new Random(4);
        int n = 3000;
        double l = 14.0;
        double[] x = new double[n], y = new double[n], z = new double[n], s = new double[n];
        for (int i = 0; i < n; i++) { x[i] = l * rnd.nextDouble() - 3; y[i] = l * rnd.nextDouble(); z[i] = l * rnd.nextDouble() + 20; s[i] = rnd.nextGaussian(); }
        s[5] = Double.NaN;
        SoftnessCorrelation cells = new SoftnessCorrelation(4.6, 0.1, 0.1), brute = new SoftnessCorrelation(4.7, 0.1, 0.1);
        cells.add(Box.cubic(l), x, y, z, s);   // 14 / 4.6 → 3 cells per axis
        brute.add(Box.cubic(l), x, y, z, s);   // 14 / 4.7 → 2 cells: all pairs
        var a = cells.result();
        var b = brute.result();
        for (int k = 0; k < a.r().length; k++) {
            assertEquals(b.pairs()[k], a.pairs()[k], "bin " + k);
            if (a.pairs()[k] > 0) assertEquals(b.c()[k], a.c()[k], 1e-12 * (1 + Math.abs(b.c()[k])));   // summation order differs: round-off
        }
        assertEquals(b.c0(), a.c0(), 0);
    }

    @Test
    void refusesTooLargeRange() {
        SoftnessCorrelation acc = new SoftnessCorrelation(3, 0.1, 0);
        assertThrows(IllegalArgumentException.class, () -> acc.add(Box.cubic(5), new double[1], new double[1], new double[1], new double[1]));
    }
}
