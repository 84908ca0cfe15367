package org.softglass.core.trsp;

/** The scalar {@link KickKernel}: per element, one fused multiply-add per column, columns in order. */
final class ScalarKickKernel implements KickKernel {
    static final ScalarKickKernel INSTANCE = new ScalarKickKernel();

    private ScalarKickKernel() {}

    @Override
    public void dense(float[] a, int rows, int cols, float[] x, float[] acc) {
        for (int b = 0; b < cols; b++) {
            float xb = x[b];
            int off = b * rows;
            for (int i = 0; i < rows; i++) acc[i] = Math.fma(a[off + i], xb, acc[i]);
        }
    }

    @Override
    public void lowerPacked(float[] packed, int[] start, int n, float[] x, float[] acc) {
        for (int b = 0; b < n; b++) {
            float xb = x[b];
            int base = start[b] - b;
            for (int i = b; i < n; i++) acc[i] = Math.fma(packed[base + i], xb, acc[i]);
        }
    }
}
