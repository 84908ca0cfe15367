package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.parallel.Parallel;

class PersistenceTest {

    private static double[] times(int frames, double spacing) {
        double[] t = new double[frames];
        for (int f = 0; f < frames; f++) t[f] = 3.0 + f * spacing;
        return t;
    }

    /**
     * The definition evaluated directly, O(F²·N): for each lag and origin, test every selected
     * particle at every frame of the window. Sums run in origin order with the same two-pass formulas
     * as the fast path, so the results must be bit-identical.
     */
    private static double[][] bruteForce(double[] phop, int frames, int n, double pc, boolean[] mask, int[] lags) {
        double[] q = new double[lags.length], chi = new double[lags.length], origins = new double[lags.length];
        int nSel = 0;
        for (int i = 0; i < n; i++) if (mask == null || mask[i]) nSel++;
        for (int j = 0; j < lags.length; j++) {
            int k = lags[j];
            double[] series = new double[frames];
            int no = 0;
            for (int t0 = 0; t0 + k < frames; t0++) {
                boolean valid = true;
                int survivors = 0;
                for (int i = 0; i < n; i++) {
                    if (mask != null && !mask[i]) continue;
                    boolean persists = true;
                    for (int f = t0; f <= t0 + k; f++) {
                        double p = phop[f * n + i];
                        if (Double.isNaN(p)) valid = false;
                        if (p > pc) persists = false;
                    }
                    if (persists) survivors++;
                }
                if (valid) series[no++] = (double) survivors / nSel;
            }
            double[] mv = Persistence.meanAndVariance(series, no);
            q[j] = mv[0];
            chi[j] = nSel * mv[1];
            origins[j] = no;
        }
        return new double[][] {q, chi, origins};
    }

