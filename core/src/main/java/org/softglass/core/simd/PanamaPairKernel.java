package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API implementation of {@link PairKernel}: one loop per functional form, so each loop is
 * monomorphic and fully inlined; lanes beyond the cutoff are masked to zero.
 */
public final class PanamaPairKernel implements PairKernel {
    public static final PanamaPairKernel INSTANCE = new PanamaPairKernel();
    private static final VectorSpecies<Double> S = Simd.DOUBLE;
    private static final int L = S.length();

    private PanamaPairKernel() {}

    @Override
    public int padded(int n) { return (n + L - 1) / L * L; }

    @Override
    public void accumulate(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc) {
        switch (p.form()) {
            case LJ -> lj(p, dx, dy, dz, n, energy, acc);
            case HARMONIC -> harmonic(p, dx, dy, dz, n, energy, acc);
            case IPL -> ipl(p, dx, dy, dz, n, energy, acc);
        }
    }

    private static void lj(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        double c12 = p.a(), c6 = p.b(), shift = p.c(), rc2 = p.rc2();
        for (int k = 0; k < n; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, dx, k), y = DoubleVector.fromArray(S, dy, k), z = DoubleVector.fromArray(S, dz, k);
            DoubleVector r2 = x.mul(x).add(y.mul(y)).add(z.mul(z));
            VectorMask<Double> in = r2.lt(rc2);
            DoubleVector inv2 = DoubleVector.broadcast(S, 1.0).div(r2).blend(zero, in.not());
            DoubleVector inv6 = inv2.mul(inv2).mul(inv2);
            DoubleVector fr = inv6.mul(inv6.mul(12.0 * c12).sub(6.0 * c6)).mul(inv2);
            fx = x.fma(fr, fx);
            fy = y.fma(fr, fy);
            fz = z.fma(fr, fz);
            if (energy) {
                DoubleVector e = inv6.mul(inv6.mul(c12).sub(c6)).sub(shift);
                u = u.add(e, in);
                w = r2.fma(fr, w);
            }
        }
        finish(fx, fy, fz, u, w, energy, acc);
    }

    private static void harmonic(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        double eps = p.a(), inv = p.b(), rc2 = p.rc2();
        for (int k = 0; k < n; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, dx, k), y = DoubleVector.fromArray(S, dy, k), z = DoubleVector.fromArray(S, dz, k);
            DoubleVector r2 = x.mul(x).add(y.mul(y)).add(z.mul(z));
            VectorMask<Double> in = r2.lt(rc2);
            DoubleVector r = r2.lanewise(VectorOperators.SQRT);
            DoubleVector g = r.mul(-inv).add(1.0).blend(zero, in.not());
            DoubleVector fr = g.mul(eps * inv).div(r);
            fx = x.fma(fr, fx);
            fy = y.fma(fr, fy);
            fz = z.fma(fr, fz);
            if (energy) {
                u = g.mul(g).mul(0.5 * eps).add(u);
                w = r2.fma(fr, w);
            }
        }
        finish(fx, fy, fz, u, w, energy, acc);
    }

    private static void ipl(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector fx = zero, fy = zero, fz = zero, u = zero, w = zero;
        double eps = p.a(), il2 = p.b(), c0 = p.c(), c2 = p.d(), c4 = p.e(), c6 = p.f(), rc2 = p.rc2();
        for (int k = 0; k < n; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, dx, k), y = DoubleVector.fromArray(S, dy, k), z = DoubleVector.fromArray(S, dz, k);
            DoubleVector r2 = x.mul(x).add(y.mul(y)).add(z.mul(z));
            VectorMask<Double> in = r2.lt(rc2);
            DoubleVector x2 = r2.mul(il2);
            DoubleVector ix2 = DoubleVector.broadcast(S, 1.0).div(x2);
            DoubleVector ix4 = ix2.mul(ix2);
            DoubleVector ix8 = ix4.mul(ix4);
            DoubleVector poly = x2.mul(6.0 * c6).add(4.0 * c4).mul(x2).add(2.0 * c2);
            DoubleVector fr = ix8.mul(ix4).mul(10.0).sub(poly).mul(eps * il2).blend(zero, in.not());
            fx = x.fma(fr, fx);
            fy = y.fma(fr, fy);
            fz = z.fma(fr, fz);
            if (energy) {
                DoubleVector e = x2.mul(c6).add(c4).mul(x2).add(c2).mul(x2).add(c0).add(ix8.mul(ix2)).mul(eps);
                u = u.add(e, in);
                w = r2.fma(fr, w);
            }
        }
        finish(fx, fy, fz, u, w, energy, acc);
    }

    private static void finish(DoubleVector fx, DoubleVector fy, DoubleVector fz, DoubleVector u, DoubleVector w,
                               boolean energy, double[] acc) {
        acc[0] += fx.reduceLanes(VectorOperators.ADD);
        acc[1] += fy.reduceLanes(VectorOperators.ADD);
        acc[2] += fz.reduceLanes(VectorOperators.ADD);
        if (energy) {
            acc[3] += u.reduceLanes(VectorOperators.ADD);
            acc[4] += w.reduceLanes(VectorOperators.ADD);
        }
    }
}
