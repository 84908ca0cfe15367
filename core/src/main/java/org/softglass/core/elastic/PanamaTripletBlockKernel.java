package org.softglass.core.elastic;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.PanamaSupport;

/**
 * Vector-API {@link TripletBlockKernel}.
 *
 * <p>{@link #addRows}: lanes over consecutive blocks of a row. x_m, y_m, z_m are gathered through the block's
 * index 3m, the nine elements loaded contiguously (component-major storage of {@link TripletBlocks}), and
 * {@code s_r += b_r0 x + b_r1 y + b_r2 z} accumulated lane-wise with fused multiply-adds; the lanes are then summed
 * in lane order (through a scratch array, not {@code reduceLanes}, whose order may differ between the interpreted
 * and the compiled kernel) and the row's remaining blocks added by {@link ScalarTripletBlockKernel#finishRow}.
 *
 * <p>{@link #addRowsMulti}: lanes over the vectors (contiguous in the interleaved layout, no gathers), for each
 * full group of lanes; the nine coefficients of a block are broadcast; the vectors after the last full group run
 * {@link ScalarTripletBlockKernel#rowMulti}.
 *
 * <p>Both sum each row in a fixed order, so the results are the same in every run and for every split into row
 * ranges; they differ from the scalar kernel in the last bits (fused multiply-adds, lane partial sums).
 * Loaded only through {@link TripletBlockKernels} (reflectively, see {@link org.softglass.core.simd.Simd}).
 */
final class PanamaTripletBlockKernel implements TripletBlockKernel {
    static final PanamaTripletBlockKernel INSTANCE = new PanamaTripletBlockKernel();
    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;
    private static final int L = S.length();

    private PanamaTripletBlockKernel() {}

    @Override
    public void addRows(TripletBlocks tb, double[] x, double[] y, int from, int to) {
        final double[] b = tb.b;
        final int[] col3 = tb.col3;
        final int nb = tb.nb;
        final double[] lanes = new double[3 * L];
        for (int l = from; l < to; l++) {
            int t = tb.rowStart[l], vecEnd = t + ((tb.rowStart[l + 1] - t) / L) * L;
            double sx = 0, sy = 0, sz = 0;
            if (t < vecEnd) {
                DoubleVector vx = DoubleVector.zero(S), vy = DoubleVector.zero(S), vz = DoubleVector.zero(S);
                for (; t < vecEnd; t += L) {
                    DoubleVector xm = DoubleVector.fromArray(S, x, 0, col3, t);
                    DoubleVector ym = DoubleVector.fromArray(S, x, 1, col3, t);
                    DoubleVector zm = DoubleVector.fromArray(S, x, 2, col3, t);
                    vx = DoubleVector.fromArray(S, b, t).fma(xm, DoubleVector.fromArray(S, b, nb + t).fma(ym,
                            DoubleVector.fromArray(S, b, 2 * nb + t).fma(zm, vx)));
                    vy = DoubleVector.fromArray(S, b, 3 * nb + t).fma(xm, DoubleVector.fromArray(S, b, 4 * nb + t).fma(ym,
                            DoubleVector.fromArray(S, b, 5 * nb + t).fma(zm, vy)));
                    vz = DoubleVector.fromArray(S, b, 6 * nb + t).fma(xm, DoubleVector.fromArray(S, b, 7 * nb + t).fma(ym,
                            DoubleVector.fromArray(S, b, 8 * nb + t).fma(zm, vz)));
                }
                vx.intoArray(lanes, 0);
                vy.intoArray(lanes, L);
                vz.intoArray(lanes, 2 * L);
                for (int k = 0; k < L; k++) {
                    sx += lanes[k];
                    sy += lanes[L + k];
                    sz += lanes[2 * L + k];
                }
            }
            ScalarTripletBlockKernel.finishRow(tb, x, y, l, t, sx, sy, sz);   // the scalar tail
        }
    }

    @Override
    public void addRowsMulti(TripletBlocks tb, double[] x, double[] y, int nr, int from, int to) {
        final double[] b = tb.b;
        final int nb = tb.nb;
        final int full = nr - nr % L;
        final double[] acc = new double[3 * nr];
        for (int l = from; l < to; l++) {
            int yo = 3 * l * nr;
            for (int off = 0; off < full; off += L) {
                DoubleVector sx = DoubleVector.zero(S), sy = DoubleVector.zero(S), sz = DoubleVector.zero(S);
                for (int t = tb.rowStart[l], e = tb.rowStart[l + 1]; t < e; t++) {
                    int xo = tb.col3[t] * nr + off;
                    DoubleVector xm = DoubleVector.fromArray(S, x, xo);
                    DoubleVector ym = DoubleVector.fromArray(S, x, xo + nr);
                    DoubleVector zm = DoubleVector.fromArray(S, x, xo + 2 * nr);
                    sx = xm.fma(bc(b, t), ym.fma(bc(b, nb + t), zm.fma(bc(b, 2 * nb + t), sx)));
                    sy = xm.fma(bc(b, 3 * nb + t), ym.fma(bc(b, 4 * nb + t), zm.fma(bc(b, 5 * nb + t), sy)));
                    sz = xm.fma(bc(b, 6 * nb + t), ym.fma(bc(b, 7 * nb + t), zm.fma(bc(b, 8 * nb + t), sz)));
                }
                DoubleVector.fromArray(S, y, yo + off).add(sx).intoArray(y, yo + off);
                DoubleVector.fromArray(S, y, yo + nr + off).add(sy).intoArray(y, yo + nr + off);
                DoubleVector.fromArray(S, y, yo + 2 * nr + off).add(sz).intoArray(y, yo + 2 * nr + off);
            }
            if (full < nr) ScalarTripletBlockKernel.rowMulti(tb, x, y, nr, l, full, nr, acc);
        }
    }

    /** b[k] in every lane. */
    private static DoubleVector bc(double[] b, int k) { return DoubleVector.broadcast(S, b[k]); }
}