    @Test
    void fastPathEqualsTheDefinitionExactlyForAnyThreadCount() {
        int frames = 90, n = 37, h = 4;
        double pc = 0.2;
        SplittableRandom rnd = new SplittableRandom(7);
        double[] phop = new double[frames * n];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < n; i++) {
                double u = rnd.nextDouble();
                // ~12 % above p_c, some exactly at p_c (not rearranging: the test is strict), the rest below
                phop[f * n + i] = u < 0.12 ? 0.2 + rnd.nextDouble() : u < 0.17 ? pc : 0.2 * rnd.nextDouble();
                if (f < h || f >= frames - h) phop[f * n + i] = Double.NaN;
            }
        }
        // an isolated hole in the middle for particle 5 and one for particle 6 (which the mask drops)
        phop[40 * n + 5] = Double.NaN;
        phop[60 * n + 6] = Double.NaN;
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) mask[i] = i % 3 != 0;
        int[] lags = {0, 1, 2, 3, 5, 8, 13, 21, 35, 50, 81, 95};
        double[] t = times(frames, 0.5);
        for (boolean[] m : new boolean[][] {null, mask}) {
            double[][] ref = bruteForce(phop, frames, n, pc, m, lags);
            Persistence.Result[] rs = new Persistence.Result[2];
            int[] threads = {1, 3};
            for (int r = 0; r < 2; r++) {
                try (Parallel par = new Parallel(threads[r])) {
                    rs[r] = Persistence.compute(phop, frames, n, t, pc, m, lags, par);
                }
                assertArrayEquals(ref[0], rs[r].q(), 0.0, "Q, threads " + threads[r]);
                assertArrayEquals(ref[1], rs[r].chi4(), 0.0, "chi4, threads " + threads[r]);
                for (int j = 0; j < lags.length; j++) assertEquals((int) ref[2][j], rs[r].origins()[j], "origins at lag " + lags[j]);
                assertEquals(0.5 * 13, rs[r].times()[6], 0.0);
                assertEquals(0.5, rs[r].frameSpacing(), 1e-15);
            }
            assertArrayEquals(rs[0].qErr(), rs[1].qErr(), 0.0);
            assertEquals(rs[0].tauQ(), rs[1].tauQ(), 0.0);
            assertEquals(rs[0].tauChi(), rs[1].tauChi(), 0.0);
        }
        // the fixture's origins: without the mask the selected frames are defined on 4..39, 41..59, 61..85
        // (holes at 40, 60, NaN edges). Lag 21 (22 frames): origins 4..18 and 61..64 → 19; lag 35: only
        // t0 = 4; lag 81: none, so Q and χ4 are NaN there
        try (Parallel par = new Parallel(1)) {
            Persistence.Result r = Persistence.compute(phop, frames, n, t, pc, null, lags, par);
            assertEquals(19, r.origins()[7]);
            assertEquals(1, r.origins()[8]);
            assertEquals(0, r.origins()[10]);
            assertTrue(Double.isNaN(r.q()[10]) && Double.isNaN(r.chi4()[10]) && Double.isNaN(r.qErr()[10]));
            assertEquals(0.0, r.chi4()[8], 0.0, "one origin: no variance");
        }
    }

    /**
     * Independent particles, each rearranging at each frame with probability p: a particle persists over
     * k + 1 frames with q = (1 − p)^(k+1), so ⟨Q⟩ = q, and χ4 = N Var Q = q(1 − q) minus the O(1/n) bias of
     * the variance over n overlapping origins. For one particle, origins d ≤ k apart share their windows:
     * c_d = Cov(n(t0), n(t0 + d)) = (1 − p)^(k+1+d) − q² (0 for d &gt; k), so
     * Var ⟨Q⟩ = V/N with V = [n c_0 + 2 Σ_{d=1..k} (n − d) c_d]/n², and E[χ4] = q(1 − q) − V.
     */
    @Test
    void independentBernoulliParticlesFollowTheClosedForm() {
        int frames = 20000, n = 200;
        double p = 0.05, pc = 0.2;
        SplittableRandom rnd = new SplittableRandom(2026);
        double[] phop = new double[frames * n];
        for (int i = 0; i < phop.length; i++) phop[i] = rnd.nextDouble() < p ? 0.5 : 0.01;
        // lags up to q ≈ 0.11: the Gaussian approximation of the χ4 error below holds (see there)
        int[] lags = {0, 1, 2, 4, 8, 16, 32, 42};
        Persistence.Result r;
        try (Parallel par = new Parallel(2)) {
            r = Persistence.compute(phop, frames, n, times(frames, 1.0), pc, null, lags, par);
        }
        for (int j = 0; j < lags.length; j++) {
            int k = lags[j], no = r.origins()[j];
            assertEquals(frames - k, no);
            double q = Math.pow(1 - p, k + 1);
            double[] c = new double[k + 1];
            for (int d = 0; d <= k; d++) c[d] = Math.pow(1 - p, k + 1 + d) - q * q;
            double v = no * c[0], rho2 = 0;
            for (int d = 1; d <= k; d++) {
                v += 2.0 * (no - d) * c[d];
                rho2 += (c[d] / c[0]) * (c[d] / c[0]);
            }
            v /= (double) no * no;
            // ⟨Q⟩: 5 standard deviations sqrt(V/N) (a false failure has probability < 1e-6 per lag)
            double sdQ = Math.sqrt(v / n);
            assertEquals(q, r.q()[j], 5 * sdQ, "Q at lag " + k);
            // the blocked error estimates sdQ: each blocking level with ≥ 16 blocks has a relative error
            // ≤ 1/sqrt(2·15) ≈ 0.18, and the plateau is reached at blocks ≫ k + 1; a factor 2 either way
            // is > 3 of those errors
            double ratio = r.qErr()[j] / sdQ;
            assertTrue(ratio > 0.5 && ratio < 2, "Q_err / theory = " + ratio + " at lag " + k);
            // χ4 is N times a sample variance of n correlated, nearly Gaussian values with autocorrelation
            // ρ_d = c_d/c_0: its relative standard deviation is sqrt(2(1 + 2 Σ ρ_d²)/n). The non-Gaussian
            // (fourth-cumulant) part of Q adds (1 − 6q(1 − q))/(N q(1 − q)) ≤ 0.05 of the Gaussian 2 at
            // q ≥ 0.11, N = 200; a 5σ band covers both
            double expected = q * (1 - q) - v;
            double sdChi = q * (1 - q) * Math.sqrt(2 * (1 + 2 * rho2) / no);
            assertEquals(expected, r.chi4()[j], 5 * sdChi, "chi4 at lag " + k);
        }
        // τ_Q: Q = 1/e at (1 − p)^(k+1) = 1/e, k + 1 = 1/(−ln(1 − p)) = 19.5 frames (t = k Δ, Δ = 1);
        // the log-linear interpolation between lags 16 and 32 of a function exponential in k errs by
        // < 1 frame here, and the statistical error of Q (≈ 0.002) moves the crossing by < 0.2 frame
        double kq = -1 / Math.log(1 - p) - 1;
        assertEquals(kq, r.tauQ(), 1.2);
        // independent particles: χ4 peaks where q = 1/2 → k + 1 = ln 2/(−ln(1 − p)) = 13.5, χ4* = 1/4;
        // the grid is coarse (8, 16, 32) so only the peak height is sharp: the grid maximum is within
        // 1/4 − q(1 − q) at lag 16 (q = 0.42): < 0.007, plus 5σ of χ4 (≈ 0.02 with n = 20 000)
        assertEquals(0.25, r.chi4Star(), 0.03);
        assertTrue(r.tauChi() > 8 && r.tauChi() < 32, "tau_chi " + r.tauChi());
    }

    /**
     * All selected particles rearrange together: Q(t0, k) ∈ {0, 1}, so Q² = Q and the sample variance is
     * exactly ⟨Q⟩(1 − ⟨Q⟩): χ4 = N Q(1 − Q) (the two-pass variance differs only by round-off,
     * ≤ 1e-12 relative for n ≤ 3000 terms). Unselected particles rearrange independently and must not count.
     */
    @Test
    void perfectlyCorrelatedParticlesGiveNTimesQOneMinusQ() {
        int frames = 3000, n = 50;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] phop = new double[frames * n];
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) mask[i] = i % 5 != 0;
        int selected = 40;
        for (int f = 0; f < frames; f++) {
            boolean all = rnd.nextDouble() < 0.02;
            for (int i = 0; i < n; i++) phop[f * n + i] = mask[i] ? (all ? 0.7 : 0.05) : (rnd.nextDouble() < 0.5 ? 0.9 : 0.0);
        }
        int[] lags = Persistence.logLags(100, 10);
        Persistence.Result r;
        try (Parallel par = new Parallel(3)) {
            r = Persistence.compute(phop, frames, n, times(frames, 2.0), 0.2, mask, lags, par);
        }
        assertEquals(selected, r.particles());
        for (int j = 0; j < lags.length; j++) {
            double q = r.q()[j];
            // common events at rate 0.02 per frame: Q ≈ 0.98^(k+1) ≥ 0.13 up to lag 100, never 0 or 1 here
            assertTrue(q > 0 && q < 1, "Q = " + q);
            assertEquals(selected * q * (1 - q), r.chi4()[j], 1e-12 * selected, "lag " + lags[j]);
        }
        // the refined peak is at least the grid maximum and, the χ4 curve being N Q(1 − Q) ≤ N/4, the
        // parabola through three grid points overshoots N/4 only by its curvature error (< 5 % here, the
        // grid being 10 points per decade)
        double gridMax = Arrays.stream(r.chi4()).max().orElseThrow();
        assertTrue(r.chi4Star() >= gridMax - 1e-12 && r.chi4Star() <= 1.05 * selected / 4.0, "chi4* " + r.chi4Star());
    }

    @Test
    void lagGridAndErrors() {
        assertArrayEquals(new int[] {0, 1}, Persistence.logLags(1, 10));
        int[] g = Persistence.logLags(1000, 10);
        assertEquals(0, g[0]);
        assertEquals(1, g[1]);
        assertEquals(1000, g[g.length - 1]);
        for (int j = 1; j < g.length; j++) assertTrue(g[j] > g[j - 1]);
        // 31 log-spaced values 1..1000, rounding merges the first few (1, 1.26, 1.58, 2, 2.5 ...)
        assertTrue(g.length >= 25 && g.length <= 32, Arrays.toString(g));

        double[] phop = new double[10 * 2];
        double[] t = times(10, 1);
        try (Parallel par = new Parallel(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Persistence.compute(phop, 10, 2, t, 0, null, new int[] {0}, par));
            assertEquals("p_c must be finite and > 0, got 0.0", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Persistence.compute(phop, 10, 2, t, 0.2, null, new int[] {2, 1}, par));
            assertThrows(IllegalArgumentException.class, () -> Persistence.compute(phop, 10, 2, t, 0.2, new boolean[2], new int[] {1}, par));
            double[] bad = t.clone();
            bad[4] += 0.1;
            assertThrows(IllegalArgumentException.class, () -> Persistence.compute(phop, 10, 2, bad, 0.2, null, new int[] {1}, par));
            assertThrows(IllegalArgumentException.class, () -> Persistence.compute(phop, 9, 2, t, 0.2, null, new int[] {1}, par));
        }
        double[] holes = new double[10 * 2];
        holes[3 * 2 + 1] = Double.NaN;
        assertEquals(6, Persistence.longestDefinedRun(holes, 10, 2, null));
        assertEquals(10, Persistence.longestDefinedRun(holes, 10, 2, new boolean[] {true, false}));
    }

    @Test
    void tauQInterpolatesInLnT() {
        double e = Math.exp(-1);
        // Q linear in ln t between t = 1 (Q = 1) and t = 100 (Q = 0): crosses 1/e at ln t = (1 − 1/e) ln 100
        assertEquals(Math.exp((1 - e) * Math.log(100)), Persistence.tauQ(new double[] {0, 1, 100}, new double[] {1, 1, 0}), 1e-12);
        // between lag 0 and the first lag: linear in t
        assertEquals(2 * (1 - e), Persistence.tauQ(new double[] {0, 2}, new double[] {1, 0}), 1e-12);
        assertTrue(Double.isNaN(Persistence.tauQ(new double[] {0, 1}, new double[] {1, 0.5})));
    }
}
