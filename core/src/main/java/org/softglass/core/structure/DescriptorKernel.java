package org.softglass.core.structure;

/**
 * The hot loops of the structure functions, over contiguous neighbour arrays of one centre
 * (structure of arrays, sorted as {@link Neighbourhood} gathers them) and over the pair lists built from
 * them. Two implementations, chosen by {@link DescriptorKernels#get()} (DESIGN §8):
 * {@link ScalarDescriptorKernel}, the reference, and {@link PanamaDescriptorKernel} (Vector API). They
 * perform the same arithmetic but sum in a different order (lane-wise partial sums) and the Panama
 * kernel's inline exp differs from {@link Math#exp} by a few 10⁻¹⁶ relative, so results agree to
 * round-off, not bit for bit. Each kernel on its own is deterministic.
 *
 * <p><b>Pair lists.</b> The angular sums run over a list of neighbour pairs (j, k) held as two arrays:
 * {@code e = (r_j² + r_k² + r_jk²)/2} (σ², computed as r_j² + r_k² − r_j·r_k) and {@code cos = cos θ_jik}.
 * The term of triplet (ξ, λ, ζ) is {@code exp(−c e) (1 + λ cos)^ζ} with c = 2/ξ², i.e. exactly
 * exp(−(r_j² + r_k² + r_jk²)/ξ²)(1 + λ cos θ)^ζ. {@link #pairs} appends the pairs of one neighbour j,
 * {@link #level} adds one ξ's sums and compacts the list in place to the pairs the next ξ keeps.
 *
 * <p><b>Padding contract.</b> Every array passed in must have at least {@code to + }{@link #lanes()}
 * (or {@code n + lanes()}) elements (the Panama kernel reads and writes whole vectors past the end);
 * elements beyond the end must be finite. Output arrays may be overwritten beyond the end within that
 * padding.
 *
 * <p>Lane accumulators: {@link #level} adds into {@code acc[o .. o + lanes())}, one partial sum per
 * vector lane; the caller adds the lanes of a feature in ascending order at the end.
 */
public interface DescriptorKernel {

    /** Width of the lane accumulators (1 for the scalar kernel). */
    int lanes();

    /**
     * Appends the pairs (j, k), k in [from, to), of neighbour j to the list {@code (e, cos)} at position
     * {@code at}, in order of k, keeping only those with {@code e ≤ eMax} (all when eMax is +∞): with
     * {@code d = xj x[k] + yj y[k] + zj z[k]} = r_j·r_k (σ²), {@code e = (r2[k] + r2j) − d} (σ²) and
     * {@code cos = d · irj · ir[k]} (ir = 1/r). The lists need {@code at + (to − from) + lanes()} elements.
     * Writes e and cos only.
     *
     * @return the new list length
     */
    int pairs(double xj, double yj, double zj, double r2j, double irj, double[] x, double[] y, double[] z,
            double[] r2, double[] ir, int from, int to, double eMax, double[] e, double[] cos, int at);

    /** {@code out[k] = (1 + lambda · cos[k])^zeta} for k in [from, to), integer zeta ≥ 1 by repeated multiplication. */
    void power(double[] cos, int from, int to, double lambda, int zeta, double[] out);

    /**
     * One ξ over the pair list {@code (e, cos)[0, n)}: for t &lt; count adds {@code Σ_m exp(−c e[m]) · a_t[m]}
     * to the lane accumulators {@code acc[o_t .. o_t + lanes())} (a_t: the factors (1 + λ cos)^ζ of the
     * triplets of that ξ, from {@link #power}); then, unless {@code eNext} is +∞, compacts e and cos (not
     * the a_t) in place, order kept, to the pairs with {@code e ≤ eNext}. Callers keep {@code 0 ≤ c e[m] ≤ 321}
     * (inside the range of the Vector-API exp; e ≥ 0 up to round-off). Modifies acc and, when compacting,
     * e and cos.
     *
     * @param count 1, 2 or 4 (arrays a_t and offsets o_t with t ≥ count are ignored and may be null / any)
     * @return the list length after compaction (n when eNext is +∞)
     */
    int level(double[] e, double[] cos, int n, double c, int count, double[] a0, double[] a1, double[] a2, double[] a3,
            double[] acc, int o0, int o1, int o2, int o3, double eNext);

    /**
     * One ξ over the pair list {@code (e, cos)[0, n)} as power sums, for triplets with ζ ≤ 2: with
     * {@code w = exp(−c e[m])} adds {@code Σ_m w}, {@code Σ_m w cos[m]} and {@code Σ_m w cos[m]²} to the lane
     * accumulators {@code acc[o0 ..]}, {@code acc[o1 ..]}, {@code acc[o2 ..]} (the caller combines them lane by
     * lane as Σ_l C(ζ,l) λ^l S_l = Σ w (1 + λ cos)^ζ); then compacts like {@link #level}. Same range
     * condition on c e as {@link #level}.
     *
     * @return the list length after compaction (n when eNext is +∞)
     */
    int levelPowerSums(double[] e, double[] cos, int n, double c, double[] acc, int o0, int o1, int o2, double eNext);

    /**
     * One ξ over the pair list {@code (e, cos)[0, n)} whose triplets share one λ and have distinct ζ among
     * 1, 2, 4, 8, 16: with {@code w = exp(−c e[m])} and {@code b = 1 + lambda cos[m]}, adds {@code Σ_m w b^ζ}
     * for ζ = 1, 2, 4, 8, 16 (b², b⁴, … by repeated squaring: the multiplications of {@link #power}) to the
     * lane accumulators at {@code o1, o2, o4, o8, o16} (a negative offset: that sum is not wanted); then
     * compacts like {@link #level}. Same range condition on c e as {@link #level}.
     *
     * @return the list length after compaction (n when eNext is +∞)
     */
    int levelChain(double[] e, double[] cos, int n, double c, double lambda, double[] acc, int o1, int o2, int o4, int o8,
            int o16, double eNext);

    /**
     * Weighted Cartesian moments of the neighbours k in [from, to) (monomials in {@link Monomials} order): for
     * each weight set s &lt; w.length and each monomial i in [lo[s], hi[s]), adds
     * {@code Σ_k w[s][k] · x_k^a y_k^b z_k^c} (monomial i = x^a y^b z^c of the displacement, σ^(a+b+c)) to the
     * lane accumulators {@code acc[s][i · lanes() ..]}; the caller adds the lanes in ascending order.
     * {@code scratch} holds at least {@code 4 · max hi · lanes()} doubles, every hi[s] is a degree boundary
     * {@link Monomials#start}; the w[s] obey the padding contract like x, y, z. Modifies acc and scratch.
     */
    void moments(double[] x, double[] y, double[] z, int from, int to, double[][] w, int[] lo, int[] hi,
            double[] scratch, double[][] acc);

    /** Radial sum {@code Σ_{k in [from, to)} exp(−(r[k] − mu)² · invW)}. */
    double radialSum(double[] r, int from, int to, double mu, double invW);

    /** A short name ("scalar", "panama-512"). */
    String name();
}
