package org.softglass.core.barriers;

import org.softglass.core.params.ModelParameters;

/**
 * The structural distribution ϱ(S) of the trap model ({@code 000} eqs 7, 10–11) recovered from the
 * softness distribution measured at a temperature below the onset.
 *
 * <p>In equilibrium P_T(S) ∝ ϱ(S)/P(R|S,T) with P(R|S,T) = A e^{γS − δS²} (DESIGN §5). For Gaussian
 * ϱ = N(S0, σ0²), P_T is Gaussian with precision 1/σ_T² = 1/σ0² − 2δ and mean
 * ⟨S⟩_T = σ_T² (S0/σ0² − γ) ({@code 000} eqs 10–11). Inverting, from the measured mean m and variance
 * v at T:
 * <pre>
 *   1/σ0² = 1/v + 2δ(T),      S0 = σ0² (m/v + γ(T)).
 * </pre>
 * Above T0 (γ = δ = 0) this is ϱ = P_T itself. Using the measured distribution directly at a
 * temperature below T0 would bias both S0 and σ0 (the softest particles are depleted); with this
 * inversion the trap model reproduces the measured ⟨S⟩ and σ_S at that temperature exactly.
 */
public final class RhoInversion {
    private RhoInversion() {}

    /**
     * @param mean measured ⟨S⟩ at temperature {@code t}
     * @param std measured standard deviation of S at {@code t} (&gt; 0)
     * @param barriers the fitted barriers (DESIGN §5), giving γ(T) and δ(T)
     * @param t the temperature of the measurement (&gt; 0)
     * @return ϱ(S) as a Gaussian (S0, σ0)
     * @throws IllegalArgumentException when 1/v + 2δ ≤ 0 (no Gaussian ϱ gives that P_T), naming the values
     */
    public static ModelParameters.Gaussian rho(double mean, double std, ModelParameters.Barriers barriers, double t) {
        if (!(std > 0) || !(t > 0)) throw new IllegalArgumentException("need std > 0 and T > 0, got std=" + std + ", T=" + t);
        double v = std * std, g = barriers.gamma(t), d = barriers.delta(t);
        double precision = 1 / v + 2 * d;
        if (!(precision > 0)) {
            throw new org.softglass.core.util.Refusal("no Gaussian rho(S) gives sigma_S=" + std + " at T=" + t + " with delta(T)=" + d
                    + " (1/sigma_S^2 + 2 delta = " + precision + " <= 0)");
        }
        double s02 = 1 / precision;
        return new ModelParameters.Gaussian(s02 * (mean / v + g), Math.sqrt(s02));
    }
}
