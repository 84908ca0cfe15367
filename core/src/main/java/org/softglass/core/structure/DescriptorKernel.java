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
     * Pair distances and cosines against neighbour j: for k in [from, to), with
     * {@code d = xj x[k] + yj y[k] + zj z[k]} = r_j·r_k (σ²), writes {@code s[k] = r2[k] − d} (σ²) and
     * {@code cos[k] = d · irj · ir[k]} (ir = 1/r). Since r_jk² = r_j² + r_k² − 2d, the pair Gaussian is
     * {@code exp(−(r_j² + r_k² + r_jk²)/ξ²) = exp(−c r_j²) · exp(−c s[k])} with c = 2/ξ². Writes s and cos only.
     */
    void dotCos(double xj, double yj, double zj, double irj, double[] x, double[] y, double[] z, double[] r2,
            double[] ir, int from, int to, double[] s, double[] cos);

    /** {@code out[k] = (1 + lambda · cos[k])^zeta} for k in [from, to), integer zeta ≥ 1 by repeated multiplication. */
    void power(double[] cos, int from, int to, double lambda, int zeta, double[] out);

    /**
     * Angular sums of one neighbour j over partners k in [from, to) for up to four triplets sharing ξ:
     * with {@code w_k = exp(shift − c · s[k])} (c = 2/ξ², s from {@link #dotCos}), adds
     * {@code scale · Σ_k w_k · a_t[k]} to the lane accumulators {@code acc[o_t ..]} for t &lt; count.
     * With scale = exp(−c r_j² − shift), {@code scale · w_k} is the Gaussian
     * {@code exp(−(r_j² + r_k² + r_jk²)/ξ²)} (see {@link #dotCos}); the shift (≥ 0, 0 unless τ is extreme)
     * only moves the exponent into the range of the Vector-API exp: callers keep
     * {@code |shift − c s[k]| ≤ 640}. Modifies only acc.
     *
     * @param count 1, 2 or 4 (arrays a_t and offsets o_t with t ≥ count are ignored and may be null / any)
     */
    void gaussianSums(double[] s, double c, double shift, int from, int to, double scale, int count,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3);

    /** Radial sum {@code Σ_{k in [from, to)} exp(−(r[k] − mu)² · invW)}. */
    double radialSum(double[] r, int from, int to, double mu, double invW);

    /** A short name ("scalar", "panama-512"). */
    String name();
}
