package org.softglass.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.space.Box;

/** G_s(r, t): its normalisation, exact counts on hand-made displacements, and the Maxwell form of Gaussian displacements. */
class VanHoveTest {

    /** Particle i moves by exactly d_i along x between consecutive frames: every bin count is known. */
    @Test
    void knownDisplacementsFillKnownBins() {
        double[] d = {0.0625, 0.1875, 0.1875, 0.3125, 1.1875, 2.0};   // bins of width 0.125 (exact in binary): 0, 1, 1, 2, 9, beyond
        int n = d.length;
        double[][] pos = new double[3][3 * n];
        for (int f = 0; f < 3; f++) for (int i = 0; i < n; i++) pos[f][3 * i] = f * d[i];
        int[] species = new int[n];
        species[n - 1] = 1;   // the last particle is of species 1: left out by filter 0
        VanHove all = VanHove.compute(new Trajectory(Box.cubic(10), species, 0.5, pos), -1, 1, 0.125, 10);
        assertEquals(12, all.samples());           // 6 particles × 2 origins
        assertEquals(2.0 / 12, all.beyond(), 1e-15);
        assertEquals(2.0 / 12 / 0.125, all.radial()[0], 1e-12);
        assertEquals(4.0 / 12 / 0.125, all.radial()[1], 1e-12);
        assertEquals(4.0 / 12 / (4 * Math.PI / 3 * (0.25 * 0.25 * 0.25 - 0.125 * 0.125 * 0.125)), all.gs()[1], 1e-9);
        assertEquals(0.5, all.lagTime());
        VanHove a = VanHove.compute(new Trajectory(Box.cubic(10), species, 0.5, pos), 0, 2, 0.125, 10);
        assertEquals(5, a.samples());              // 5 particles × 1 origin at lag 2: displacements 2 d_i = 0.125, 0.375, 0.375, 0.625, 2.375
        assertEquals(1.0 / 5, a.beyond(), 1e-15);
        assertEquals(1.0 / 5 / 0.125, a.radial()[1], 1e-12);  // 0.125 sits on the edge of bins 0 and 1: [lo, hi) puts it in 1
        assertEquals(2.0 / 5 / 0.125, a.radial()[3], 1e-12);
        assertEquals(1.0 / 5 / 0.125, a.radial()[5], 1e-12);
        assertEquals(0, a.radial()[0]);
    }

    /**
     * Gaussian displacements of variance s² per component: |Δr| has the Maxwell distribution, whose bin masses are
     * differences of F(r) = erf(r/(s√2)) − √(2/π)(r/s) e^{−r²/2s²}. 40 000 displacements; each bin's count must lie
     * within 5 binomial standard deviations √(n p (1 − p)) of n p, and ∫4πr²G_s dr + beyond = 1 to round-off.
     */
    @Test
    void gaussianDisplacementsGiveTheMaxwellDensity() {
        int n = 20000;
        double s = 0.4, dr = 0.05;
        int bins = 40;
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] pos = new double[3][3 * n];
        for (int i = 0; i < 3 * n; i++) {
            pos[0][i] = 10 * rnd.nextDouble();
            pos[1][i] = pos[0][i] + s * gaussian(rnd);
            pos[2][i] = pos[1][i] + s * gaussian(rnd);
        }
        VanHove g = VanHove.compute(new Trajectory(Box.cubic(10), new int[n], 1.0, pos), 0, 1, dr, bins);
        long total = g.samples();
        assertEquals(2L * n, total);
        double norm = g.beyond();
        for (int k = 0; k < bins; k++) {
            double lo = k * dr, hi = lo + dr;
            norm += g.radial()[k] * dr;
            double shell = 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
            assertEquals(g.radial()[k] * dr, g.gs()[k] * shell, 1e-12, "G_s and 4πr²G_s describe the same bin mass");
            double p = maxwellCdf(hi, s) - maxwellCdf(lo, s);
            double observed = g.radial()[k] * dr * total, sd = Math.sqrt(total * p * (1 - p));
            assertTrue(Math.abs(observed - total * p) <= 5 * sd + 1e-9, "bin " + k + ": " + observed + " vs " + total * p + " ± " + sd);
        }
        assertEquals(1.0, norm, 1e-12);
        assertEquals(1 - maxwellCdf(bins * dr, s), g.beyond(), 5 * Math.sqrt((1 - maxwellCdf(bins * dr, s)) / total) + 1e-12);
    }

    private static double maxwellCdf(double r, double s) {
        double u = r / s;
        return erf(u / Math.sqrt(2)) - Math.sqrt(2 / Math.PI) * u * Math.exp(-u * u / 2);
    }

    /** erf by its series (|x| ≤ 3) or continued fraction complement, both to ~1e-15. */
    private static double erf(double x) {
        if (x < 0) return -erf(-x);
        if (x < 3) {
            double sum = x, term = x;
            for (int k = 1; k < 200; k++) {
                term *= -x * x / k;
                double add = term / (2 * k + 1);
                sum += add;
                if (Math.abs(add) < 1e-17) break;
            }
            return 2 / Math.sqrt(Math.PI) * sum;
        }
        double f = 0;   // Lentz-free backward evaluation of the erfc continued fraction
        for (int k = 60; k >= 1; k--) f = k / 2.0 / (x + f);
        return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
