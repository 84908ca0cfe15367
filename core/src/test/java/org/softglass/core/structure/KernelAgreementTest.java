package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/**
 * The Vector-API kernel agrees with the scalar reference: on every tail length of each kernel method,
 * and end to end on systems with an odd particle count and many different (odd and even) neighbour
 * counts; rows do not depend on the thread count.
 */
class KernelAgreementTest {
    private static final DescriptorKernel SC = DescriptorKernels.scalar(), PA = DescriptorKernels.panama();

    /** Relative accuracy of the inline vector exp against Math.exp over the range the kernels use (|x| ≤ 708: the descriptors keep |x| ≤ 321, the SW pair term −700 < x < 0). */
    @Test
    void inlineExpIsAccurate() {
        double worst = worstRelativeError(org.softglass.core.simd.PanamaExp::exp, Math::exp, 708, 5);
        // polynomial truncation ≤ 2.9e-16 plus ~10 roundings in Horner and the Cody–Waite reduction (|n ln2_lo|
        // rounding ≤ 505·2^-53·...): a few 1e-16; 1e-15 leaves a margin and still catches any wrong coefficient
        assertTrue(worst < 1e-15, "worst relative error " + worst);
    }

    /**
     * Relative accuracy of the descriptor kernel's base-2 exp against Math.pow(2, y) over |y| ≤ 1000 and the core
     * |y| ≤ 2: degree-9 truncation ≤ 1.9e-14 plus ~10 roundings in Horner; 3e-14 catches a wrong exponent scaling (a
     * factor of 2) and any coefficient error whose term reaches 3e-14 on |f| ≤ 1/2 (R1 = ln 2 off by 1e-13 gave 8.9e-14).
     */
    @Test
    void inlineExp2IsAccurate() {
        double worst = worstRelativeError(org.softglass.core.simd.PanamaExp::exp2, y -> Math.pow(2, y), 1000, 6);
        assertTrue(worst < 3e-14, "worst relative error " + worst);
        assertTrue(worst > 1e-16, "the polynomial's truncation is visible: " + worst);
    }

    /**
     * max |f(x)/ref(x) − 1| over 10 000 vectors of x uniform in ±range, 10 000 in ±2, and one with the ends ±range.
     */
    private static double worstRelativeError(java.util.function.UnaryOperator<DoubleVector> f, java.util.function.DoubleUnaryOperator ref,
            double range, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double[] x = new double[lanes], y = new double[lanes];
        double worst = 0;
        for (int it = 0; it < 20_001; it++) {
            for (int l = 0; l < lanes; l++) x[l] = it < 10_000 ? (rnd.nextDouble() * 2 - 1) * range : (rnd.nextDouble() * 2 - 1) * 2;
            if (it == 20_000) { x[0] = -range; x[1 % lanes] = range; }
            f.apply(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int l = 0; l < lanes; l++) worst = Math.max(worst, Math.abs(y[l] / ref.applyAsDouble(x[l]) - 1));
        }
        return worst;
    }

