package org.softglass.core.trsp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.softglass.core.simd.Simd;

/**
 * The two inner loops of a rearrangement (the mean change H v and the noise (DC) ξ) as float
 * column-axpy kernels, with a Vector-API implementation and a scalar twin ({@link Simd} decides;
 * {@code -Dsoftglass.simd=false} forces scalar). Both accumulate every element over the columns in
 * the same order with fused multiply-adds, so they give bit-identical results.
 */
final class KickKernels {
    private static final VectorSpecies<Float> F = Simd.FLOAT;

    private KickKernels() {
    }

    /**
     * acc[i] += Σ_b a[b·rows + i] x[b] for i &lt; rows, b &lt; cols (dense column-major a).
     *
     * @param a    column-major rows × cols; not modified
     * @param x    length ≥ cols; not modified
     * @param acc  length ≥ rows; <b>accumulated into</b>
     * @param simd whether to use the Vector-API path
     */
    static void dense(float[] a, int rows, int cols, float[] x, float[] acc, boolean simd) {
        if (!simd) {
            for (int b = 0; b < cols; b++) {
                float xb = x[b];
                int off = b * rows;
                for (int i = 0; i < rows; i++) acc[i] = Math.fma(a[off + i], xb, acc[i]);
            }
            return;
        }
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

    /**
     * acc[i] += Σ_{b ≤ i} L[i, b] x[b] for a lower-triangular L packed by columns: column b holds rows
     * b..n−1 from {@code start[b]} (start has n + 1 entries).
     */
    static void lowerPacked(float[] packed, int[] start, int n, float[] x, float[] acc, boolean simd) {
        if (!simd) {
            for (int b = 0; b < n; b++) {
                float xb = x[b];
                int base = start[b] - b;
                for (int i = b; i < n; i++) acc[i] = Math.fma(packed[base + i], xb, acc[i]);
            }
            return;
        }
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
