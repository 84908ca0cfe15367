package org.softglass.core.simd;

/**
 * Evaluates the Stillinger–Weber three-body term of a list of triplets (Stillinger &amp; Weber, Phys. Rev.
 * B 31, 5262 (1985), eq 2.7; LAMMPS {@code pair_style sw}) from per-bond quantities: for triplet t of
 * {@code batch}, with bonds e = te[t], f = tf[t] of {@code bonds} (unit vectors n₁, n₂, reciprocal
 * distances 1/r₁, 1/r₂, radial factors E₁ = E(r₁), E₁', E₂, E₂'),
 * <pre>
 *   c = n₁·n₂,  u = c − cos θ₀,  h = λε u² E₁E₂,
 *   ∂h/∂d₁ = λε u² E₁'E₂ n₁ + 2λε u E₁E₂ (n₂ − c n₁)/r₁,
 *   ∂h/∂d₂ = λε u² E₁E₂' n₂ + 2λε u E₁E₂ (n₁ − c n₂)/r₂,
 * </pre>
 * written to {@code batch}'s outputs for t &lt; batch.size(); reads only. Every implementation
 * evaluates the same expressions in the same grouping as
 * {@code org.softglass.core.energy.TripletTerm#evaluate} (IEEE operations only, no fused multiply-add),
 * so scalar and vector implementations agree bit for bit (each lane is one triplet; there is no sum
 * across lanes). Units: ε, σ.
 */
public interface TripletKernel {
    /**
     * @param lambdaEps λε (ε)
     * @param cosTheta0 cos θ₀
     */
    void evaluate(double lambdaEps, double cosTheta0, TripletBonds bonds, TripletBatch batch);

    /** The kernel for this JVM (see {@link TripletKernels}). */
    static TripletKernel get() { return TripletKernels.get(); }
}
