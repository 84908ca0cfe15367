package org.softglass.core.trsp;

import java.util.List;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.params.ModelParameters.ExpCorrelation;

/**
 * The TRSP lattice model of {@code 002} resolved at one temperature: lattice, cluster shapes, the
 * softness covariance K, the kick covariance K_Δ, and the bare rearrangement parameters.
 *
 * <p>Conventions (DESIGN §5, §7): P(S) ∝ exp(−½(S−μ)ᵀK⁻¹(S−μ)), K_ij = C(|r_i − r_j|) with C of eq 29
 * ({@code cS}: C(0) = c0 = σ², C(r) = c1 e^{−r/ξ}); the observed per-site rearrangement probability is
 * P(R|S,T) = A e^{γS − δS²} with lnA = Σ0 − ε0/T, γ = ε1(1/T0 − 1/T), δ = ε2(1/T − 1/T0) below T0;
 * clusters fire with the bare rate P0(R|S̄)/τ_R (per unit time), where (A0, γ0, δ0) come from
 * {@link Renormalization#bare}. K_Δ(r, r') = f σ_Δ(r̃)σ_Δ(r̃')ρ(|r − r'|) (eq 30) with the facilitation
 * factor f (f = 1: the model; f &lt; 1: weakened facilitation, {@code 002} §VII B).
 *
 * @param lattice     the lattice
 * @param clusterSize m (1 or 4)
 * @param temperature T
 * @param tauR        τ_R, so a cluster's rate is P0/τ_R
 * @param mu          μ(T) = ⟨S⟩
 * @param cS          C(r)
 * @param sigmaDelta  σ_Δ(r̃) before the facilitation factor
 * @param rhoDelta    ρ(r), ρ(0) = 1
 * @param facilitation f &gt; 0, multiplies K_Δ
 * @param covariance  K as a circulant
 * @param c           uᵀKu/σ² of a cluster (eq 23)
 * @param observed    observed per-site (lnA, γ, δ)
 * @param bare        bare per-cluster (lnA0, γ0, δ0)
 */
public record TrspModel(Lattice lattice, int clusterSize, double temperature, double tauR, double mu,
                        ExpCorrelation cS, ExpCorrelation sigmaDelta, ExpCorrelation rhoDelta, double facilitation,
                        Circulant covariance, double c, Renormalization observed, Renormalization bare) {

    /**
     * Resolves the model from a parameter file at temperature T.
     *
     * @param p            parameters; needs the optional sections meanS, cS, sigmaDelta, rhoDelta
     * @param temperature  T &gt; 0
     * @param side         L
     * @param clusterSize  m ∈ {1, 4}
     * @param facilitation f &gt; 0 (1 for the model itself)
     * @throws IllegalArgumentException naming the parameter when a section is missing, K or ρ is not
     *     positive definite on this lattice (FFT eigenvalues), or the renormalisation has no solution
     */
    public static TrspModel of(ModelParameters p, double temperature, int side, int clusterSize, double facilitation) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        if (!(facilitation > 0) || !Double.isFinite(facilitation)) throw new IllegalArgumentException("facilitation factor must be > 0, got " + facilitation);
        for (var e : List.of(new Object[]{"meanS", p.meanS()}, new Object[]{"cS", p.cS()},
                new Object[]{"sigmaDelta", p.sigmaDelta()}, new Object[]{"rhoDelta", p.rhoDelta()}))
            if (e[1] == null) throw new IllegalArgumentException("the TRSP model needs the parameter section '" + e[0] + "', which is missing");
        ExpCorrelation cs = p.cS(), sd = p.sigmaDelta(), rd = p.rhoDelta();
        if (!(cs.c0() > 0)) throw new IllegalArgumentException("cS.c0 = σ² must be > 0, got " + cs.c0());
        if (Math.abs(rd.c0() - 1) > 1e-12) throw new IllegalArgumentException("rhoDelta.c0 = ρ(0) must be 1, got " + rd.c0());
        Lattice lat = new Lattice(side);
        ClusterShape.forSize(clusterSize);
        Circulant k = new Circulant(lat, cs::at);
        if (!(k.minEigenvalue() > 0))
            throw new IllegalArgumentException(String.format(
                    "softness covariance K is not positive definite on the L=%d lattice: min FFT eigenvalue %.4g for cS (c0=%s, c1=%s, xi=%s); lower cS.c1 or cS.xi",
                    side, k.minEigenvalue(), cs.c0(), cs.c1(), cs.xi()));
        Circulant rho = new Circulant(lat, rd::at);
        if (!(rho.minEigenvalue() > 0))
            throw new IllegalArgumentException(String.format(
                    "kick correlation ρ is not positive definite on the L=%d lattice: min FFT eigenvalue %.4g for rhoDelta (c0=%s, c1=%s, xi=%s)",
                    side, rho.minEigenvalue(), rd.c0(), rd.c1(), rd.xi()));
        double mu = p.meanS().at(temperature);
        var b = p.barriers();
        Renormalization obs = new Renormalization(b.logAmplitude(temperature), b.gamma(temperature), b.delta(temperature));
        ClusterShape shape = ClusterShape.forSize(clusterSize).getFirst();
        int[] sites = shape.sites(lat, 0);
        double uKu = 0;
        for (int r : sites) for (int s : sites) uKu += k.get(r, s);
        uKu /= (double) clusterSize * clusterSize;
        double c = uKu / cs.c0();
        Renormalization bare = Renormalization.bare(obs, mu, cs.c0(), c, ClusterShape.perSite(clusterSize));
        return new TrspModel(lat, clusterSize, temperature, p.tauR(), mu, cs, sd, rd, facilitation, k, c, obs, bare);
    }

    /** σ² = C(0). */
    public double sigma2() { return cS.c0(); }

    /** The cluster shapes (1 or 3). */
    public List<ClusterShape> shapes() { return ClusterShape.forSize(clusterSize); }

    /** Number of clusters: N for m = 1, 3N for m = 4. */
    public int clusterCount() { return shapes().size() * lattice.sites(); }

    /** The rate (per unit time) of a cluster with mean softness s̄: P0(R|s̄)/τ_R. */
    public double clusterRate(double sBar) { return Math.exp(bare.logRate(sBar)) / tauR; }

    /** √f σ_Δ(r̃): the kick amplitude at distance r̃ from the nearest cluster site. */
    public double kickAmplitude(double rTilde) { return Math.sqrt(facilitation) * sigmaDelta.at(rTilde); }

    /**
     * The same model at another temperature (the equilibrium of which an aging run starts from has
     * the same K; only μ and the rates change).
     */
    public TrspModel atTemperature(ModelParameters p, double t) { return of(p, t, lattice.side(), clusterSize, facilitation); }
}
