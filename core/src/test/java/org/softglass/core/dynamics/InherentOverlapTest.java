package org.softglass.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.space.Box;
import org.softglass.core.trsp.TrspAnalysis;

/**
 * The inherent-state overlap ({@link InherentOverlap}) against a brute-force oracle on small
 * synthetic trajectories, and against the exact values of independent, collective and planted
 * correlated hoppers.
 */
class InherentOverlapTest {

    private static final double A = InherentOverlap.DEFAULT_THRESHOLD;

    private static InherentOverlap.Result run(Trajectory t, int[] lags, int stride, int nq, int[] div, Integer s4Lag, int threads) {
        try (Parallel par = new Parallel(threads)) {
            return InherentOverlap.compute(t, new InherentOverlap.Options(A, -1, lags, stride, nq, div, s4Lag, 4), par);
        }
    }

    /** Random IS-like trajectory: small rattles plus occasional jumps of 0.2–0.8 σ; returns {wrapped, unwrapped}. */
    private static double[][][] randomTrajectory(int n, int frames, Box box, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] un = new double[frames][3 * n], wr = new double[frames][3 * n];
        for (int v = 0; v < 3 * n; v++) un[0][v] = rnd.nextDouble() * box.lx();
        for (int f = 1; f < frames; f++) {
            for (int i = 0; i < n; i++) {
                boolean jump = rnd.nextDouble() < 0.08;
                for (int a = 0; a < 3; a++) {
                    double d = jump ? (rnd.nextDouble() - 0.5) * 1.0 : (rnd.nextDouble() - 0.5) * 0.06;
                    un[f][3 * i + a] = un[f - 1][3 * i + a] + d;
                }
            }
        }
        for (int f = 0; f < frames; f++) for (int v = 0; v < 3 * n; v++) wr[f][v] = box.wrap(un[f][v], v % 3);
        return new double[][][] {wr, un};
    }

    /**
     * Oracle: the definition written out on the true (unwrapped) path, origin by origin: Q, χ4 (biased
     * variance), the block χ4 and S4 by direct complex sums. The production code sees only wrapped
     * positions; all must agree to round-off (1e-12), for 1 and 3 threads, bit-identically between them.
     */
    @Test
    void matchesBruteForceOracleOnWrappedTrajectory() {
        int n = 60, frames = 40, stride = 2;
        Box box = Box.cubic(5.0);
        double[][][] tr = randomTrajectory(n, frames, box, 7);
        Trajectory t = new Trajectory(box, new int[n], 0.5, tr[0]);
        int[] lags = {0, 1, 2, 3, 5, 8, 13, 21, 34};
        int[] div = {1, 2};
        InherentOverlap.Result r = run(t, lags, stride, 3, div, 3, 1);
        InherentOverlap.Result r3 = run(t, lags, stride, 3, div, 3, 3);
        assertArrayEquals(r.q(), r3.q(), 0.0);
        assertArrayEquals(r.chi4(), r3.chi4(), 0.0);
        assertArrayEquals(r.blocks().get(1).chi4(), r3.blocks().get(1).chi4(), 0.0);
        assertArrayEquals(r.s4().s4(), r3.s4().s4(), 0.0);

        double[][] un = tr[1];
        for (int j = 0; j < lags.length; j++) {
            int k = lags[j];
            java.util.List<boolean[]> is = new java.util.ArrayList<>();
            java.util.List<Integer> t0s = new java.util.ArrayList<>();
            for (int t0 = 0; t0 + k < frames; t0 += stride) {
                boolean[] alive = new boolean[n];
                for (int i = 0; i < n; i++) {
                    alive[i] = true;
                    for (int kk = 1; kk <= k; kk++) {
                        double d2 = 0;
                        for (int a = 0; a < 3; a++) d2 += Math.pow(un[t0 + kk][3 * i + a] - un[t0][3 * i + a], 2);
                        if (Math.sqrt(d2) >= A) { alive[i] = false; break; }
                    }
                }
                is.add(alive);
                t0s.add(t0);
            }
            int no = is.size();
            assertEquals(no, r.origins()[j]);
            double s = 0, s2 = 0;
            for (boolean[] al : is) {
                double qq = 0;
                for (boolean b : al) if (b) qq++;
                qq /= n;
                s += qq;
                s2 += qq * qq;
            }
            double mean = s / no;
            assertEquals(mean, r.q()[j], 1e-12, "Q at lag " + k);
            assertEquals(n * (s2 / no - mean * mean), r.chi4()[j], 1e-11, "chi4 at lag " + k);
            // block chi4 with 2^3 sub-boxes: N_l = n/8, Q_B = survivors/N_l
            double nl = n / 8.0, bs = 0, bs2 = 0;
            for (int o = 0; o < no; o++) {
                double[] cnt = new double[8];
                for (int i = 0; i < n; i++) {
                    if (!is.get(o)[i]) continue;
                    int c = 0;
                    for (int a = 2; a >= 0; a--) c = c * 2 + (int) (box.wrap(un[t0s.get(o)][3 * i + a], a) / 2.5);
                    cnt[c]++;
                }
                for (double c : cnt) { bs += c / nl; bs2 += (c / nl) * (c / nl); }
            }
            double bm = bs / (8.0 * no);
            assertEquals(nl * (bs2 / (8.0 * no) - bm * bm), r.blocks().get(1).chi4()[j], 1e-11, "block chi4 at lag " + k);
            assertEquals(r.chi4()[j], r.blocks().get(0).chi4()[j], 1e-11, "one block is the whole box");
            if (k == 3) {
                for (int m = 1; m <= 3; m++) {
                    double q = 2 * Math.PI * m / box.lx(), re = 0, im = 0, sq = 0;
                    for (int o = 0; o < no; o++) {
                        for (int a = 0; a < 3; a++) {
                            double cr = 0, ci = 0;
                            for (int i = 0; i < n; i++) {
                                if (!is.get(o)[i]) continue;
                                cr += Math.cos(q * un[t0s.get(o)][3 * i + a]) / n;
                                ci += Math.sin(q * un[t0s.get(o)][3 * i + a]) / n;
                            }
                            re += cr; im += ci; sq += cr * cr + ci * ci;
                        }
                    }
                    double c = 3.0 * no, expect = n * (sq / c - (re / c) * (re / c) - (im / c) * (im / c));
                    assertEquals(expect, r.s4().s4()[m - 1], 1e-10, "S4 at m = " + m);
                }
                double[] oz = TrspAnalysis.ornsteinZernike(r.s4().q(), r.s4().s4());
                assertEquals(oz[1], r.s4().xi4(), 0.0, "xi4 is the TRSP model's OZ fit");
            }
        }
        assertEquals(1.0, r.q()[0], 0.0, "Q(0) = 1 exactly");
        assertEquals(0.0, r.chi4()[0], 0.0);
    }

    /**
     * A particle drifting by (0.07, −0.05, 0) σ per frame (|Δ| = 0.086 k after k frames) through the
     * periodic boundaries, given wrapped: it leaves the a = 0.3 ball at lag 4 (0.344 ≥ 0.3 > 0.258) from
     * every origin, whatever boundary it crosses. A wrapped difference would see a jump of ≈ L at a crossing.
     */
    @Test
    void periodicCrossingIsNotAJump() {
        int frames = 200;
        Box box = Box.cubic(3.0);
        double[][] x = new double[frames][3];
        for (int f = 0; f < frames; f++) {
            x[f][0] = box.wrap(2.9 + 0.07 * f, 0);
            x[f][1] = box.wrap(-0.05 * f, 1);
            x[f][2] = 1.0;
        }
        InherentOverlap.Result r = run(new Trajectory(box, new int[1], 1.0, x), new int[] {0, 1, 2, 3, 4, 10, 50}, 1, 0, new int[0], null, 1);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0, 0, 0}, r.q(), 0.0);
    }

    /**
     * Independent hoppers: each particle jumps by 0.6 σ with probability p = 0.1 per frame, independently,
     * so Q(k) = (1 − p)^k and χ4 = Q(1 − Q) (000 eq 17, m = 1). n = 200, F = 4000: Q within 4 blocked
     * errors; χ4 within 15 % (its relative error is ≈ √(2(k+1)/n_k) ≤ 0.08 for k ≤ 12).
     */
    @Test
    void independentHoppersGiveBinomialChi4() {
        int n = 200, frames = 4000;
        double p = 0.1;
        SplittableRandom rnd = new SplittableRandom(11);
        Box box = Box.cubic(6.0);
        double[][] x = new double[frames][3 * n];
        for (int v = 0; v < 3 * n; v++) x[0][v] = rnd.nextDouble() * 6;
        for (int f = 1; f < frames; f++) {
            for (int i = 0; i < n; i++) {
                double d = rnd.nextDouble() < p ? 0.6 : 0.0;
                x[f][3 * i] = box.wrap(x[f - 1][3 * i] + d, 0);
                x[f][3 * i + 1] = x[f - 1][3 * i + 1];
                x[f][3 * i + 2] = x[f - 1][3 * i + 2];
            }
        }
        int[] lags = {0, 1, 2, 4, 7, 12};
        InherentOverlap.Result r = run(new Trajectory(box, new int[n], 1.0, x), lags, 1, 0, new int[0], null, 2);
        for (int j = 1; j < lags.length; j++) {
            double q = Math.pow(1 - p, lags[j]);
            assertEquals(q, r.q()[j], 4 * r.qErr()[j], "Q at lag " + lags[j]);
            assertEquals(q * (1 - q), r.chi4()[j], 0.15 * q * (1 - q), "chi4 at lag " + lags[j]);
        }
    }

    /**
     * The jackknife errors of τ_Q and χ4* against the scatter of independent realisations, on data whose
     * errors are dominated by time correlation: 4 clusters of 10 particles, each cluster jumping together
     * with probability p = 0.1 per frame, so every origin window overlaps its neighbours and the origins
     * are far from independent. 40 runs of 400 frames: the mean jackknife σ of τ_Q and of χ4* must be
     * within [0.6, 1.6] of their standard deviation over the runs (the sample standard deviation of 40
     * values is itself uncertain by ≈ 11 %, the mean jackknife σ by a similar amount; measured ratios 0.82
     * and 1.11; an error from independent origins is ≈ √(τ_Q) ≈ 3× too small and fails).
     */
    @Test
    void jackknifeErrorsMatchTheScatterOfIndependentRuns() {
        int n = 40, clusters = 4, frames = 400, runs = 40;
        double p = 0.1;
        int[] lags = new int[31];
        for (int k = 0; k < lags.length; k++) lags[k] = k;
        double[] tau = new double[runs], star = new double[runs];
        double errTau = 0, errStar = 0;
        Box box = Box.cubic(6.0);
        for (int run = 0; run < runs; run++) {
            SplittableRandom rnd = new SplittableRandom(1000 + run);
            double[][] x = new double[frames][3 * n];
            for (int v = 0; v < 3 * n; v++) x[0][v] = rnd.nextDouble() * 6;
            for (int f = 1; f < frames; f++) {
                double[] d = new double[clusters];
                for (int c = 0; c < clusters; c++) d[c] = rnd.nextDouble() < p ? 0.6 : 0.0;
                for (int i = 0; i < n; i++) {
                    x[f][3 * i] = box.wrap(x[f - 1][3 * i] + d[i % clusters], 0);
                    x[f][3 * i + 1] = x[f - 1][3 * i + 1];
                    x[f][3 * i + 2] = x[f - 1][3 * i + 2];
                }
            }
            InherentOverlap.Result r;
            try (Parallel par = new Parallel(1)) {
                r = InherentOverlap.compute(new Trajectory(box, new int[n], 1.0, x),
                        new InherentOverlap.Options(A, -1, lags, 1, 0, new int[0], null, 10), par);
            }
            assertTrue(r.tauQErr() > 0 && r.chi4StarErr() > 0, "run " + run + ": jackknife errors " + r.tauQErr() + ", " + r.chi4StarErr());
            tau[run] = r.tauQ();
            star[run] = r.chi4Star();
            errTau += r.tauQErr() / runs;
            errStar += r.chi4StarErr() / runs;
        }
        double sdTau = sd(tau), sdStar = sd(star);
        assertTrue(errTau > 0.6 * sdTau && errTau < 1.6 * sdTau, "mean jackknife sigma(tau_Q) " + errTau + " vs scatter " + sdTau);
        assertTrue(errStar > 0.6 * sdStar && errStar < 1.6 * sdStar, "mean jackknife sigma(chi4*) " + errStar + " vs scatter " + sdStar);
    }

    private static double sd(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow(), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }

    /**
     * Collective jumps: all particles jump together (probability 0.1 per frame), so Q(t0, k) ∈ {0, 1}
     * and the biased variance of a 0/1 series is Q(1 − Q) exactly: χ4 = n Q(1 − Q) to round-off.
     */
    @Test
    void collectiveJumpsGiveNTimesBinomialChi4() {
        int n = 50, frames = 1500;
        SplittableRandom rnd = new SplittableRandom(5);
        Box box = Box.cubic(5.0);
        double[][] x = new double[frames][3 * n];
        for (int v = 0; v < 3 * n; v++) x[0][v] = rnd.nextDouble() * 5;
        for (int f = 1; f < frames; f++) {
            double d = rnd.nextDouble() < 0.1 ? 0.5 : 0.0;
            for (int v = 0; v < 3 * n; v++) x[f][v] = v % 3 == 2 ? box.wrap(x[f - 1][v] + d, 2) : x[f - 1][v];
        }
        int[] lags = {0, 1, 3, 6, 10, 20};
        InherentOverlap.Result r = run(new Trajectory(box, new int[n], 1.0, x), lags, 1, 0, new int[0], null, 2);
        for (int j = 0; j < lags.length; j++) {
            double q = r.q()[j];
            assertEquals(n * q * (1 - q), r.chi4()[j], 1e-9, "lag " + lags[j]);
        }
        assertTrue(r.chi4Star() > 0.2 * n, "collective chi4* ~ n/4, got " + r.chi4Star());
        // Q(k) ≈ 0.9^k: χ4 ∝ Q(1 − Q) peaks near k ≈ 6.6, inside the grid
        assertTrue(r.peakResolved(), "peak inside the grid at tau_chi = " + r.tauChi());
        InherentOverlap.Result coarse = run(new Trajectory(box, new int[n], 1.0, x), new int[] {0, 10, 20, 40}, 1, 0, new int[0], null, 1);
        assertTrue(!coarse.peakResolved() && coarse.tauChi() == 10.0, "maximum at the first lag is not a resolved peak");
    }

    /**
     * Planted correlated mobility: n = 10³ particles on the sites of a simple cubic lattice (L = 10).
     * Each even frame is the lattice; on the following odd frame particle i is displaced by 0.5 σ (and
     * so has left the a = 0.3 ball) with probability 1 − p_i, p_i = Q0 + ε φ(r_i), φ a fresh Gaussian
     * field Σ_axes Σ_m √P(q_m) (A cos q_m x_a + B sin q_m x_a), A, B ~ N(0, 1), P(q) = 1/(1 + q²ξ²),
     * ξ = 1.5. With origins on the even frames (stride 2) and lag 1, the exact expectation is
     * <pre>  S4(q_m) = Q0(1 − Q0) − ε² Σ_{axes, m} P(q_m) + ε² n P(q_m)/2.</pre>
     * 600 origins × 3 axes: each measured S4 within 4 standard errors (from the spread of |Q̃|²), and
     * the TRSP OZ fit of S4 minus the white part recovers ξ within 15 %.
     */
    @Test
    void plantedOrnsteinZernikeFieldIsRecovered() {
        int side = 10, n = side * side * side, pairs = 600, frames = 2 * pairs + 1, nq = 4;
        double q0 = 0.5, eps = 0.06, xi = 1.5;
        Box box = Box.cubic(side);
        double[] pq = new double[nq], qs = new double[nq];
        double sumP = 0;
        for (int m = 1; m <= nq; m++) {
            qs[m - 1] = 2 * Math.PI * m / side;
            pq[m - 1] = 1 / (1 + qs[m - 1] * qs[m - 1] * xi * xi);
            sumP += 3 * pq[m - 1];
        }
        double[] site = new double[3 * n];
        for (int i = 0; i < n; i++) {
            site[3 * i] = i % side;
            site[3 * i + 1] = (i / side) % side;
            site[3 * i + 2] = i / (side * side);
        }
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[frames][];
        double[] amp = new double[3 * nq * 2];
        for (int f = 0; f < frames; f++) {
            if (f % 2 == 0) { x[f] = site; continue; }
            for (int v = 0; v < amp.length; v++) amp[v] = gaussian(rnd);
            double[] y = site.clone();
            for (int i = 0; i < n; i++) {
                double phi = 0;
                for (int a = 0; a < 3; a++) {
                    for (int m = 0; m < nq; m++) {
                        double ph = qs[m] * site[3 * i + a];
                        phi += Math.sqrt(pq[m]) * (amp[(a * nq + m) * 2] * Math.cos(ph) + amp[(a * nq + m) * 2 + 1] * Math.sin(ph));
                    }
                }
                double pi = Math.min(1, Math.max(0, q0 + eps * phi));
                if (rnd.nextDouble() >= pi) y[3 * i + 2] = site[3 * i + 2] + 0.5;
            }
            x[f] = y;
        }
        InherentOverlap.Result r;
        try (Parallel par = new Parallel(2)) {
            r = InherentOverlap.compute(new Trajectory(box, new int[n], 1.0, x),
                    new InherentOverlap.Options(A, -1, new int[] {0, 1}, 2, nq, new int[0], 1, 5), par);
        }
        InherentOverlap.S4 s4 = r.s4();
        assertNotNull(s4);
        assertEquals(pairs, s4.origins());
        double white = q0 * (1 - q0) - eps * eps * sumP;
        double[] signal = new double[nq];
        for (int m = 0; m < nq; m++) {
            double expect = white + eps * eps * n * pq[m] / 2;
            // |Q̃|² of a complex Gaussian is exponential: std = mean, over 3·pairs samples
            double se = expect / Math.sqrt(3.0 * pairs);
            assertEquals(expect, s4.s4()[m], 4 * se, "S4 at q = " + qs[m]);
            signal[m] = s4.s4()[m] - white;
        }
        double[] oz = TrspAnalysis.ornsteinZernike(qs, signal);
        assertEquals(xi, oz[1], 0.15 * xi, "xi4 of the planted field");
        assertTrue(Double.isFinite(s4.xi4Err()) && s4.xi4Err() > 0, "jackknife error of xi4");
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> new InherentOverlap.Options(0, -1, new int[] {0, 1}, 1, 0, new int[0], null, 4));
        assertThrows(IllegalArgumentException.class, () -> new InherentOverlap.Options(0.3, -1, new int[] {1, 1}, 1, 0, new int[0], null, 4));
        assertThrows(IllegalArgumentException.class, () -> new InherentOverlap.Options(0.3, -1, new int[] {0, 1}, 0, 0, new int[0], null, 4));
        Box box = Box.fromBounds(0, 4, 0, 5, 0, 4);
        Trajectory t = new Trajectory(box, new int[1], 1, new double[2][3]);
        try (Parallel par = new Parallel(1)) {
            assertThrows(IllegalArgumentException.class, () -> InherentOverlap.compute(t,
                    new InherentOverlap.Options(0.3, -1, new int[] {0, 1}, 1, 2, new int[0], null, 4), par));
            assertThrows(IllegalArgumentException.class, () -> InherentOverlap.compute(t,
                    new InherentOverlap.Options(0.3, 1, new int[] {0, 1}, 1, 0, new int[0], null, 4), par));
        }
        assertEquals(Arrays.toString(new int[] {1, 2, 3, 4}), Arrays.toString(InherentOverlap.divisions(Box.cubic(9.4), 2.0)));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
