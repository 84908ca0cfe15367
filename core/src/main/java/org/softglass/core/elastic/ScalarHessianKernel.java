package org.softglass.core.elastic;

/**
 * The scalar {@link HessianKernel}: each row summed term by term in entry order; the blocked product
 * sums every vector in the same order and form, so it equals {@code nr} single products bit for bit.
 */
final class ScalarHessianKernel implements HessianKernel {
    static final ScalarHessianKernel INSTANCE = new ScalarHessianKernel();

    private ScalarHessianKernel() {}

    @Override
    public void rows(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) finishRow(h, col3, x, y, i, rowStart[i], rowStart[i + 1], 0, 0, 0);
    }

    /**
     * Row i of y = M x from partial sums: y_i = (sx, sy, sz) + Σ_{k ∈ [k0, e)} K_k (x_i − x_{col k}), term by term in
     * entry order. The whole row in this kernel (k0 = the row's first entry, zero sums); the tail after the lanes in
     * the Vector-API one (its lane sums reduced).
     */
    static void finishRow(Hessian h, int[] col3, double[] x, double[] y, int i, int k0, int e, double sx, double sy, double sz) {
        final double[] axx = h.kxx, axy = h.kxy, axz = h.kxz, ayy = h.kyy, ayz = h.kyz, azz = h.kzz;
        double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
        for (int k = k0; k < e; k++) {
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

    @Override
    public void rowsMulti(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int nr, int from, int to) {
        final double[] acc = new double[3 * nr];
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
}
