package org.softglass.core.trsp;

/**
 * Renormalisation of the rearrangement probability for m-site clusters ({@code 002} eqs 20–22, App. D),
 * derived here exactly as a Gaussian integral.
 *
 * <p><b>Setting.</b> A cluster R of m sites fires with the bare probability
 * P0(R|S̄) = A0 exp(γ0 S̄ − δ0 S̄²), S̄ = uᵀS, u = (1/m)Σ_{r∈R} e_r. In equilibrium S ~ N(μ1, K),
 * K_ii = σ². The per-site probability seen in the data is the sum over the z clusters containing site i
 * of E[P0 | S_i]. For the shapes used here (a site, a square plaquette) every site of a cluster sees the
 * same set of partners, so uᵀK e_i = uᵀK u ≡ cσ² (c = K̄_RR'/σ², eq 23), and conditioned on S_i the
 * cluster mean is Gaussian with
 * <pre>
 *   E[S̄ | S_i]   = μ + c (S_i − μ) ≡ m0 + c S_i,   m0 = (1 − c) μ,
 *   Var[S̄ | S_i] = uᵀKu − (uᵀK e_i)²/σ² = c(1 − c) σ² ≡ v.
 * </pre>
 * For x ~ N(m, v), E[exp(γ0 x − δ0 x²)] = (1 + 2δ0 v)^{−1/2} exp[(γ0 m − δ0 m² + γ0² v/2)/(1 + 2δ0 v)]
 * (complete the square; needs 1 + 2δ0 v &gt; 0). With m = m0 + c S this is again of the form
 * A e^{γS − δS²}, term by term in S:
 * <pre>
 *   δ  = δ0 c² / (1 + 2δ0 v)
 *   γ  = c (γ0 − 2δ0 m0) / (1 + 2δ0 v)
 *   ln A = ln z + ln A0 − ½ ln(1 + 2δ0 v) + (γ0 m0 − δ0 m0² + γ0² v/2) / (1 + 2δ0 v)
 * </pre>
 * Inverting the first two gives exactly eqs 20 and 21 of {@code 002}:
 * δ0 = δ / (c² − 2c(1 − c)δσ²), γ0 = [γ + 2c(1 − c)δ0(μ + γσ²)] / c. The amplitude follows from the
 * third line. (Eq 22 as printed has (1 − c²) where this derivation has c(1 − c) in the γ0² σ² term and
 * a different square-root factor; the two agree for m = 1. We use the derivation above, which the tests
 * check against Monte-Carlo integration and against the per-site rate measured in simulations.)
 * For m = 1: c = 1, v = 0, so δ0 = δ, γ0 = γ, A0 = A/z with z = 1.
 *
 * @param logA  ln A
 * @param gamma γ
 * @param delta δ
 */
public record Renormalization(double logA, double gamma, double delta) {

    /**
     * The observed per-site (lnA, γ, δ) produced by bare (lnA0, γ0, δ0) clusters.
     *
     * @param bare  the bare parameters (lnA0, γ0, δ0)
     * @param mu    μ, the equilibrium mean softness
     * @param sigma2 σ² = K_ii
     * @param c     uᵀKu/σ²
     * @param z     clusters per site
     */
    public static Renormalization observed(Renormalization bare, double mu, double sigma2, double c, int z) {
        double v = c * (1 - c) * sigma2, d = 1 + 2 * bare.delta * v;
        if (!(d > 0)) throw new IllegalArgumentException("renormalisation: 1 + 2 δ0 c(1−c) σ² = " + d + " must be > 0");
        double m0 = (1 - c) * mu;
        double delta = bare.delta * c * c / d;
        double gamma = c * (bare.gamma - 2 * bare.delta * m0) / d;
        double logA = Math.log(z) + bare.logA - 0.5 * Math.log(d)
                + (bare.gamma * m0 - bare.delta * m0 * m0 + bare.gamma * bare.gamma * v / 2) / d;
        return new Renormalization(logA, gamma, delta);
    }

    /**
     * The bare cluster parameters (lnA0, γ0, δ0) that reproduce the observed per-site (lnA, γ, δ):
     * the exact inverse of {@link #observed}.
     *
     * @throws IllegalArgumentException if c² − 2c(1 − c)δσ² ≤ 0 (no bare parameters exist)
     */
    public static Renormalization bare(Renormalization observed, double mu, double sigma2, double c, int z) {
        double den = c * c - 2 * c * (1 - c) * observed.delta * sigma2;
        if (!(den > 0)) throw new IllegalArgumentException("renormalisation impossible: c² − 2c(1−c)δσ² = " + den
                + " ≤ 0 (c = " + c + ", δ = " + observed.delta + ", σ² = " + sigma2 + ")");
        double delta0 = observed.delta / den;
        double gamma0 = (observed.gamma + 2 * c * (1 - c) * delta0 * (mu + observed.gamma * sigma2)) / c;
        double v = c * (1 - c) * sigma2, d = 1 + 2 * delta0 * v, m0 = (1 - c) * mu;
        double logA0 = observed.logA - Math.log(z) + 0.5 * Math.log(d)
                - (gamma0 * m0 - delta0 * m0 * m0 + gamma0 * gamma0 * v / 2) / d;
        return new Renormalization(logA0, gamma0, delta0);
    }

    /** ln P(S) = lnA + γS − δS². */
    public double logRate(double s) { return logA + s * (gamma - delta * s); }
}
