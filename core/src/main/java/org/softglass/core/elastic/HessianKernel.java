package org.softglass.core.elastic;

/**
 * Row kernels of the sparse Hessian product {@code (M x)_i = Σ_j K_ij (x_i − x_j)} (see {@link Hessian}).
 * Two implementations, chosen by {@link HessianKernels#get()}: {@link ScalarHessianKernel} and
 * {@link PanamaHessianKernel} (Vector API). Both read x and the six block arrays of {@code h}, write
 * only rows [from, to) of y, and sum each row in a fixed order.
 */
interface HessianKernel {
    /** Rows [from, to) of y = M x (x, y of length 3N). */
    void rows(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int from, int to);

    /**
     * Rows [from, to) of Y = M X for {@code nr} right-hand sides at once, interleaved: component a of
     * particle i of vector r at {@code (3i + a)·nr + r}. Each block is read once for all vectors (the
     * product is memory-bound, so this divides the matrix traffic by nr).
     */
    void rowsMulti(Hessian h, int[] col3, int[] rowStart, double[] x, double[] y, int nr, int from, int to);
}
