package org.softglass.core.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API implementation of {@link PairKernel} on contiguous, padded neighbour arrays. The minimum
 * image uses the exact rounding {@code rint(t) = (t + 1.5·2⁵²) − 1.5·2⁵²} (|t| &lt; 2⁵¹), per-lane
 * parameters are selected by species with blends, and one loop per functional form keeps every loop
 * monomorphic; padding lanes fall outside the cutoff mask.
 *
 * <p>Each form has two loops, forces-only and forces+energy, that repeat the load/minimum-image/force
 * lines on purpose: merging them behind an {@code if (energy)} inside the loop makes C2 merge vectors
 * through phis and box them (measured 2–5× slower). Keep the two copies in step when editing.
 *
 * <p>Imports {@code jdk.incubator.vector}: reached only through {@link PairKernels} (reflectively, see
 * {@link Simd}) or by code that knows the module is present (tests, benchmarks).
 */
public final class PanamaPairKernel implements PairKernel {
    public static final PanamaPairKernel INSTANCE = new PanamaPairKernel();
    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;
    private static final int L = S.length();
    private static final double MAGIC = 1.5 * 0x1p52;

    /** Int lanes matching the double lanes (the gather's index vectors). */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(L * Integer.SIZE));

    /**
     * How the Stillinger–Weber pair term runs: {@code scalar} (the scalar kernel, the default) or {@code vector}
     * ({@link #accumulateSw}); system property {@code softglass.simd.swPair}, read once, for benchmarks. The vector
     * loops were ≈ 10 % faster in SW MD only with {@link VectorOperators#EXP}, whose results depend on when C2 compiles
     * the loop; with the JIT-independent {@link PanamaExp#exp} the loop exceeds C2's inlining budget
     * ({@code NodeCountInliningCutoff} at the exp) and its vectors are boxed, so the scalar kernel stays the default
     * (bench/RESULTS.md, 2026-12-04, "the SW pair loop for one species" and its correction).
     */
    enum SwPath { SCALAR, VECTOR }

    static final SwPath SW_PATH = SwPath.valueOf(System.getProperty("softglass.simd.swPair", "scalar").toUpperCase(java.util.Locale.ROOT));

    private PanamaPairKernel() {}

    /**
     * Hardware gathers (index vector 4·j into the packed copy) for whole vectors, then a scalar tail
     * and the padding. (A masked gather for the last, partial vector is not intrinsified by C2 in
     * JDK 25: it ran the Java fallback and made the quench 6× slower.)
     */
    @Override
    public void gather(MemorySegment indices, long k0, int m, double[] packed, int[] idx, int[] idx4,
                       double[] xj, double[] yj, double[] zj, double[] sj, double px, double py, double pz) {
        int k = 0;
        ByteOrder bo = ByteOrder.nativeOrder();
        for (int upper = m - L; k <= upper; k += L) {
            IntVector j = IntVector.fromMemorySegment(I, indices, (k0 + k) * Integer.BYTES, bo);
            j.intoArray(idx, k);
            j.lanewise(VectorOperators.LSHL, 2).intoArray(idx4, k);
            DoubleVector.fromArray(S, packed, 0, idx4, k).intoArray(xj, k);
            DoubleVector.fromArray(S, packed, 1, idx4, k).intoArray(yj, k);
            DoubleVector.fromArray(S, packed, 2, idx4, k).intoArray(zj, k);
            DoubleVector.fromArray(S, packed, 3, idx4, k).intoArray(sj, k);
        }
        PairKernel.gatherFrom(k, indices, k0, m, padded(m), packed, idx, xj, yj, zj, sj, px, py, pz);
    }

    @Override
    public int padded(int n) { return (n + L - 1) / L * L; }

    @Override
    public void accumulate(PairRow row, double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sjs,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        switch (row.form) {
            case LJ -> {
                if (energy) ljEnergy(row, xi, yi, zi, xj, yj, zj, sjs, n, b, true, acc, pairsOut);
                else ljForces(row, xi, yi, zi, xj, yj, zj, sjs, n, b, false, acc, pairsOut);
            }
            case HARMONIC -> {
                if (energy) harmonicEnergy(row, xi, yi, zi, xj, yj, zj, sjs, n, b, true, acc, pairsOut);
                else harmonicForces(row, xi, yi, zi, xj, yj, zj, sjs, n, b, false, acc, pairsOut);
            }
            case IPL -> {
                if (energy) iplEnergy(row, xi, yi, zi, xj, yj, zj, sjs, n, b, true, acc, pairsOut);
                else iplForces(row, xi, yi, zi, xj, yj, zj, sjs, n, b, false, acc, pairsOut);
            }
            case LJ_SF -> {
                if (energy) ljSfEnergy(row, xi, yi, zi, xj, yj, zj, sjs, n, b, true, acc, pairsOut);
                else ljSfForces(row, xi, yi, zi, xj, yj, zj, sjs, n, b, false, acc, pairsOut);
            }
            case STICKY -> {
                if (energy) stickyEnergy(row, xi, yi, zi, xj, yj, zj, sjs, n, b, true, acc, pairsOut);
                else stickyForces(row, xi, yi, zi, xj, yj, zj, sjs, n, b, false, acc, pairsOut);
            }
            case SW -> {
                switch (SW_PATH) {
                    case SCALAR -> ScalarPairKernel.INSTANCE.accumulate(row, xi, yi, zi, xj, yj, zj, sjs, n, b, energy, acc, pairsOut);
                    case VECTOR -> accumulateSw(row, xi, yi, zi, xj, yj, zj, sjs, n, b, energy, acc, pairsOut);
                }
            }
        }
    }

    /** Minimum image of {@code d} for box length l with reciprocal il. */
    private static DoubleVector minImage(DoubleVector d, double l, double il) {
        DoubleVector t = d.mul(il).add(MAGIC).sub(MAGIC);
        return t.mul(-l).add(d);
    }

    /**
     * Lane-wise parameter {@code v[species of lane]} for two species, given the mask of lanes whose
     * neighbour is species 1. Kept branch- and loop-free with one shared mask: a loop-carried or
     * phi-merged vector, or a second blend chain, measured 5× slower here (C2 then boxes vectors).
     */
    private static DoubleVector select(double[] v, VectorMask<Double> isB) {
        return DoubleVector.broadcast(S, v[0]).blend(v[1], isB);
    }

    private static void ljForces(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, c12 = row.a, c6 = row.b, sh = row.c;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector a12 = select(c12, isB), a6 = select(c6, isB);
            DoubleVector inv2 = DoubleVector.broadcast(S, 1.0).div(r2).blend(zero, in.not());
            DoubleVector inv6 = inv2.mul(inv2).mul(inv2);
            DoubleVector fr = inv6.mul(a12.mul(12.0)).sub(a6.mul(6.0)).mul(inv6).mul(inv2);
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    private static void ljEnergy(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, c12 = row.a, c6 = row.b, sh = row.c;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            DoubleVector sv = DoubleVector.fromArray(S, sd, k);
            VectorMask<Double> isB = sv.compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector a12 = select(c12, isB), a6 = select(c6, isB);
            DoubleVector inv2 = DoubleVector.broadcast(S, 1.0).div(r2).blend(zero, in.not());
            DoubleVector inv6 = inv2.mul(inv2).mul(inv2);
            DoubleVector fr = inv6.mul(a12.mul(12.0)).sub(a6.mul(6.0)).mul(inv6).mul(inv2);
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            // shift by arithmetic, not a fourth blend (which measured 30 % slower): shA + s·(shB − shA), s ∈ {0, 1}
            DoubleVector e = inv6.mul(a12).sub(a6).mul(inv6).sub(sv.mul(sh[1] - sh[0]).add(sh[0]));
            DoubleVector em = e.blend(zero, in.not());
            u = u.add(em);
            if (pairsOut) em.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    private static void harmonicForces(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, inv = row.b;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), iv = select(inv, isB);
            DoubleVector r = r2.lanewise(VectorOperators.SQRT);
            DoubleVector g = r.mul(iv).neg().add(1.0).blend(zero, in.not());
            DoubleVector fr = g.mul(e).mul(iv).div(r.blend(1.0, in.not()));
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    private static void harmonicEnergy(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, inv = row.b;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), iv = select(inv, isB);
            DoubleVector r = r2.lanewise(VectorOperators.SQRT);
            DoubleVector g = r.mul(iv).neg().add(1.0).blend(zero, in.not());
            DoubleVector fr = g.mul(e).mul(iv).div(r.blend(1.0, in.not()));
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            DoubleVector up = g.mul(g).mul(e).mul(0.5);
            u = up.add(u);
            if (pairsOut) up.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    private static void iplForces(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, il2 = row.b;
        // the smoothing coefficients depend only on x_c, shared by all pairs of a potential
        double c0 = row.c[0], c2 = row.d[0], c4 = row.e[0], c6 = row.f[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), l2 = select(il2, isB);
            DoubleVector x2 = r2.mul(l2).blend(1.0, in.not());
            DoubleVector ix2 = DoubleVector.broadcast(S, 1.0).div(x2);
            DoubleVector ix4 = ix2.mul(ix2);
            DoubleVector ix8 = ix4.mul(ix4);
            DoubleVector poly = x2.mul(6.0 * c6).add(4.0 * c4).mul(x2).add(2.0 * c2);
            DoubleVector fr = ix8.mul(ix4).mul(10.0).sub(poly).mul(e).mul(l2).blend(zero, in.not());
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    private static void iplEnergy(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, il2 = row.b;
        // the smoothing coefficients depend only on x_c, shared by all pairs of a potential
        double c0 = row.c[0], c2 = row.d[0], c4 = row.e[0], c6 = row.f[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), l2 = select(il2, isB);
            DoubleVector x2 = r2.mul(l2).blend(1.0, in.not());
            DoubleVector ix2 = DoubleVector.broadcast(S, 1.0).div(x2);
            DoubleVector ix4 = ix2.mul(ix2);
            DoubleVector ix8 = ix4.mul(ix4);
            DoubleVector poly = x2.mul(6.0 * c6).add(4.0 * c4).mul(x2).add(2.0 * c2);
            DoubleVector fr = ix8.mul(ix4).mul(10.0).sub(poly).mul(e).mul(l2).blend(zero, in.not());
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            DoubleVector en = x2.mul(c6).add(c4).mul(x2).add(c2).mul(x2).add(c0).add(ix8.mul(ix2)).mul(e);
            DoubleVector em = en.blend(zero, in.not());
            u = u.add(em);
            if (pairsOut) em.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    /** Shifted-force LJ ({@link PairFunctions#ljSfForceOverR}): the LJ loop plus {@code U'_LJ(r_c)/r}. */
    private static void ljSfForces(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, c12 = row.a, c6 = row.b, sl = row.d;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector a12 = select(c12, isB), a6 = select(c6, isB), slope = select(sl, isB);
            DoubleVector inv2 = DoubleVector.broadcast(S, 1.0).div(r2).blend(zero, in.not());
            DoubleVector inv6 = inv2.mul(inv2).mul(inv2);
            DoubleVector fr = inv6.mul(a12.mul(12.0)).sub(a6.mul(6.0)).mul(inv6).mul(inv2).add(slope.mul(inv2.lanewise(VectorOperators.SQRT)));
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    /** Shifted-force LJ with energies ({@link PairFunctions#ljSfEnergy}); keep in step with {@link #ljSfForces}. */
    private static void ljSfEnergy(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, c12 = row.a, c6 = row.b, sh = row.c, sl = row.d, rcs = row.e;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector a12 = select(c12, isB), a6 = select(c6, isB), slope = select(sl, isB);
            DoubleVector inv2 = DoubleVector.broadcast(S, 1.0).div(r2).blend(zero, in.not());
            DoubleVector inv6 = inv2.mul(inv2).mul(inv2);
            DoubleVector fr = inv6.mul(a12.mul(12.0)).sub(a6.mul(6.0)).mul(inv6).mul(inv2).add(slope.mul(inv2.lanewise(VectorOperators.SQRT)));
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            DoubleVector r = r2.lanewise(VectorOperators.SQRT);
            DoubleVector e = inv6.mul(a12).sub(a6).mul(inv6).sub(select(sh, isB)).sub(r.sub(select(rcs, isB)).mul(slope));
            DoubleVector em = e.blend(zero, in.not());
            u = u.add(em);
            if (pairsOut) em.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    /**
     * Sticky spheres ({@link PairFunctions#stickyForceOverR}): one formula, with the core's A = B = 4 and
     * no polynomial blended in for X = r²/λ² &lt; {@link PairFunctions#STICKY_XMIN2}.
     */
    private static void stickyForces(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, il2 = row.b;
        // the smoothing coefficients depend only on x_c, shared by all pairs of a potential (PairRow checks)
        double c2 = row.d[0], c4 = row.e[0], c6 = row.f[0], ca = row.g[0], cb = row.h[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), l2 = select(il2, isB);
            DoubleVector x = r2.mul(l2).blend(1.0, in.not());
            VectorMask<Double> core = x.compare(VectorOperators.LT, PairFunctions.STICKY_XMIN2);
            DoubleVector iu = DoubleVector.broadcast(S, 1.0).div(x);
            DoubleVector iu3 = iu.mul(iu).mul(iu);
            DoubleVector aa = DoubleVector.broadcast(S, ca).blend(4.0, core), bb = DoubleVector.broadcast(S, cb).blend(4.0, core);
            DoubleVector poly = x.mul(3.0 * c6).add(2.0 * c4).mul(x).add(c2).blend(zero, core);
            DoubleVector fr = iu3.mul(iu).mul(aa.mul(6.0).mul(iu3).sub(bb.mul(3.0))).sub(poly).mul(e.mul(l2).mul(2.0)).blend(zero, in.not());
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    /** Sticky spheres with energies ({@link PairFunctions#stickyEnergy}); keep in step with {@link #stickyForces}. */
    private static void stickyEnergy(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double[] rc2 = row.rc2, eps = row.a, il2 = row.b;
        double c0 = row.c[0], c2 = row.d[0], c4 = row.e[0], c6 = row.f[0], ca = row.g[0], cb = row.h[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = DoubleVector.fromArray(S, xs, k), dy = DoubleVector.fromArray(S, ys, k), dz = DoubleVector.fromArray(S, zs, k);
            VectorMask<Double> isB = DoubleVector.fromArray(S, sd, k).compare(VectorOperators.EQ, 1.0);
            dx = minImage(dx.neg().add(xi), b.lx(), b.ilx());
            dy = minImage(dy.neg().add(yi), b.ly(), b.ily());
            dz = minImage(dz.neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, select(rc2, isB));
            DoubleVector e = select(eps, isB), l2 = select(il2, isB);
            DoubleVector x = r2.mul(l2).blend(1.0, in.not());
            VectorMask<Double> core = x.compare(VectorOperators.LT, PairFunctions.STICKY_XMIN2);
            DoubleVector iu = DoubleVector.broadcast(S, 1.0).div(x);
            DoubleVector iu3 = iu.mul(iu).mul(iu);
            DoubleVector aa = DoubleVector.broadcast(S, ca).blend(4.0, core), bb = DoubleVector.broadcast(S, cb).blend(4.0, core);
            DoubleVector poly = x.mul(3.0 * c6).add(2.0 * c4).mul(x).add(c2).blend(zero, core);
            DoubleVector fr = iu3.mul(iu).mul(aa.mul(6.0).mul(iu3).sub(bb.mul(3.0))).sub(poly).mul(e.mul(l2).mul(2.0)).blend(zero, in.not());
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            DoubleVector polyE = x.mul(c6).add(c4).mul(x).add(c2).mul(x).add(c0).blend(zero, core);
            DoubleVector em = iu3.mul(aa.mul(iu3).sub(bb)).add(polyE).mul(e).blend(zero, in.not());
            u = u.add(em);
            if (pairsOut) em.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    /**
     * The Stillinger–Weber pair term through the vector loops ({@link #swForcesUniform}, {@link #swEnergyUniform})
     * for a row whose parameters are the same for every neighbour species (the one-species SW glass) and have the
     * presets' exponents p = 4, q = 0; any other row runs the scalar kernel. Same contract as {@link #accumulate},
     * which dispatches here only with {@code -Dsoftglass.simd.swPair=vector} (see {@link SwPath}). (A loop selecting the parameters per
     * lane for two species was too large for C2 to inline its vector operations: they were boxed and SW MD ran
     * 20–28 % slower than with the scalar kernel, bench/RESULTS.md 2026-12-04; no preset has two SW species.)
     */
    static void accumulateSw(PairRow row, double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sjs,
                             int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        if (!swVectorised(row)) ScalarPairKernel.INSTANCE.accumulate(row, xi, yi, zi, xj, yj, zj, sjs, n, b, energy, acc, pairsOut);
        else if (energy) swEnergyUniform(row, xi, yi, zi, xj, yj, zj, sjs, n, b, acc, pairsOut);
        else swForcesUniform(row, xi, yi, zi, xj, yj, zj, n, b, acc, pairsOut);
    }

    /**
     * Stillinger–Weber pair term ({@link PairFunctions#swPair}) for p = 4, q = 0 and parameters shared by every
     * neighbour species: with s = σ/r, t = 1/(r − aσ), X = exp(σt), {@code U = Aε (B s⁴ − 1) X} and
     * {@code −U'/r = Aε X (4 B s⁴/r + (B s⁴ − 1) σ t²)/r}. Lanes beyond the cutoff, lanes where σt ≤ −700 (X
     * underflows) and lanes where r rounds to aσ (σt = ∞) or σt is NaN, as in the scalar form, are dead: they get
     * t = 0 before the exponential (so its argument stays in {@link PanamaExp#exp}'s range) and their force and energy
     * are replaced by 0 after it (the final blends are what keep inf and NaN out of the sums). The exponential is
     * {@link PanamaExp#exp}, not {@link VectorOperators#EXP}, whose result depends on whether C2 has compiled the
     * loop: the same seed and thread count give the same trajectory. The parameters are broadcast once, the
     * species column is not read and every vector runs the same path (no early exit), the smallest loop graph found;
     * it still exceeds C2's inlining budget at the inline exp, so its vectors are boxed (see {@link SwPath}).
     */
    private static void swForcesUniform(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs,
                                        int n, PeriodicLengths b, double[] acc, boolean pairsOut) {
        double rc2 = row.rc2[0], aeps = row.a[0], bb = row.b[0], sig = row.e[0], rcs = row.f[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = minImage(DoubleVector.fromArray(S, xs, k).neg().add(xi), b.lx(), b.ilx());
            DoubleVector dy = minImage(DoubleVector.fromArray(S, ys, k).neg().add(yi), b.ly(), b.ily());
            DoubleVector dz = minImage(DoubleVector.fromArray(S, zs, k).neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            DoubleVector r = r2.lanewise(VectorOperators.SQRT), rm = r.sub(rcs);
            DoubleVector q = DoubleVector.broadcast(S, 1.0).div(r.mul(rm)), ir = rm.mul(q), t = r.mul(q);
            DoubleVector phi = t.mul(sig);
            VectorMask<Double> dead = r2.compare(VectorOperators.LT, rc2).and(phi.compare(VectorOperators.GT, -700.0))
                    .and(phi.compare(VectorOperators.LT, 0.0)).not();
            t = t.blend(zero, dead);
            DoubleVector x = PanamaExp.exp(t.mul(sig));
            DoubleVector sr = ir.mul(sig), sr2 = sr.mul(sr), bp = sr2.mul(sr2).mul(bb);
            DoubleVector fr = bp.mul(4.0).mul(ir).add(bp.sub(1.0).mul(sig).mul(t).mul(t))
                    .mul(x).mul(aeps).mul(ir).blend(zero, dead);
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        finish(false, acc, pairsOut);
    }

    /** {@link #swForcesUniform} with energies U and virial W; keep the two in step. */
    private static void swEnergyUniform(PairRow row, double xi, double yi, double zi, double[] xs, double[] ys, double[] zs, double[] sd,
                                        int n, PeriodicLengths b, double[] acc, boolean pairsOut) {
        double rc2 = row.rc2[0], aeps = row.a[0], bb = row.b[0], sig = row.e[0], rcs = row.f[0];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        for (int k = 0; k < n; k += L) {
            DoubleVector dx = minImage(DoubleVector.fromArray(S, xs, k).neg().add(xi), b.lx(), b.ilx());
            DoubleVector dy = minImage(DoubleVector.fromArray(S, ys, k).neg().add(yi), b.ly(), b.ily());
            DoubleVector dz = minImage(DoubleVector.fromArray(S, zs, k).neg().add(zi), b.lz(), b.ilz());
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
            DoubleVector r = r2.lanewise(VectorOperators.SQRT), rm = r.sub(rcs);
            DoubleVector q = DoubleVector.broadcast(S, 1.0).div(r.mul(rm)), ir = rm.mul(q), t = r.mul(q);
            DoubleVector phi = t.mul(sig);
            VectorMask<Double> dead = r2.compare(VectorOperators.LT, rc2).and(phi.compare(VectorOperators.GT, -700.0))
                    .and(phi.compare(VectorOperators.LT, 0.0)).not();
            t = t.blend(zero, dead);
            DoubleVector x = PanamaExp.exp(t.mul(sig));
            DoubleVector sr = ir.mul(sig), sr2 = sr.mul(sr), bp = sr2.mul(sr2).mul(bb);
            DoubleVector ax = x.mul(aeps);
            DoubleVector fr = bp.mul(4.0).mul(ir).add(bp.sub(1.0).mul(sig).mul(t).mul(t)).mul(ax).mul(ir).blend(zero, dead);
            fx = dx.fma(fr, fx);
            fy = dy.fma(fr, fy);
            fz = dz.fma(fr, fz);
            if (pairsOut) {
                dx.mul(fr).intoArray(xs, k);
                dy.mul(fr).intoArray(ys, k);
                dz.mul(fr).intoArray(zs, k);
            }
            DoubleVector em = bp.sub(1.0).mul(ax).blend(zero, dead);
            u = u.add(em);
            if (pairsOut) em.intoArray(sd, k);
            w = r2.fma(fr, w);
        }
        fx.intoArray(acc, FX);
        fy.intoArray(acc, FY);
        fz.intoArray(acc, FZ);
        u.intoArray(acc, U);
        w.intoArray(acc, W);
        finish(true, acc, pairsOut);
    }

    /**
     * Whether the Stillinger–Weber row runs the vector loops: parameters shared by every species
     * ({@link PairRow#uniform}) with the exponents the loops hard-code, p = 4 and q = 0 (the SW presets,
     * {@link org.softglass.core.energy.StillingerWeber#paper004()}); other rows run the scalar kernel.
     */
    static boolean swVectorised(PairRow row) {
        return row.uniform && row.c[0] == 4.0 && row.d[0] == 0.0;   // uniform: every species has species 0's exponents
    }

    /** Where the kernels leave their accumulator vectors in {@code acc} for {@link #finish}. */
    private static final int FX = PairKernel.ACC_SCRATCH, FY = FX + L, FZ = FY + L, U = FZ + L, W = U + L;

    /**
     * Adds the lanes of each accumulator, left by the kernel at {@code acc[FX..]}, {@code acc[FY..]},
     * … ({@code intoArray}), to acc in lane order 0..L−1. ({@code reduceLanes(ADD)} on doubles has no
     * fixed order: compiled and interpreted code may sum differently, which would make results depend on
     * JIT timing and so on the thread count.) The vectors go through the array, not as arguments: this
     * method is not inlined (it runs once per row), and C2 in JDK 25 then boxes vector arguments at
     * every call — five allocations per row, ≈ 3 GB/s in KA MD before this was changed (2026-12-04).
     */
    private static void finish(boolean energy, double[] acc, boolean pairsOut) {
        if (!pairsOut) { // with per-pair output the caller sums the forces itself
            acc[0] += sum(acc, FX);
            acc[1] += sum(acc, FY);
            acc[2] += sum(acc, FZ);
        }
        if (energy) {
            acc[3] += sum(acc, U);
            acc[4] += sum(acc, W);
        }
    }

    /** Lane sum {@code acc[off] + … + acc[off + L − 1]} in lane order. */
    private static double sum(double[] acc, int off) {
        double s = 0;
        for (int l = 0; l < L; l++) s += acc[off + l];
        return s;
    }
}
