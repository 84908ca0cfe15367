package org.softglass.core.simd;

/**
 * Evaluates the Stillinger–Weber three-body term of every triplet of a range of centres (Stillinger &amp;
 * Weber, Phys. Rev. B 31, 5262 (1985), eq 2.7; LAMMPS {@code pair_style sw}) from per-bond quantities:
 * centre i owns the bonds [start[i], start[i+1]) of {@code bonds}; for each of its bond pairs e &lt; f (unit
 * vectors n₁, n₂, reciprocal distances 1/r₁, 1/r₂, radial factors E₁ = E(r₁), E₁', E₂, E₂'),
 * <pre>
 *   c = n₁·n₂,  u = c − cos θ₀,  h = λε u² E₁E₂,
 *   ∂h/∂d₁ = λε u² E₁'E₂ n₁ + 2λε u E₁E₂ (n₂ − c n₁)/r₁,
 *   ∂h/∂d₂ = λε u² E₁E₂' n₂ + 2λε u E₁E₂ (n₁ − c n₂)/r₂,
 * </pre>
 * written to {@code out} in its triplet order ({@link TripletBatch}; the caller has reset it to the number
 * of triplets Σ z_i(z_i − 1)/2 of the range). Reads {@code bonds} up to {@link TripletBatch#SLACK} entries
 * past the range's last bond (their capacity must allow it; the values there are never used).
 *
 * <p>Every implementation evaluates the same expressions in the same grouping as
 * {@code org.softglass.core.energy.TripletTerm#evaluate} (IEEE operations only, no fused multiply-add), so
 * scalar and vector implementations agree bit for bit: each triplet is one lane and no sum runs across
 * lanes. Units: ε, σ.
 */
public interface TripletKernel {
    /**
     * @param lambdaEps λε (ε)
     * @param cosTheta0 cos θ₀
     * @param start     CSR row starts of the centres' bonds (length ≥ to + 1)
     * @param from      first centre
     * @param to        one past the last centre
     */
    void evaluate(double lambdaEps, double cosTheta0, TripletBonds bonds, int[] start, int from, int to, TripletBatch out);

    /** The kernel for this JVM (see {@link TripletKernels}). */
    static TripletKernel get() { return TripletKernels.get(); }
}