    @Test
    void kernelMethodsAgreeOnEveryTailLength() {
        SplittableRandom rnd = new SplittableRandom(7);
        int cap = 80, pad = 16;
        double[] x = rand(rnd, cap + pad, -3, 3), y = rand(rnd, cap + pad, -3, 3), z = rand(rnd, cap + pad, -3, 3);
        double[] ir = rand(rnd, cap + pad, 0.2, 1.2), r2 = rand(rnd, cap + pad, 0.5, 25);
        double[] r = rand(rnd, cap + pad, 0.5, 5);
        for (int from = 0; from < 9; from++) {
            for (int to = from; to <= cap; to++) {
                for (double eMax : new double[] {Double.POSITIVE_INFINITY, 12.0}) {
                    double[] e1 = new double[5 + cap + pad], e2 = e1.clone(), c1 = e1.clone(), c2 = e1.clone();
                    int n1 = SC.pairs(0.3, -1.1, 2.0, 5.3, 0.7, x, y, z, r2, ir, from, to, eMax, e1, c1, 5);
                    int n2 = PA.pairs(0.3, -1.1, 2.0, 5.3, 0.7, x, y, z, r2, ir, from, to, eMax, e2, c2, 5);
                    assertEquals(n1, n2, "pairs kept");
                    for (int k = 0; k < n1; k++) {
                        assertEquals(e1[k], e2[k], 1e-14 * 40, "e");
                        assertEquals(c1[k], c2[k], 1e-14, "cos");
                    }
                    if (eMax == 12.0 && to == cap && from == 0) assertTrue(n1 > 5 && n1 < 5 + cap, "eMax keeps some pairs and drops others");
                }
                double[] cosv = rand(rnd, cap + pad, -1, 1);
                for (int zeta : new int[] {1, 2, 3, 4, 5, 16, 17}) {
                    double[] p1 = new double[cap + pad], p2 = p1.clone();
                    SC.power(cosv, from, to, -0.5, zeta, p1);
                    PA.power(cosv, from, to, -0.5, zeta, p2);
                    for (int k = from; k < to; k++) assertEquals(p1[k], p2[k], 1e-14 * Math.abs(p1[k]), "power " + zeta);
                }
                int n = to - from;
                double[] ev = rand(rnd, n + pad, 0, 40), cv = rand(rnd, n + pad, -1, 1);
                double[][] a = {rand(rnd, n + pad, 0, 4), rand(rnd, n + pad, 0, 4), rand(rnd, n + pad, 0, 4), rand(rnd, n + pad, 0, 4)};
                for (int count : new int[] {1, 2, 4}) {
                    for (double next : new double[] {Double.POSITIVE_INFINITY, 17.0}) {
                        double[] acc1 = new double[4 * SC.lanes()], acc2 = new double[4 * PA.lanes()];
                        double[] e1 = ev.clone(), e2 = ev.clone(), c1 = cv.clone(), c2 = cv.clone();
                        int m1 = SC.level(e1, c1, n, 0.31, count, a[0], a[1], a[2], a[3], acc1, 0, 1, 2, 3, next);
                        int m2 = PA.level(e2, c2, n, 0.31, count, a[0], a[1], a[2], a[3], acc2, 0, PA.lanes(), 2 * PA.lanes(), 3 * PA.lanes(), next);
                        for (int t = 0; t < 4; t++) {
                            double s2 = 0;
                            for (int l = 0; l < PA.lanes(); l++) s2 += acc2[t * PA.lanes() + l];
                            // positive terms, ≤ 80 of them: round-off ≤ 80 ε relative; exp differs by ≤ 1e-15
                            assertEquals(acc1[t], s2, 1e-13 * Math.abs(acc1[t]), "level count " + count + " t " + t);
                            if (t >= count) assertEquals(0.0, s2, "unused accumulator untouched");
                        }
                        assertEquals(m1, m2, "pairs kept by the compaction");
                        int expect = 0;
                        for (int k = 0; k < n; k++) if (next == Double.POSITIVE_INFINITY || ev[k] <= next) expect++;
                        assertEquals(expect, m1, "compaction keeps exactly e <= next");
                        for (int k = 0, kept = 0; k < n; k++) {
                            if (next != Double.POSITIVE_INFINITY && ev[k] > next) continue;
                            assertEquals(ev[k], e2[kept], "compacted e, in order");
                            assertEquals(cv[k], c2[kept], "compacted cos, in order");
                            assertEquals(ev[k], e1[kept], "scalar compacted e, in order");
                            assertEquals(cv[k], c1[kept++], "scalar compacted cos, in order");
                        }
                    }
                }
                for (double next : new double[] {Double.POSITIVE_INFINITY, 17.0}) {
                    double[] acc1 = new double[3 * SC.lanes()], acc2 = new double[3 * PA.lanes()];
                    double[] e1 = ev.clone(), e2 = ev.clone(), c1 = cv.clone(), c2 = cv.clone();
                    int m1 = SC.levelPowerSums(e1, c1, n, 0.31, acc1, 0, 1, 2, next);
                    int m2 = PA.levelPowerSums(e2, c2, n, 0.31, acc2, 0, PA.lanes(), 2 * PA.lanes(), next);
                    for (int l = 0; l < 3; l++) {
                        double s2 = 0, abs = 0;
                        for (int q = 0; q < PA.lanes(); q++) s2 += acc2[l * PA.lanes() + q];
                        for (int k = 0; k < n; k++) abs += Math.exp(-0.31 * ev[k]) * Math.pow(Math.abs(cv[k]), l);
                        // ≤ 80 terms (of either sign for l = 1): round-off ≤ 80 ε of their absolute sum; exp ≤ 1e-15
                        assertEquals(acc1[l], s2, 1e-13 * abs, "power sum " + l);
                    }
                    assertEquals(m1, m2, "pairs kept by the power-sum compaction");
                    for (int k = 0; k < m1; k++) {
                        assertEquals(e1[k], e2[k], "power-sum compacted e");
                        assertEquals(c1[k], c2[k], "power-sum compacted cos");
                    }
                }
                for (double next : new double[] {Double.POSITIVE_INFINITY, 17.0}) {
                    int la = PA.lanes();
                    double[] acc1 = new double[5], acc2 = new double[5 * la];
                    double[] e1 = ev.clone(), e2 = ev.clone(), c1 = cv.clone(), c2 = cv.clone();
                    // ζ = 8 not wanted: its accumulator stays untouched
                    int m1 = SC.levelChain(e1, c1, n, 0.31, 0.8, acc1, 0, 1, 2, -1, 4, next);
                    int m2 = PA.levelChain(e2, c2, n, 0.31, 0.8, acc2, 0, la, 2 * la, -1, 4 * la, next);
                    int[] zs = {1, 2, 4, 8, 16};
                    for (int t = 0; t < 5; t++) {
                        double s2 = 0, want = 0;
                        for (int q = 0; q < la; q++) s2 += acc2[t * la + q];
                        for (int k = 0; k < n; k++) want += Math.exp(-0.31 * ev[k]) * ScalarDescriptorKernel.ipow(1 + 0.8 * cv[k], zs[t]);
                        if (t == 3) {
                            assertEquals(0.0, s2, "unwanted sum untouched");
                            assertEquals(0.0, acc1[3], "unwanted sum untouched (scalar)");
                            continue;
                        }
                        // positive terms, ≤ 80 of them: round-off ≤ 80 ε relative; exp ≤ 1e-15
                        assertEquals(acc1[t], s2, 1e-13 * Math.abs(acc1[t]), "chain sum zeta " + zs[t]);
                        assertEquals(want, acc1[t], 1e-13 * want, "chain sum zeta " + zs[t] + " against the direct sum");
                    }
                    assertEquals(m1, m2, "pairs kept by the chain compaction");
                    for (int k = 0; k < m1; k++) {
                        assertEquals(e1[k], e2[k], "chain compacted e");
                        assertEquals(c1[k], c2[k], "chain compacted cos");
                    }
                }
                assertEquals(SC.radialSum(r, from, to, 2.1, 40.0), PA.radialSum(r, from, to, 2.1, 40.0),
                        1e-13 * Math.max(1e-300, SC.radialSum(r, from, to, 2.1, 40.0)), "radialSum");
            }
        }
    }

