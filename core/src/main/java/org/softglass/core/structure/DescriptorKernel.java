package org.softglass.core.structure;

/**
 * The hot loops of the structure functions, over contiguous neighbour arrays of one centre
 * (structure of arrays, sorted as {@link Neighbourhood} gathers them). Two implementations, chosen by
 * {@link DescriptorKernels#get()} (DESIGN §8): {@link ScalarDescriptorKernel}, the reference, and
 * {@link PanamaDescriptorKernel} (Vector API). They perform the same arithmetic but sum in a different
 * order (lane-wise partial sums) and the Panama kernel's inline exp differs from {@link Math#exp} by a few
 * 10⁻¹⁶ relative, so results agree to round-off, not bit for bit. Each kernel on its own is deterministic.
 *
 * <p><b>Padding contract.</b> Every array passed in must have at least {@code to + }{@link #lanes()}
 * elements (the Panama kernel reads and writes whole vectors past {@code to}); elements beyond
 * {@code to} must be finite. Output arrays may be overwritten beyond {@code to} within that padding.
 *
 * <p>Lane accumulators: {@link #gaussianSums} adds into {@code acc[o .. o + lanes())}, one partial sum
 * per vector lane; the caller adds the lanes of a feature in ascending order at the end.
 */
public interface DescriptorKernel {

    /** Width of the lane accumulators (1 for the scalar kernel). */
    int lanes();

    /** {@code out[k] = exp(c · in[k])} for k in [from, to). */
    void expScaled(double[] in, int from, int to, double c, double[] out);

    /**
     * Dot products and cosines against neighbour j: for k in [from, to),
     * {@code dot[k] = xj x[k] + yj y[k] + zj z[k]} (σ²) and {@code cos[k] = dot[k] · irj · ir[k]}
     * (ir = 1/r). Writes dot and cos only.
     */
    void dotCos(double xj, double yj, double zj, double irj, double[] x, double[] y, double[] z, double[] ir,
            int from, int to, double[] dot, double[] cos);

    /** {@code out[k] = (1 + lambda · cos[k])^zeta} for k in [from, to), integer zeta ≥ 1 by repeated multiplication. */
    void power(double[] cos, int from, int to, double lambda, int zeta, double[] out);

    /**
     * Angular sums of one neighbour j over partners k in [from, to) for up to four triplets sharing ξ:
     * with {@code w_k = exp(c · dot[k]) · f[k]} (c = 2/ξ², f[k] = exp(−2 r_k²/ξ²)), adds
     * {@code scale · Σ_k w_k · a_t[k]} to the lane accumulators {@code acc[o_t ..]} for t &lt; count;
     * scale = f[j]. Then {@code scale · w_k} is the Gaussian {@code exp(−(r_j² + r_k² + r_jk²)/ξ²)}
     * since r_jk² = r_j² + r_k² − 2 dot. Modifies only acc.
     *
     * @param count 1, 2 or 4 (arrays a_t and offsets o_t with t ≥ count are ignored and may be null / any)
     */
    void gaussianSums(double[] dot, double[] f, double c, int from, int to, double scale, int count,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3);

    /** Radial sum {@code Σ_{k in [from, to)} exp(−(r[k] − mu)² · invW)}. */
    double radialSum(double[] r, int from, int to, double mu, double invW);

    /** A short name ("scalar", "panama-512"). */
    String name();
}
