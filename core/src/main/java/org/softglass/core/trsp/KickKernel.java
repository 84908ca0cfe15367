package org.softglass.core.trsp;

/**
 * The two inner loops of a rearrangement (the mean change H v and the noise (DC) ξ) as float
 * column-axpy kernels. Two implementations, chosen by {@link KickKernels#get()}:
 * {@link ScalarKickKernel} and {@link PanamaKickKernel} (Vector API). Both accumulate every element
 * over the columns in the same order with fused multiply-adds, so they give bit-identical results.
 */
interface KickKernel {
    /**
     * acc[i] += Σ_b a[b·rows + i] x[b] for i &lt; rows, b &lt; cols (dense column-major a).
     *
     * @param a    column-major rows × cols; not modified
     * @param x    length ≥ cols; not modified
     * @param acc  length ≥ rows; <b>accumulated into</b>
     */
    void dense(float[] a, int rows, int cols, float[] x, float[] acc);

    /**
     * acc[i] += Σ_{b ≤ i} L[i, b] x[b] for a lower-triangular L packed by columns: column b holds rows
     * b..n−1 from {@code start[b]} (start has n + 1 entries).
     */
    void lowerPacked(float[] packed, int[] start, int n, float[] x, float[] acc);
}
