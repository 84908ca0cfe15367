package org.softglass.core.elastic;

/**
 * Row kernels of the three-body product {@code y_l += Σ_m B_lm x_m} ({@link TripletBlocks}, general 3×3 blocks in
 * block compressed rows). Two implementations, chosen by {@link TripletBlockKernels#rows()} and {@link TripletBlockKernels#blocked()}:
 * {@link ScalarTripletBlockKernel} and {@link PanamaTripletBlockKernel} (Vector API). Both read x and the blocks,
 * add into rows [from, to) of y only (so disjoint row ranges may run concurrently), and sum each row in a fixed
 * order (the same bits in every run and for every split into row ranges).
 */
interface TripletBlockKernel {
    /** Rows [from, to) of y += B x (x, y of length 3N, component a of particle l at 3l + a). */
    void addRows(TripletBlocks t, double[] x, double[] y, int from, int to);

    /**
     * Rows [from, to) of Y += B X for {@code nr} vectors at once, interleaved as in {@link Hessian#multiplyMany}:
     * component a of particle l of vector s at {@code (3l + a)·nr + s}. Each block is read once for all vectors.
     */
    void addRowsMulti(TripletBlocks t, double[] x, double[] y, int nr, int from, int to);
}
