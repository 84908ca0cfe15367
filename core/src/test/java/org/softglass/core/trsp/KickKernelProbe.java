package org.softglass.core.trsp;

import java.util.SplittableRandom;

/** Test access to the package-private kick kernels for {@code org.softglass.core.simd.ScalarPathProbe}. */
public final class KickKernelProbe {
    private KickKernelProbe() {}

    /**
     * The dense and packed lower-triangular kernels on random float data of odd sizes (tails for any
     * lane count), as bit patterns in one array: the scalar kernel if {@code scalar}, else the
     * provider's choice.
     */
    public static float[] run(boolean scalar, long seed) {
        KickKernel k = scalar ? KickKernels.scalar() : KickKernels.get();
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 37, cols = 13;
        float[] a = new float[rows * cols], x = new float[rows];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        float[] out = new float[2 * rows];
        float[] dense = new float[rows];
        k.dense(a, rows, cols, x, dense);
        int[] start = new int[rows + 1];
        for (int b = 0; b < rows; b++) start[b + 1] = start[b] + rows - b;
        float[] packed = new float[start[rows]];
        for (int i = 0; i < packed.length; i++) packed[i] = (float) r.nextGaussian();
        float[] lower = new float[rows];
        k.lowerPacked(packed, start, rows, x, lower);
        System.arraycopy(dense, 0, out, 0, rows);
        System.arraycopy(lower, 0, out, rows, rows);
        return out;
    }
}
