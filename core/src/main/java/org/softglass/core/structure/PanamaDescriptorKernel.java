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
    public void dotCos(double xj, double yj, double zj, double irj, double[] x, double[] y, double[] z, double[] ir,
            int from, int to, double[] dot, double[] cos) {
        for (int k = from; k < to; k += L) {
            DoubleVector d = DoubleVector.fromArray(S, x, k).mul(xj)
                    .add(DoubleVector.fromArray(S, y, k).mul(yj))
                    .add(DoubleVector.fromArray(S, z, k).mul(zj));
            d.intoArray(dot, k);
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
    public void gaussianSums(double[] dot, double[] f, double c, int from, int to, double scale, int count,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3) {
        if (to <= from) return;
        // one small method per count: a single large method exceeds C2's inlining budget and the vector
        // operations then run as (boxing) library calls
        if (count == 4) sums4(dot, f, c, from, to, scale, a0, a1, a2, a3, acc, o0, o1, o2, o3);
        else if (count == 2) sums2(dot, f, c, from, to, scale, a0, a1, acc, o0, o1);
        else sums1(dot, f, c, from, to, scale, a0, acc, o0);
    }

    private static void sums4(double[] dot, double[] f, double c, int from, int to, double scale,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3) {
        int full = from + (to - from) / L * L; // whole vectors in [from, full), one masked vector in [full, to)
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = from;
        for (; k < full; k += L) {
            DoubleVector w = weight(dot, f, c, k);
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            s2 = w.fma(DoubleVector.fromArray(S, a2, k), s2);
            s3 = w.fma(DoubleVector.fromArray(S, a3, k), s3);
        }
        if (k < to) {
            DoubleVector w = weight(dot, f, c, k).blend(0.0, S.indexInRange(k, to).not());
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

    private static void sums2(double[] dot, double[] f, double c, int from, int to, double scale,
            double[] a0, double[] a1, double[] acc, int o0, int o1) {
        int full = from + (to - from) / L * L;
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int k = from;
        for (; k < full; k += L) {
            DoubleVector w = weight(dot, f, c, k);
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
        }
        if (k < to) {
            DoubleVector w = weight(dot, f, c, k).blend(0.0, S.indexInRange(k, to).not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
        }
        DoubleVector sc = DoubleVector.broadcast(S, scale);
        s0.fma(sc, DoubleVector.fromArray(S, acc, o0)).intoArray(acc, o0);
        s1.fma(sc, DoubleVector.fromArray(S, acc, o1)).intoArray(acc, o1);
    }

    private static void sums1(double[] dot, double[] f, double c, int from, int to, double scale,
            double[] a0, double[] acc, int o0) {
        int full = from + (to - from) / L * L;
        DoubleVector s0 = DoubleVector.zero(S);
        int k = from;
        for (; k < full; k += L) s0 = weight(dot, f, c, k).fma(DoubleVector.fromArray(S, a0, k), s0);
        if (k < to) {
            DoubleVector w = weight(dot, f, c, k).blend(0.0, S.indexInRange(k, to).not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
        }
        s0.fma(DoubleVector.broadcast(S, scale), DoubleVector.fromArray(S, acc, o0)).intoArray(acc, o0);
    }

    private static DoubleVector weight(double[] dot, double[] f, double c, int k) {
        return exp(DoubleVector.fromArray(S, dot, k).mul(c)).mul(DoubleVector.fromArray(S, f, k));
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double MAGIC = 0x1.8p52;

    /**
     * exp(x) for |x| ≤ 708 (outside, the result is meaningless: callers guarantee the range), inline (no library call): x = n ln 2 + t with n = rint(x / ln 2) and
     * |t| ≤ ln 2 / 2 (Cody–Waite split of ln 2, exact for |n| &lt; 2^20), e^t by its Taylor polynomial
     * of degree 12 in Horner form (truncation ≤ 0.347^13/13! ≈ 1.7·10⁻¹⁶ relative), times 2^n built in
     * the exponent bits. Relative error a few units of 10⁻¹⁶ (tested against {@link Math#exp}).
     * Package-private for that test. Callers keep |x| ≤ 640 for every lane that enters a result (see
     * {@link CentreWorker}); lanes outside the range only occur in blended-away tail lanes.
     */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, MAGIC));
        DoubleVector n = t.sub(MAGIC);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, 1.0 / 479001600);
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 39916800));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 3628800));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 362880));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 40320));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 5040));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 720));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 120));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 24));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 6));
        p = p.fma(r, DoubleVector.broadcast(S, 0.5));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
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
