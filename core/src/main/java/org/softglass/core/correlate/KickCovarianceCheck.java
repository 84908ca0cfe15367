package org.softglass.core.correlate;

import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.util.Refusal;

/**
 * Refuses fitted kick parameters that cannot be the kick covariance of {@code 002} eq 30,
 * K_Δ(r, r') = σ_Δ(r̃)σ_Δ(r̃')ρ(|r − r'|), with σ_Δ and ρ of the eq 29 form f(0) = c0,
 * f(r &gt; 0) = c1 e^{−r/ξ} (DESIGN §7b: refused where they are fitted, not first by {@code trsp check}).
 *
 * <p>K_Δ = D R D with D = diag σ_Δ(r̃_i) and R_ij = ρ(r_ij), so K_Δ is positive definite iff every
 * σ_Δ(r̃) ≠ 0 and R is. Conditions checked:
 * <ul>
 *   <li>ρ(0) = c0 = 1 and ρ(r) ≤ 1 for every r &gt; 0, i.e. c1 ≤ 1 (sup_{r&gt;0} ρ = c1 as r → 0+): a
 *       correlation cannot exceed 1;</li>
 *   <li>σ_Δ(0) = c0 &gt; 0 and c1 &gt; 0, so σ_Δ(r̃) &gt; 0 at every distance (the amplitude, √ of
 *       K_Δ's diagonal);</li>
 *   <li>R positive definite on the simple cubic lattice of spacing 1 in the units of r (the TRSP
 *       lattice, {@code 002} §VI). Its spectrum is λ(q) = 1 − c1 + c1 Σ_j e^{−|r_j|/ξ} e^{iq·r_j}
 *       (sum over all lattice vectors). For 0 ≤ c1 ≤ 1 this is ≥ 1 − c1 + c1 ε with ε &gt; 0, because
 *       e^{−r/ξ} is a positive definite function in three dimensions (Fourier transform
 *       8πξ³/(1 + q²ξ²)² &gt; 0) and so is its lattice sampling; for c1 &lt; 0 the smallest eigenvalue is
 *       λ(0) = 1 + c1 Σ_{j≠0} e^{−|r_j|/ξ} (exact sum to |r_j| ≤ 40 plus the continuum tail).</li>
 * </ul>
 * A finite periodic lattice (minimum-image distances) is checked again by {@code trsp check}.
 */
public final class KickCovarianceCheck {
    private KickCovarianceCheck() {
    }

    /**
     * @param sigmaDelta fitted σ_Δ(r̃)
     * @param rhoDelta fitted ρ(r)
     * @throws Refusal with one line naming the numbers when ρ exceeds 1 or K_Δ is not positive definite
     */
    public static void require(ExpCorrelation sigmaDelta, ExpCorrelation rhoDelta) {
        if (Math.abs(rhoDelta.c0() - 1) > 1e-12) throw new IllegalArgumentException("rho_Delta(0) must be 1, got " + rhoDelta.c0());
        if (rhoDelta.c1() > 1) {
            throw new Refusal(String.format(java.util.Locale.ROOT,
                    "the kick correlation fit rho_Delta(r) = %.4g exp(-r/%.4g) exceeds 1 for r < %.4g (c1 = %.4g > 1); a correlation cannot exceed 1",
                    rhoDelta.c1(), rhoDelta.xi(), rhoDelta.xi() * Math.log(rhoDelta.c1()), rhoDelta.c1()));
        }
        if (!(sigmaDelta.c0() > 0) || !(sigmaDelta.c1() > 0)) {
            throw new Refusal(String.format(java.util.Locale.ROOT,
                    "K_Delta is not positive definite: sigma_Delta(0) = %.4g, sigma_Delta(r > 0) = %.4g exp(-r/%.4g); both amplitudes must be > 0",
                    sigmaDelta.c0(), sigmaDelta.c1(), sigmaDelta.xi()));
        }
        double lambda = minLatticeEigenvalue(rhoDelta);
        if (!(lambda > 0)) {
            throw new Refusal(String.format(java.util.Locale.ROOT,
                    "K_Delta is not positive definite: rho_Delta(r) = %.4g exp(-r/%.4g) has smallest lattice eigenvalue %.4g <= 0",
                    rhoDelta.c1(), rhoDelta.xi(), lambda));
        }
    }

    /**
     * Smallest eigenvalue of R_ij = ρ(|r_i − r_j|) on the infinite simple cubic lattice of unit
     * spacing, or a positive lower bound of it: 1 − c1 for 0 ≤ c1 &lt; 1; 0 is never returned for
     * c1 = 1, where R is the sampled exponential itself (positive definite, returned as +min positive
     * double); λ(0) = 1 + c1 Σ_{j≠0} e^{−|r_j|/ξ} for c1 &lt; 0.
     */
    static double minLatticeEigenvalue(ExpCorrelation rho) {
        double c1 = rho.c1();
        if (c1 >= 0) return c1 < 1 ? 1 - c1 : Double.MIN_VALUE;
        return 1 + c1 * (latticeSum(rho.xi()) - 1);
    }

    /**
     * Σ_j e^{−|r_j|/ξ} over all lattice vectors: exactly for |r_j| ≤ R = 40, plus the continuum tail
     * ∫_R^∞ 4πr² e^{−r/ξ} dr = 4πξ e^{−R/ξ}(R² + 2Rξ + 2ξ²) (relative error of the tail O(1/R)).
     */
    static double latticeSum(double xi) {
        int m = 40;
        double sum = 0, cut2 = (double) m * m;
        for (int x = -m; x <= m; x++) {
            for (int y = -m; y <= m; y++) {
                for (int z = -m; z <= m; z++) {
                    double d2 = (double) x * x + (double) y * y + (double) z * z;
                    if (d2 <= cut2) sum += Math.exp(-Math.sqrt(d2) / xi);
                }
            }
        }
        return sum + 4 * Math.PI * xi * Math.exp(-m / xi) * (m * m + 2 * m * xi + 2 * xi * xi);
    }
}