    @Test
    void momentsAgreeOnEveryTailLength() {
        SplittableRandom rnd = new SplittableRandom(9);
        int cap = 90, pad = 16, deg = 6, nm = Monomials.start(deg + 1);
        double[] x = rand(rnd, cap + pad, -3, 3), y = rand(rnd, cap + pad, -3, 3), z = rand(rnd, cap + pad, -3, 3);
        double[][] w = {rand(rnd, cap + pad, 0, 1), rand(rnd, cap + pad, -1, 1), rand(rnd, cap + pad, 0, 2)};
        int[] lo = {0, Monomials.start(1), Monomials.start(2)}, hi = {Monomials.start(5), Monomials.start(6), nm};
        for (int from = 0; from < 9; from++) {
            for (int to = from; to <= cap; to += to < 40 ? 1 : 7) {
                double[][] a1 = new double[3][nm * SC.lanes()], a2 = new double[3][nm * PA.lanes()];
                SC.moments(x, y, z, from, to, w, lo, hi, new double[4 * nm * SC.lanes()], a1);
                PA.moments(x, y, z, from, to, w, lo, hi, new double[4 * nm * PA.lanes()], a2);
                for (int s = 0; s < 3; s++) {
                    for (int i = 0; i < nm; i++) {
                        double v = 0, abs = 0;
                        for (int l = 0; l < PA.lanes(); l++) v += a2[s][i * PA.lanes() + l];
                        for (int k = from; k < to; k++) {
                            double[] m = new double[nm];
                            Monomials.fill(x[k], y[k], z[k], deg, m);
                            abs += Math.abs(w[s][k] * m[i]);
                        }
                        boolean used = i >= lo[s] && i < hi[s];
                        if (!used) {
                            assertEquals(0.0, v, "moment outside [lo, hi) untouched");
                            continue;
                        }
                        // ≤ 90 terms of either sign: round-off ≤ ~100 ε of their absolute sum
                        assertEquals(a1[s][i], v, 1e-13 * abs, "moment " + i + " of set " + s + ", [" + from + ", " + to + ")");
                    }
                }
            }
        }
    }

