package org.softglass.core.structure;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.PanamaExp;
import org.softglass.core.simd.PanamaSupport;

/**
 * Vector-API {@link DescriptorKernel} on {@link DoubleVector#SPECIES_PREFERRED} (8 doubles with
 * AVX-512). {@link #pairs} runs whole vectors up to the padding (see the interface's padding contract) and
 * packs the kept lanes with {@code compress}; the reductions ({@link #level}, {@link #radialSum}) run whole
 * vectors up to the end and one last vector whose lanes at or beyond the end are blended to zero (and left
 * out of the compaction), so padding values never enter a sum. exp is the inline base-2 {@link PanamaExp#exp2} (e^(−c e) as 2^(−c log₂e · e); not {@link VectorOperators#EXP}, whose SVML
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
    public int pairs(double xj, double yj, double zj, double r2j, double irj, double[] x, double[] y, double[] z,
            double[] r2, double[] ir, int from, int to, double eMax, double[] e, double[] cos, int at) {
        if (eMax == Double.POSITIVE_INFINITY) {
            // every pair kept: plain stores (the lanes past `to` land in the list's padding)
            for (int k = from, o = at; k < to; k += L, o += L) {
                DoubleVector d = dot(xj, yj, zj, x, y, z, k);
                DoubleVector.fromArray(S, r2, k).add(r2j).sub(d).intoArray(e, o);
                d.mul(irj).mul(DoubleVector.fromArray(S, ir, k)).intoArray(cos, o);
            }
            return at + (to - from);
        }
        for (int k = from; k < to; k += L) {
            DoubleVector d = dot(xj, yj, zj, x, y, z, k);
            DoubleVector ev = DoubleVector.fromArray(S, r2, k).add(r2j).sub(d);
            VectorMask<Double> keep = ev.compare(VectorOperators.LE, eMax);
            if (k + L > to) keep = keep.and(S.indexInRange(k, to));
            at = append(ev, d.mul(irj).mul(DoubleVector.fromArray(S, ir, k)), keep, e, cos, at);
        }
        return at;
    }

    /** r_j·r_k for the lanes k.. k+L: (xj x + yj y) + zj z, no FMA (the scalar kernel's rounding). */
    private static DoubleVector dot(double xj, double yj, double zj, double[] x, double[] y, double[] z, int k) {
        return DoubleVector.fromArray(S, x, k).mul(xj)
                .add(DoubleVector.fromArray(S, y, k).mul(yj))
                .add(DoubleVector.fromArray(S, z, k).mul(zj));
    }

    /**
     * Stores the lanes of (ev, cv) selected by {@code keep}, packed and in lane order, at e[at..], cos[at..]
     * (whole vectors: writes up to at + L); returns at plus their number. In-place compaction is safe
     * because at never exceeds the position the vectors were loaded from.
     */
    private static int append(DoubleVector ev, DoubleVector cv, VectorMask<Double> keep, double[] e, double[] cos, int at) {
        ev.compress(keep).intoArray(e, at);
        cv.compress(keep).intoArray(cos, at);
        return at + keep.trueCount();
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
    public int level(double[] e, double[] cos, int n, double c, int count, double[] a0, double[] a1, double[] a2, double[] a3,
            double[] acc, int o0, int o1, int o2, int o3, double eNext) {
        if (n <= 0) return 0;
        // one small method per count: a single large method exceeds C2's inlining budget and the vector
        // operations then run as (boxing) library calls; the compaction rides on the sums' loads of e
        double nc = -c * PanamaExp.LOG2_E;   // e^(−c e) = 2^(−c log₂e · e)
        if (count == 4) return sums4(e, cos, nc, n, a0, a1, a2, a3, acc, o0, o1, o2, o3, eNext);
        if (count == 2) return sums2(e, cos, nc, n, a0, a1, acc, o0, o1, eNext);
        return sums1(e, cos, nc, n, a0, acc, o0, eNext);
    }

    @Override
    public int levelPowerSums(double[] ev, double[] cv, int n, double c, double[] acc, int o0, int o1, int o2, double eNext) {
        if (n <= 0) return 0;
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        double nc = -c * PanamaExp.LOG2_E;   // e^(−c e) = 2^(−c log₂e · e)
        int full = n / L * L, at = 0;
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0;
        int k = 0;
        for (; k < full; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, ev, k), cs = DoubleVector.fromArray(S, cv, k), w = PanamaExp.exp2(e.mul(nc)), wc = w.mul(cs);
            s0 = s0.add(w);
            s1 = s1.add(wc);
            s2 = wc.fma(cs, s2);
            if (compact) at = append(e, cs, e.compare(VectorOperators.LE, eNext), ev, cv, at);
        }
        if (k < n) {
            VectorMask<Double> in = S.indexInRange(k, n);
            DoubleVector e = DoubleVector.fromArray(S, ev, k), cs = DoubleVector.fromArray(S, cv, k);
            DoubleVector w = PanamaExp.exp2(e.mul(nc)).blend(0.0, in.not()), wc = w.mul(cs);
            s0 = s0.add(w);
            s1 = s1.add(wc);
            s2 = wc.fma(cs, s2);
            if (compact) at = append(e, cs, e.compare(VectorOperators.LE, eNext).and(in), ev, cv, at);
        }
        DoubleVector.fromArray(S, acc, o0).add(s0).intoArray(acc, o0);
        DoubleVector.fromArray(S, acc, o1).add(s1).intoArray(acc, o1);
        DoubleVector.fromArray(S, acc, o2).add(s2).intoArray(acc, o2);
        return compact ? at : n;
    }

    @Override
    public int levelChain(double[] ev, double[] cv, int n, double c, double lambda, double[] acc, int o1, int o2, int o4, int o8,
            int o16, double eNext) {
        if (n <= 0) return 0;
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        double nc = -c * PanamaExp.LOG2_E;   // e^(−c e) = 2^(−c log₂e · e)
        int full = n / L * L, at = 0;
        DoubleVector s1 = DoubleVector.zero(S), s2 = s1, s4 = s1, s8 = s1, s16 = s1;
        int k = 0;
        for (; k < full; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, ev, k), cs = DoubleVector.fromArray(S, cv, k), w = PanamaExp.exp2(e.mul(nc));
            DoubleVector b = cs.mul(lambda).add(1.0), b2 = b.mul(b), b4 = b2.mul(b2), b8 = b4.mul(b4);
            s1 = w.fma(b, s1);
            s2 = w.fma(b2, s2);
            s4 = w.fma(b4, s4);
            s8 = w.fma(b8, s8);
            s16 = w.fma(b8.mul(b8), s16);
            if (compact) at = append(e, cs, e.compare(VectorOperators.LE, eNext), ev, cv, at);
        }
        if (k < n) {
            VectorMask<Double> in = S.indexInRange(k, n);
            DoubleVector e = DoubleVector.fromArray(S, ev, k), cs = DoubleVector.fromArray(S, cv, k);
            DoubleVector w = PanamaExp.exp2(e.mul(nc)).blend(0.0, in.not());
            DoubleVector b = cs.mul(lambda).add(1.0), b2 = b.mul(b), b4 = b2.mul(b2), b8 = b4.mul(b4);
            s1 = w.fma(b, s1);
            s2 = w.fma(b2, s2);
            s4 = w.fma(b4, s4);
            s8 = w.fma(b8, s8);
            s16 = w.fma(b8.mul(b8), s16);
            if (compact) at = append(e, cs, e.compare(VectorOperators.LE, eNext).and(in), ev, cv, at);
        }
        addLanes(acc, o1, s1);
        addLanes(acc, o2, s2);
        addLanes(acc, o4, s4);
        addLanes(acc, o8, s8);
        addLanes(acc, o16, s16);
        return compact ? at : n;
    }

    /** acc[o .. o + L) += s, unless o is negative (a sum that is not wanted). */
    private static void addLanes(double[] acc, int o, DoubleVector s) {
        if (o >= 0) DoubleVector.fromArray(S, acc, o).add(s).intoArray(acc, o);
    }

    private static int sums4(double[] ev, double[] cv, double nc, int n, double[] a0, double[] a1, double[] a2, double[] a3,
            double[] acc, int o0, int o1, int o2, int o3, double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        int full = n / L * L, at = 0; // whole vectors in [0, full), one masked vector in [full, n)
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int k = 0;
        for (; k < full; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, ev, k), w = PanamaExp.exp2(e.mul(nc));
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            s2 = w.fma(DoubleVector.fromArray(S, a2, k), s2);
            s3 = w.fma(DoubleVector.fromArray(S, a3, k), s3);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext), ev, cv, at);
        }
        if (k < n) {
            VectorMask<Double> in = S.indexInRange(k, n);
            DoubleVector e = DoubleVector.fromArray(S, ev, k), w = PanamaExp.exp2(e.mul(nc)).blend(0.0, in.not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            s2 = w.fma(DoubleVector.fromArray(S, a2, k), s2);
            s3 = w.fma(DoubleVector.fromArray(S, a3, k), s3);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext).and(in), ev, cv, at);
        }
        DoubleVector.fromArray(S, acc, o0).add(s0).intoArray(acc, o0);
        DoubleVector.fromArray(S, acc, o1).add(s1).intoArray(acc, o1);
        DoubleVector.fromArray(S, acc, o2).add(s2).intoArray(acc, o2);
        DoubleVector.fromArray(S, acc, o3).add(s3).intoArray(acc, o3);
        return compact ? at : n;
    }

    private static int sums2(double[] ev, double[] cv, double nc, int n, double[] a0, double[] a1, double[] acc, int o0, int o1,
            double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        int full = n / L * L, at = 0;
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0;
        int k = 0;
        for (; k < full; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, ev, k), w = PanamaExp.exp2(e.mul(nc));
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext), ev, cv, at);
        }
        if (k < n) {
            VectorMask<Double> in = S.indexInRange(k, n);
            DoubleVector e = DoubleVector.fromArray(S, ev, k), w = PanamaExp.exp2(e.mul(nc)).blend(0.0, in.not());
            s0 = w.fma(DoubleVector.fromArray(S, a0, k), s0);
            s1 = w.fma(DoubleVector.fromArray(S, a1, k), s1);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext).and(in), ev, cv, at);
        }
        DoubleVector.fromArray(S, acc, o0).add(s0).intoArray(acc, o0);
        DoubleVector.fromArray(S, acc, o1).add(s1).intoArray(acc, o1);
        return compact ? at : n;
    }

    private static int sums1(double[] ev, double[] cv, double nc, int n, double[] a0, double[] acc, int o0, double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        int full = n / L * L, at = 0;
        DoubleVector s0 = DoubleVector.zero(S);
        int k = 0;
        for (; k < full; k += L) {
            DoubleVector e = DoubleVector.fromArray(S, ev, k);
            s0 = PanamaExp.exp2(e.mul(nc)).fma(DoubleVector.fromArray(S, a0, k), s0);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext), ev, cv, at);
        }
        if (k < n) {
            VectorMask<Double> in = S.indexInRange(k, n);
            DoubleVector e = DoubleVector.fromArray(S, ev, k);
            s0 = PanamaExp.exp2(e.mul(nc)).blend(0.0, in.not()).fma(DoubleVector.fromArray(S, a0, k), s0);
            if (compact) at = append(e, DoubleVector.fromArray(S, cv, k), e.compare(VectorOperators.LE, eNext).and(in), ev, cv, at);
        }
        DoubleVector.fromArray(S, acc, o0).add(s0).intoArray(acc, o0);
        return compact ? at : n;
    }

    /** Blocks of L neighbours per pass of {@link #moments}: each accumulator load/store serves MB blocks. */
    static final int MB = 4;

    @Override
    public void moments(double[] x, double[] y, double[] z, int from, int to, double[][] w, int[] lo, int[] hi,
            double[] scratch, double[][] acc) {
        int maxDegree = Monomials.degreeCovering(hi), nm = Monomials.start(maxDegree + 1);
        // scratch: per block b (stride nm·L) monomial i at i, one vector each; blocks past `to` keep stale (finite)
        // values and get weight 0
        int stride = nm * L;
        DoubleVector one = DoubleVector.broadcast(S, 1.0), zero = DoubleVector.zero(S);
        for (int k0 = from; k0 < to; k0 += MB * L) {
            int nb = Math.min(MB, (to - k0 + L - 1) / L);
            for (int b = 0, o = 0; b < nb; b++, o += stride) {
                int k = k0 + b * L;
                monomials(DoubleVector.fromArray(S, x, k), DoubleVector.fromArray(S, y, k), DoubleVector.fromArray(S, z, k),
                        one, maxDegree, scratch, o);
            }
            for (int s = 0; s < w.length; s++) {
                double[] ws = w[s], as = acc[s];
                DoubleVector w0 = weight(ws, k0, to, zero), w1 = weight(ws, k0 + L, to, zero),
                        w2 = weight(ws, k0 + 2 * L, to, zero), w3 = weight(ws, k0 + 3 * L, to, zero);
                for (int i = lo[s], e = hi[s]; i < e; i++) {
                    int oi = i * L;
                    DoubleVector a = DoubleVector.fromArray(S, as, oi);
                    a = w0.fma(DoubleVector.fromArray(S, scratch, oi), a);
                    a = w1.fma(DoubleVector.fromArray(S, scratch, stride + oi), a);
                    a = w2.fma(DoubleVector.fromArray(S, scratch, 2 * stride + oi), a);
                    a = w3.fma(DoubleVector.fromArray(S, scratch, 3 * stride + oi), a);
                    a.intoArray(as, oi);
                }
            }
        }
    }

    /**
     * The monomials of degree ≤ maxDegree of (x, y, z) in {@link Monomials} order into scratch[o ..], one vector
     * each, by the block recurrence of that order (streams over the previous degree: no index arrays).
     */
    private static void monomials(DoubleVector x, DoubleVector y, DoubleVector z, DoubleVector one, int maxDegree,
            double[] scratch, int o) {
        one.intoArray(scratch, o);
        for (int p = 1; p <= maxDegree; p++) {
            int src = o + Monomials.start(p - 1) * L, dst = o + Monomials.start(p) * L, d = p * (p + 1) / 2;
            for (int q = 0; q < d * L; q += L) DoubleVector.fromArray(S, scratch, src + q).mul(x).intoArray(scratch, dst + q);
            int sy = src + (d - p) * L, dy = dst + d * L;
            for (int q = 0; q < p * L; q += L) DoubleVector.fromArray(S, scratch, sy + q).mul(y).intoArray(scratch, dy + q);
            DoubleVector.fromArray(S, scratch, src + (d - 1) * L).mul(z).intoArray(scratch, dy + p * L);
        }
    }

    /** The weights w[k .. k+L) with the lanes at or past `to` zeroed (all zero when k ≥ to: nothing is read). */
    private static DoubleVector weight(double[] w, int k, int to, DoubleVector zero) {
        if (k >= to) return zero;
        DoubleVector v = DoubleVector.fromArray(S, w, k);
        return k + L > to ? v.blend(0.0, S.indexInRange(k, to).not()) : v;
    }

    @Override
    public double radialSum(double[] r, int from, int to, double mu, double invW) {
        if (to <= from) return 0;
        DoubleVector s = DoubleVector.zero(S);
        double nw = -invW * PanamaExp.LOG2_E;
        int k = from;
        for (int full = from + (to - from) / L * L; k < full; k += L) {
            DoubleVector d = DoubleVector.fromArray(S, r, k).sub(mu);
            s = s.add(PanamaExp.exp2(d.mul(d).mul(nw)));
        }
        if (k < to) {
            VectorMask<Double> m = S.indexInRange(k, to);
            DoubleVector d = DoubleVector.fromArray(S, r, k).sub(mu);
            s = s.add(PanamaExp.exp2(d.mul(d).mul(nw)).blend(0.0, m.not()));
        }
        double sum = 0;   // lanes in ascending order (reduceLanes may change its order between the interpreter and C2)
        for (int l = 0; l < L; l++) sum += s.lane(l);
        return sum;
    }

    @Override public String name() { return "panama-" + S.vectorBitSize(); }
}
