package org.softglass.core.trsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.PanamaSupport;

/**
 * Vector-API {@link KickKernel} on the preferred float species: lanes run over rows, with a scalar
 * tail; the fused multiply-adds per element are those of {@link ScalarKickKernel}, in the same order.
 * Loaded only through {@link KickKernels} (reflectively, see {@link org.softglass.core.simd.Simd}).
 */
final class PanamaKickKernel implements KickKernel {
    static final PanamaKickKernel INSTANCE = new PanamaKickKernel();
    private static final VectorSpecies<Float> F = PanamaSupport.FLOAT;

    private PanamaKickKernel() {}

    @Override
    public void dense(float[] a, int rows, int cols, float[] x, float[] acc) {
        int vl = F.length(), upper = F.loopBound(rows);
        for (int i = 0; i < upper; i += vl) {
            FloatVector s = FloatVector.fromArray(F, acc, i);
            for (int b = 0; b < cols; b++) s = FloatVector.fromArray(F, a, b * rows + i).fma(FloatVector.broadcast(F, x[b]), s);
            s.intoArray(acc, i);
        }
        for (int i = upper; i < rows; i++) {
            float s = acc[i];
            for (int b = 0; b < cols; b++) s = Math.fma(a[b * rows + i], x[b], s);
            acc[i] = s;
        }
    }

    @Override
    public void lowerPacked(float[] packed, int[] start, int n, float[] x, float[] acc) {
        int vl = F.length();
        for (int b = 0; b < n; b++) {
            float xb = x[b];
            FloatVector xv = FloatVector.broadcast(F, xb);
            int base = start[b] - b, i = b, upper = b + F.loopBound(n - b);
            for (; i < upper; i += vl) FloatVector.fromArray(F, packed, base + i).fma(xv, FloatVector.fromArray(F, acc, i)).intoArray(acc, i);
            for (; i < n; i++) acc[i] = Math.fma(packed[base + i], xb, acc[i]);
        }
    }
}
