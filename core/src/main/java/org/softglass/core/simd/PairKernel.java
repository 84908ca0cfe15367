package org.softglass.core.simd;

/**
 * Sums pair forces, energies and virials of one particle i over a block of neighbours of one
 * species pair. The driver gathers minimum-image separations {@code d = r_i − r_j} into contiguous
 * arrays; the kernel evaluates {@link PairParams} on {@code r² = |d|²} with the mask {@code r² < rc2}.
 *
 * <p>Contract of {@link #accumulate}: reads {@code dx, dy, dz[0 .. padded(n))}, where entries
 * {@code n .. padded(n)} must hold padding whose r² is ≥ rc2 (the driver writes {@link #PAD});
 * adds to {@code acc}: [0..2] {@code Σ (−U'/r) d} (force on i, ε/σ), [3] {@code Σ U} (ε), [4]
 * {@code Σ r²(−U'/r)} (virial, ε). acc[3] and acc[4] are only updated when {@code energy} is true.
 * The scalar and SIMD implementations agree to round-off (summation order differs).
 */
public interface PairKernel {
    /** A padding separation component: r² = 3·PAD² lies beyond every cutoff of the presets. */
    double PAD = 1.0e3;

    void accumulate(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc);

    /** The number of entries a caller must provide (n rounded up to whole vectors). */
    int padded(int n);

    /** The kernel for this JVM: SIMD if {@link Simd#enabled()}, else scalar. */
    static PairKernel get() { return Simd.enabled() ? PanamaPairKernel.INSTANCE : ScalarPairKernel.INSTANCE; }
}
