package org.softglass.core.structure;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.PanamaSupport;

/**
 * Vector-API {@link DescriptorKernel} on {@link DoubleVector#SPECIES_PREFERRED} (8 doubles with
 * AVX-512). Element-wise loops run whole vectors up to the padding (see the interface's padding
 * contract); the reductions ({@link #gaussianSums}, {@link #radialSum}) run whole vectors up to
 * {@code to} and one last vector whose lanes at or beyond {@code to} are blended to zero, so padding
 * values never enter a sum. exp is the inline {@link #exp} (not {@link VectorOperators#EXP}, whose SVML
 * intrinsic and Java fallback round differently, so results would depend on JIT state), and every other
 * operation is an IEEE operation of fixed order, so results are identical whether the code runs
 * interpreted or compiled: rows are bit-identical for every thread count. Stateless.
 *
 * <p>Imports {@code jdk.incubator.vector}: reached only through {@link DescriptorKernels} (reflectively,
 * see {@link org.softglass.core.simd.Simd}) or by code that knows the module is present (tests, benchmarks).
 */
public final class PanamaDescriptorKernel implements DescriptorKernel {
    /** The shared instance. */
    public static final PanamaDescriptorKernel INSTANCE = new PanamaDescriptorKernel();

    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;
    private static final int L = S.length();

    private PanamaDescriptorKernel() {}

    @Override public int lanes() { return L; }

    @Override
    public void expScaled(double[] in, int from, int to, double c, double[] out) {
        for (int k = from; k < to; k += L) {
            exp(DoubleVector.fromArray(S, in, k).mul(c)).intoArray(out, k);
        }
    }

    @Override
    public void dotCos(double xj, double yj, double zj, double irj, double[] x, double[] y, double[] z, double[] r2,
            double[] ir, int from, int to, double[] s, double[] cos) {
        for (int k = from; k < to; k += L) {
            DoubleVector d = DoubleVector.fromArray(S, x, k).mul(xj)
                    .add(DoubleVector.fromArray(S, y, k).mul(yj))
                    .add(DoubleVector.fromArray(S, z, k).mul(zj));
            DoubleVector.fromArray(S, r2, k).sub(d).intoArray(s, k);
            d.mul(irj).mul(DoubleVector.fromArray(S, ir, k)).intoArray(cos, k);
        }
    }

    @Override
    public void power(double[] cos, int from, int to, double lambda, int zeta, double[] out) {
        switch (zeta) {
            case 1 -> { for (int k = from; k < to; k += L) base(cos, k, lambda).intoArray(out, k); }
            case 2 -> { for (int k = from; k < to; k += L) { DoubleVector b = base(cos, k, lambda); b.mul(b).intoArray(out, k); } }
            case 4 -> {
                for (int k = from; k < to; k += L) {
                    DoubleVector b = base(cos, k, lambda);
                    b = b.mul(b);
                    b.mul(b).intoArray(out, k);
                }
            }
            case 16 -> {
                for (int k = from; k < to; k += L) {
                    DoubleVector b = base(cos, k, lambda);
                    b = b.mul(b);
                    b = b.mul(b);
                    b = b.mul(b);
                    b.mul(b).intoArray(out, k);
                }
            }
            default -> {
                // b^zeta by binary exponentiation, the same multiplications as the scalar kernel
                for (int k = from; k < to; k += L) {
                    DoubleVector b = base(cos, k, lambda), r = DoubleVector.broadcast(S, 1.0);
                    for (int n = zeta; ; ) {
                        if ((n & 1) != 0) r = r.mul(b);
                        n >>>= 1;
                        if (n == 0) break;
                        b = b.mul(b);
                    }
                    r.intoArray(out, k);
                }
            }
        }
    }

    private static DoubleVector base(double[] cos, int k, double lambda) {
        return DoubleVector.fromArray(S, cos, k).mul(lambda).add(1.0);
    }

    @Override
    public void gaussianSums(double[] s, double c, double shift, int from, int to, double scale, int count,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3) {
        if (to <= from) return;
        // one small method per count: a single large method exceeds C2's inlining budget and the vector
        // operations then run as (boxing) library calls
        double nc = -c;
        if (count == 4) sums4(s, nc, shift, from, to, scale, a0, a1, a2, a3, acc, o0, o1, o2, o3);
        else if (count == 2) sums2(s, nc, shift, from, to, scale, a0, a1, acc, o0, o1);
        else sums1(s, nc, shift, from, to, scale, a0, acc, o0);
    }