    private static double[] rand(SplittableRandom rnd, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) v[k] = lo + (hi - lo) * rnd.nextDouble();
        return v;
    }

    /**
     * End to end on N = 1301 (odd) particles with rmax = 2.3: neighbour counts range over ~20–60, odd
     * and even, so every tail length of the vector loops occurs; and the ka-266 preset on a few centres.
     * Tolerance 1e-10 relative to each column's magnitude (+1e-13 absolute for near-empty columns): sums of
     * positive terms, summed in different orders (lanes vs sequential), with exp agreeing to ~1e-15.
     */
    @Test
    void scalarAndVectorRowsAgreeOnOddSizes() {
        Box box = Box.cubic(10.9);
        try (ParticleStore p = Configs.random(1301, box, 0.8, 0.7, 3)) {
            DescriptorSpec small = new DescriptorSpec(null, 2.3, new int[] {0, 1},
                    List.of(new DescriptorSpec.Radial(1.0, 0.01), new DescriptorSpec.Radial(1.7, 0.08)),
                    List.of(new DescriptorSpec.Angular(1.2, 1, 3), new DescriptorSpec.Angular(0.9, -1, 1),
                            new DescriptorSpec.Angular(0.9, 1, 2), new DescriptorSpec.Angular(0.9, 0.5, 5),
                            new DescriptorSpec.Angular(2.0, -1, 2)), DescriptorSpec.DEFAULT_TOLERANCE);
            int[] all = DescriptorCalculator.centres(p, -1);
            compare(small, box, p, all);
            compare(DescriptorSpec.preset("ka-266"), box, p, new int[] {1, 640, 1300});
        }
    }

    private static void compare(DescriptorSpec spec, Box box, ParticleStore p, int[] slots) {
        int m = spec.columnCount();
        double[] s = new double[slots.length * m], v = s.clone(), v3 = s.clone();
        try (DescriptorCalculator a = new DescriptorCalculator(spec, 1, SC);
             DescriptorCalculator b = new DescriptorCalculator(spec, 1, PA);
             DescriptorCalculator c = new DescriptorCalculator(spec, 3, PA)) {
            a.compute(box, p, slots, s, 0);
            b.compute(box, p, slots, v, 0);
            c.compute(box, p, slots, v3, 0);
        }
        for (int k = 0; k < s.length; k++) assertEquals(s[k], v[k], 1e-10 * Math.abs(s[k]) + 1e-13, "element " + k);
        assertArrayEquals(v, v3, "rows are identical for 1 and 3 threads");
    }
}
