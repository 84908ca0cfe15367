package org.softglass.core.elastic;

import java.util.Arrays;

/**
 * The scalar {@link TripletBlockKernel}: row l sums its blocks in column order, {@code b_r0 x + b_r1 y + b_r2 z} per
 * block and component r, and adds the sum to y once. The blocked product forms every vector's sum in the same order
 * and form, so each vector's result equals {@link #addRows} bit for bit. (These are the loops of
 * {@code TripletBlocks.addProduct} / {@code addProductMany} before the kernels, with the same results.)
 */
final class ScalarTripletBlockKernel implements TripletBlockKernel {
    static final ScalarTripletBlockKernel INSTANCE = new ScalarTripletBlockKernel();

    private ScalarTripletBlockKernel() {}

    @Override
    public void addRows(TripletBlocks tb, double[] x, double[] y, int from, int to) {
        for (int l = from; l < to; l++) finishRow(tb, x, y, l, tb.rowStart[l], 0, 0, 0);
    }

    /**
     * Row l of y += B x from partial sums: y_l += (sx, sy, sz) + Σ_{t ∈ [t0, end of row)} B_t x_{col t}, block by block
     * in column order. The whole row in this kernel (t0 = the row's first block, zero sums); the tail after the lanes
     * in the Vector-API one.
     */
    static void finishRow(TripletBlocks tb, double[] x, double[] y, int l, int t0, double sx, double sy, double sz) {
        final double[] b = tb.b;
        final int[] col3 = tb.col3;
        final int nb = tb.nb;
        for (int t = t0, e = tb.rowStart[l + 1]; t < e; t++) {
            int m = col3[t];
            double xm = x[m], ym = x[m + 1], zm = x[m + 2];
            sx += b[t] * xm + b[nb + t] * ym + b[2 * nb + t] * zm;
            sy += b[3 * nb + t] * xm + b[4 * nb + t] * ym + b[5 * nb + t] * zm;
            sz += b[6 * nb + t] * xm + b[7 * nb + t] * ym + b[8 * nb + t] * zm;
        }
        y[3 * l] += sx;
        y[3 * l + 1] += sy;
        y[3 * l + 2] += sz;
    }

    @Override
    public void addRowsMulti(TripletBlocks tb, double[] x, double[] y, int nr, int from, int to) {
        double[] acc = new double[3 * nr];
        for (int l = from; l < to; l++) rowMulti(tb, x, y, nr, l, 0, nr, acc);
    }

    /**
     * Row l of Y += B X for the vectors s ∈ [s0, s1) of the nr interleaved ones, each summed as in {@link #addRows}.
     * The whole range in this kernel; the vectors after the last full lane group in the Vector-API one.
     *
     * @param acc scratch of at least 3·nr doubles
     */
    static void rowMulti(TripletBlocks tb, double[] x, double[] y, int nr, int l, int s0, int s1, double[] acc) {
        final double[] b = tb.b;
        final int nb = tb.nb;
        Arrays.fill(acc, 0, 3 * nr, 0.0);
        for (int t = tb.rowStart[l], e = tb.rowStart[l + 1]; t < e; t++) {
            int xo = tb.col3[t] * nr;
            for (int r = 0; r < 3; r++) {
                double bx = b[3 * r * nb + t], by = b[(3 * r + 1) * nb + t], bz = b[(3 * r + 2) * nb + t];
                int ao = r * nr;
                for (int s = s0; s < s1; s++) acc[ao + s] += bx * x[xo + s] + by * x[xo + nr + s] + bz * x[xo + 2 * nr + s];
            }
        }
        int yo = 3 * l * nr;
        for (int r = 0; r < 3; r++) for (int s = s0; s < s1; s++) y[yo + r * nr + s] += acc[r * nr + s];
    }
}