    private static void sums4(double[] sv, double nc, double shift, int from, int to, double scale,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3) {
        int full = from + (to - from) / L * L; // whole vectors in [from, full), one masked vector in [full, to)
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = from;
        for (; k < full; k += L) {
            DoubleVector w = weight(sv, nc, shift, k);
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            s2 = w.fma(DoubleVector.fromArray(S, a2, k), s2);
            s3 = w.fma(DoubleVector.fromArray(S, a3, k), s3);
        }
        if (k < to) {
            DoubleVector w = weight(sv, nc, shift, k).blend(0.0, S.indexInRange(k, to).not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            s2 = w.fma(DoubleVector.fromArray(S, a2, k), s2);
            s3 = w.fma(DoubleVector.fromArray(S, a3, k), s3);
        }
        DoubleVector sc = DoubleVector.broadcast(S, scale);
        s0.fma(sc, DoubleVector.fromArray(S, acc, o0)).intoArray(acc, o0);
        s1.fma(sc, DoubleVector.fromArray(S, acc, o1)).intoArray(acc, o1);
        s2.fma(sc, DoubleVector.fromArray(S, acc, o2)).intoArray(acc, o2);
        s3.fma(sc, DoubleVector.fromArray(S, acc, o3)).intoArray(acc, o3);
    }

    private static void sums2(double[] sv, double nc, double shift, int from, int to, double scale,
            double[] a0, double[] a1, double[] acc, int o0, int o1) {
        int full = from + (to - from) / L * L;
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int k = from;
        for (; k < full; k += L) {
            DoubleVector w = weight(sv, nc, shift, k);
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
        }
        if (k < to) {
            DoubleVector w = weight(sv, nc, shift, k).blend(0.0, S.indexInRange(k, to).not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
        }
        DoubleVector sc = DoubleVector.broadcast(S, scale);
        s0.fma(sc, DoubleVector.fromArray(S, acc, o0)).intoArray(acc, o0);
        s1.fma(sc, DoubleVector.fromArray(S, acc, o1)).intoArray(acc, o1);
    }

    private static void sums1(double[] sv, double nc, double shift, int from, int to, double scale,
            double[] a0, double[] acc, int o0) {
        int full = from + (to - from) / L * L;
        DoubleVector s0 = DoubleVector.zero(S);
        int k = from;
        for (; k < full; k += L) s0 = weight(sv, nc, shift, k).fma(DoubleVector.fromArray(S, a0, k), s0);
        if (k < to) {
            DoubleVector w = weight(sv, nc, shift, k).blend(0.0, S.indexInRange(k, to).not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
        }
        s0.fma(DoubleVector.broadcast(S, scale), DoubleVector.fromArray(S, acc, o0)).intoArray(acc, o0);
    }

    /** exp(s[k..k+L) · nc + shift): the pair weights (one FMA before the exp). */
    private static DoubleVector weight(double[] sv, double nc, double shift, int k) {
        return exp(DoubleVector.fromArray(S, sv, k).fma(nc, shift));
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double MAGIC = 0x1.8p52;

    /**
     * Coefficients of e^t on |t| ≤ ln 2 / 2: the degree-10 polynomial interpolating e^t at the 11 Chebyshev
     * nodes of that interval (computed in 50-digit arithmetic, rounded to double; the constant term is 1).
     * Its truncation error is ≤ 2.9·10⁻¹⁶ relative (near-minimax: the degree-12 Taylor polynomial used
     * before had 1.7·10⁻¹⁶ with two more FMAs).
     */
    private static final double P1 = 1.0000000000000067, P2 = 0.5000000000000006, P3 = 0.16666666666554406,
            P4 = 0.04166666666657314, P5 = 0.008333333385667782, P6 = 0.0013888888932488599,
            P7 = 0.00019841170270440067, P8 = 2.4801504346997686e-05, P9 = 2.764018079620985e-06,
            P10 = 2.7626357241447223e-07;

    /**
     * exp(x) for |x| ≤ 708 (outside, the result is meaningless: callers guarantee the range), inline (no
     * library call): x = n ln 2 + t with n = rint(x / ln 2) and |t| ≤ ln 2 / 2 (Cody–Waite split of ln 2,
     * exact for |n| &lt; 2^20), e^t by the degree-10 polynomial {@code P1..P10} in Horner form (truncation
     * ≤ 2.9·10⁻¹⁶ relative), times 2^n built in the exponent bits. Relative error a few units of 10⁻¹⁶
     * (tested against {@link Math#exp}). Package-private for that test. Callers keep |x| ≤ 640 for every
     * lane that enters a result (see {@link CentreWorker}; pair weights are clamped at −700); lanes
     * outside the range only occur in blended-away tail lanes.
     */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC));
        DoubleVector n = t.sub(MAGIC);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, P10);
        p = p.fma(r, DoubleVector.broadcast(S, P9));
        p = p.fma(r, DoubleVector.broadcast(S, P8));
        p = p.fma(r, DoubleVector.broadcast(S, P7));
        p = p.fma(r, DoubleVector.broadcast(S, P6));
        p = p.fma(r, DoubleVector.broadcast(S, P5));
        p = p.fma(r, DoubleVector.broadcast(S, P4));
        p = p.fma(r, DoubleVector.broadcast(S, P3));
        p = p.fma(r, DoubleVector.broadcast(S, P2));
        p = p.fma(r, DoubleVector.broadcast(S, P1));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
        // the low bits of t hold n (two's complement); 2^n = (n + 1023) << 52
        DoubleVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)
                .add(1023L << 52).reinterpretAsDoubles();
        return p.mul(scale);
    }

    @Override
    public double radialSum(double[] r, int from, int to, double mu, double invW) {
        if (to <= from) return 0;
        DoubleVector s = DoubleVector.zero(S);
        double nw = -invW;
        int k = from;
        for (int full = from + (to - from) / L * L; k < full; k += L) {
            DoubleVector d = DoubleVector.fromArray(S, r, k).sub(mu);
            s = s.add(exp(d.mul(d).mul(nw)));
        }
        if (k < to) {
            VectorMask<Double> m = S.indexInRange(k, to);
            DoubleVector d = DoubleVector.fromArray(S, r, k).sub(mu);
            s = s.add(exp(d.mul(d).mul(nw)).blend(0.0, m.not()));
        }
        double sum = 0;   // lanes in ascending order (reduceLanes may change its order between the interpreter and C2)
        for (int l = 0; l < L; l++) sum += s.lane(l);
        return sum;
    }

    @Override public String name() { return "panama-" + S.vectorBitSize(); }
}
