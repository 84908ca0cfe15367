package org.softglass.core.elastic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.Simd;

/**
 * Row kernels of the sparse Hessian product {@code (M x)_i = Σ_j K_ij (x_i − x_j)} (see {@link Hessian}):
 * a scalar loop and a Vector-API twin that gathers {@code x_j} lane-wise through the entry index
 * {@code 3j} and accumulates in lanes, reduced once per row. Both read x and the six block arrays,
 * write only rows [from, to) of y, and sum each row in a fixed order.
 */
final class HessianKernels {
    private HessianKernels() {}

    private static final VectorSpecies<Double> S = Simd.DOUBLE;

    static void rowsScalar(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int from, int to) {
        final double[] axx = h.kxx, axy = h.kxy, axz = h.kxz, ayy = h.kyy, ayz = h.kyz, azz = h.kzz;
        for (int i = from; i < to; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double sx = 0, sy = 0, sz = 0;
            for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
                int c = col3[k];
                double dx = xi - x[c], dy = yi - x[c + 1], dz = zi - x[c + 2];
                sx += axx[k] * dx + axy[k] * dy + axz[k] * dz;
                sy += axy[k] * dx + ayy[k] * dy + ayz[k] * dz;
                sz += axz[k] * dx + ayz[k] * dy + azz[k] * dz;
            }
            y[3 * i] = sx;
            y[3 * i + 1] = sy;
            y[3 * i + 2] = sz;
        }
    }

    static void rowsSimd(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int from, int to) {
        final double[] axx = h.kxx, axy = h.kxy, axz = h.kxz, ayy = h.kyy, ayz = h.kyz, azz = h.kzz;
        final int lanes = S.length();
        for (int i = from; i < to; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int k = rowStart[i], e = rowStart[i + 1];
            int vecEnd = k + ((e - k) / lanes) * lanes;
            DoubleVector vx = DoubleVector.zero(S), vy = DoubleVector.zero(S), vz = DoubleVector.zero(S);
            for (; k < vecEnd; k += lanes) {
                DoubleVector dx = DoubleVector.fromArray(S, x, 0, col3, k).neg().add(xi);
                DoubleVector dy = DoubleVector.fromArray(S, x, 1, col3, k).neg().add(yi);
                DoubleVector dz = DoubleVector.fromArray(S, x, 2, col3, k).neg().add(zi);
                DoubleVector bxy = DoubleVector.fromArray(S, axy, k);
                DoubleVector bxz = DoubleVector.fromArray(S, axz, k);
                DoubleVector byz = DoubleVector.fromArray(S, ayz, k);
                vx = DoubleVector.fromArray(S, axx, k).fma(dx, bxy.fma(dy, bxz.fma(dz, vx)));
                vy = bxy.fma(dx, DoubleVector.fromArray(S, ayy, k).fma(dy, byz.fma(dz, vy)));
                vz = bxz.fma(dx, byz.fma(dy, DoubleVector.fromArray(S, azz, k).fma(dz, vz)));
            }
            double sx = vx.reduceLanes(VectorOperators.ADD);
            double sy = vy.reduceLanes(VectorOperators.ADD);
            double sz = vz.reduceLanes(VectorOperators.ADD);
            for (; k < e; k++) {
                int c = col3[k];
                double dx = xi - x[c], dy = yi - x[c + 1], dz = zi - x[c + 2];
                sx += axx[k] * dx + axy[k] * dy + axz[k] * dz;
                sy += axy[k] * dx + ayy[k] * dy + ayz[k] * dz;
                sz += axz[k] * dx + ayz[k] * dy + azz[k] * dz;
            }
            y[3 * i] = sx;
            y[3 * i + 1] = sy;
            y[3 * i + 2] = sz;
        }
    }

    /**
     * Rows [from, to) of Y = M X for R right-hand sides at once, interleaved: component a of
     * particle i of vector r at {@code (3i + a)·R + r}. Each block is read once for all R vectors
     * (the product is memory-bound, so this divides the matrix traffic by R); per vector the terms
     * are summed in the same order and form as {@link #rowsScalar}, so the result equals R scalar
     * products bit for bit.
     */
    static void rowsMulti(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int nr, double[] acc,
                          int from, int to) {
        final double[] axx = h.kxx, axy = h.kxy, axz = h.kxz, ayy = h.kyy, ayz = h.kyz, azz = h.kzz;
        for (int i = from; i < to; i++) {
            int bi = 3 * i * nr;
            java.util.Arrays.fill(acc, 0, 3 * nr, 0.0);
            for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
                int bj = col3[k] * nr;
                double cxx = axx[k], cxy = axy[k], cxz = axz[k], cyy = ayy[k], cyz = ayz[k], czz = azz[k];
                for (int r = 0; r < nr; r++) {
                    double dx = x[bi + r] - x[bj + r], dy = x[bi + nr + r] - x[bj + nr + r], dz = x[bi + 2 * nr + r] - x[bj + 2 * nr + r];
                    acc[r] += cxx * dx + cxy * dy + cxz * dz;
                    acc[nr + r] += cxy * dx + cyy * dy + cyz * dz;
                    acc[2 * nr + r] += cxz * dx + cyz * dy + czz * dz;
                }
            }
            System.arraycopy(acc, 0, y, bi, 3 * nr);
        }
    }

    /**
     * Vector-API twin of {@link #rowsMulti} for {@code nr} a multiple of the lane count: the lanes
     * run over the right-hand sides (contiguous in the interleaved layout, no gathers), block
     * coefficients are broadcast, and terms are accumulated with fused multiply-adds (so results
     * differ from the scalar path in the last bits; they are deterministic).
     */
    static void rowsMultiSimd(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int nr, int from, int to) {
        final double[] axx = h.kxx, axy = h.kxy, axz = h.kxz, ayy = h.kyy, ayz = h.kyz, azz = h.kzz;
        final int lanes = S.length();
        for (int i = from; i < to; i++) {
            int bi = 3 * i * nr;
            for (int off = 0; off < nr; off += lanes) {
                DoubleVector xi = DoubleVector.fromArray(S, x, bi + off), yi = DoubleVector.fromArray(S, x, bi + nr + off),
                        zi = DoubleVector.fromArray(S, x, bi + 2 * nr + off);
                DoubleVector sx = DoubleVector.zero(S), sy = DoubleVector.zero(S), sz = DoubleVector.zero(S);
                for (int k = rowStart[i], e = rowStart[i + 1]; k < e; k++) {
                    int bj = col3[k] * nr + off;
                    DoubleVector dx = xi.sub(DoubleVector.fromArray(S, x, bj));
                    DoubleVector dy = yi.sub(DoubleVector.fromArray(S, x, bj + nr));
                    DoubleVector dz = zi.sub(DoubleVector.fromArray(S, x, bj + 2 * nr));
                    DoubleVector cxy = DoubleVector.broadcast(S, axy[k]), cxz = DoubleVector.broadcast(S, axz[k]),
                            cyz = DoubleVector.broadcast(S, ayz[k]);
                    sx = dx.fma(DoubleVector.broadcast(S, axx[k]), dy.fma(cxy, dz.fma(cxz, sx)));
                    sy = dx.fma(cxy, dy.fma(DoubleVector.broadcast(S, ayy[k]), dz.fma(cyz, sy)));
                    sz = dx.fma(cxz, dy.fma(cyz, dz.fma(DoubleVector.broadcast(S, azz[k]), sz)));
                }
                sx.intoArray(y, bi + off);
                sy.intoArray(y, bi + nr + off);
                sz.intoArray(y, bi + 2 * nr + off);
            }
        }
    }
}
