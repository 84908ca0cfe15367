package org.softglass.core.elastic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.PanamaSupport;

/**
 * Vector-API {@link HessianKernel}. {@link #rows} gathers {@code x_j} lane-wise through the entry
 * index {@code 3j} and accumulates in lanes, reduced once per row, with a scalar tail.
 * {@link #rowsMulti}, for {@code nr} a multiple of the lane count, runs the lanes over the right-hand
 * sides (contiguous in the interleaved layout, no gathers), broadcasts block coefficients and
 * accumulates with fused multiply-adds (so results differ from the scalar kernel in the last bits;
 * they are deterministic); for other {@code nr} it runs {@link ScalarHessianKernel#rowsMulti}.
 * Loaded only through {@link HessianKernels} (reflectively, see {@link org.softglass.core.simd.Simd}).
 */
final class PanamaHessianKernel implements HessianKernel {
    static final PanamaHessianKernel INSTANCE = new PanamaHessianKernel();
    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;

    private PanamaHessianKernel() {}

    @Override
    public void rows(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int from, int to) {
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
            ScalarHessianKernel.finishRow(h, col3, x, y, i, k, e, vx.reduceLanes(VectorOperators.ADD),
                    vy.reduceLanes(VectorOperators.ADD), vz.reduceLanes(VectorOperators.ADD));   // the scalar tail
        }
    }

    @Override
    public void rowsMulti(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int nr, int from, int to) {
        if (nr % S.length() != 0) {
            ScalarHessianKernel.INSTANCE.rowsMulti(h, col3, rowStart, x, y, nr, from, to);
            return;
        }
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
