package org.softglass.core.simd;

/**
 * Sums the pair forces, energy and virial of one particle i over its neighbours, whose coordinates
 * and species the driver has gathered into contiguous arrays.
 *
 * <p>For each neighbour k &lt; n: {@code d = r_i − r_k} reduced to the minimum image
 * ({@code d − L rint(d/L)} per axis), {@code r² = |d|²}, and with the parameters
 * {@code row.params(species_k)} and the mask {@code r² < rc2}, adds to {@code acc}: [0..2]
 * {@code Σ (−U'/r) d} (force on i, ε/σ), [3] {@code Σ U} (ε), [4] {@code Σ r²(−U'/r)} (virial, ε).
 * acc[3] and acc[4] are only updated when {@code energy} is true; {@code acc[5..]} is scratch.
 *
 * <p>Padding contract: the arrays extend to {@link #padded(int)} entries; entries n.. must hold a
 * point half a box away from i along every axis ({@link #padInto}), which lies beyond every cutoff
 * because a valid list needs L &gt; 2 r_list. The scalar and SIMD implementations agree to round-off
 * (their summation orders differ).
 */
public interface PairKernel {
    /** First scratch slot of {@code acc}: callers pass {@code acc} of length {@link #ACC_LENGTH}. */
    int ACC_SCRATCH = 5;
    /** Length of the {@code acc} array: 5 sums plus scratch for five of the widest vectors (16 doubles each). */
    int ACC_LENGTH = ACC_SCRATCH + 5 * 16;

    /**
     * @param xj neighbour x (σ), length ≥ padded(n); likewise yj, zj
     * @param sj neighbour species as doubles 0, 1, ...
     * @param pairsOut if true, each pair's force on i, {@code (−U'/r)·d}, overwrites {@code xj, yj, zj[k]}
     *     and, with {@code energy}, its energy U overwrites {@code sj[k]} (0 beyond the cutoff), for
     *     the driver to apply Newton's third law over a half list; acc[0..2] are then left to the caller
     *     (an implementation may or may not add to them), acc[3..4] are still summed
     */
    void accumulate(PairRow row, double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sj,
                    int n, PeriodicLengths box, boolean energy, double[] acc, boolean pairsOut);

    /**
     * Gathers row neighbours for {@link #accumulate}: for k &lt; m, {@code idx[k] = indices[k0 + k]}
     * (ints) and {@code xj, yj, zj, sj[k] = packed[4 idx[k] + 0..3]}; entries [m, padded(m)) get the
     * padding point {@code (px, py, pz)}, species 0 (see {@link #padInto}). {@code idx4} is scratch;
     * idx and idx4 hold ≥ padded(m) entries, and idx may be overwritten up to padded(m).
     */
    default void gather(java.lang.foreign.MemorySegment indices, long k0, int m, double[] packed, int[] idx, int[] idx4,
                        double[] xj, double[] yj, double[] zj, double[] sj, double px, double py, double pz) {
        gatherFrom(0, indices, k0, m, padded(m), packed, idx, xj, yj, zj, sj, px, py, pz);
    }

    /** The scalar part of {@link #gather}: entries k ∈ [from, m) gathered, [m, end) set to the padding point, species 0. */
    static void gatherFrom(int from, java.lang.foreign.MemorySegment indices, long k0, int m, int end, double[] packed, int[] idx,
                           double[] xj, double[] yj, double[] zj, double[] sj, double px, double py, double pz) {
        int k = from;
        for (; k < m; k++) {
            // an element loop: MemorySegment.copy's per-call checks cost 15 % of a step here
            int jj = indices.getAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, k0 + k);
            idx[k] = jj;
            int j = jj << 2;
            xj[k] = packed[j];
            yj[k] = packed[j + 1];
            zj[k] = packed[j + 2];
            sj[k] = packed[j + 3];
        }
        for (; k < end; k++) {
            xj[k] = px;
            yj[k] = py;
            zj[k] = pz;
            sj[k] = 0;
        }
    }

    /** The number of entries the arrays must hold for n neighbours (n rounded up to whole vectors). */
    int padded(int n);

    /** Writes the padding point (half a box from i, species 0) into entries {@code [n, padded(n))}. */
    default void padInto(double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sj,
                         int n, PeriodicLengths box) {
        for (int k = n, m = padded(n); k < m; k++) {
            xj[k] = xi - 0.5 * box.lx();
            yj[k] = yi - 0.5 * box.ly();
            zj[k] = zi - 0.5 * box.lz();
            sj[k] = 0;
        }
    }

    /** The kernel for this JVM: SIMD if {@link Simd#enabled()}, else scalar (see {@link PairKernels}). */
    static PairKernel get() { return PairKernels.get(); }
}
