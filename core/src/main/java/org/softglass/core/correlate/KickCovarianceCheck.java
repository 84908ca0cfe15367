package org.softglass.core.correlate;

import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.util.Refusal;

/**
 * Refuses fitted kick parameters that cannot be the kick covariance of {@code 002} eq 30,
 * K_Δ(r, r') = σ_Δ(r̃)σ_Δ(r̃')ρ(|r − r'|), with σ_Δ and ρ of the eq 29 form f(0) = c0,
 * f(r &gt; 0) = c1 e^{−r/ξ} (DESIGN §7b: refused where they are fitted, not first by {@code trsp check}).
 *
 * <p>K_Δ = D R D with D = diag σ_Δ(r̃_i) and R_ij = ρ(r_ij), so K_Δ is positive definite iff every
 * σ_Δ(r̃) ≠ 0 and R is. ρ is used between lattice sites only (the TRSP lattice is simple cubic of spacing 1 in
 * the units of r, {@code 002} §VI), i.e. at r = 0, where eq 29 sets ρ(0) = 1, and at r ≥ 1. Eq 29 lets the
 * r &gt; 0 amplitude exceed the r = 0 value ({@code 002}: "C_1 &gt; σ²" for C_S(r); ρ_Δ is fitted to the same
 * form, §VI), so c1 &gt; 1 is no refusal by itself: e^{−r/ξ} extrapolated into the core r &lt; 1, where no
 * pair of sites (and no pair of particles) is, describes nothing. Conditions checked:
 * <ul>
 *   <li>ρ(0) = c0 = 1, and ρ(r) ≤ 1 at every lattice distance, i.e. c1 e^{−1/ξ} ≤ 1 at the nearest sites
 *       (a correlation cannot exceed 1; implied by the next condition, checked first for its message);</li>
 *   <li>σ_Δ(0) = c0 &gt; 0 and c1 &gt; 0, so σ_Δ(r̃) &gt; 0 at every distance (the amplitude, √ of
 *       K_Δ's diagonal);</li>
 *   <li>R positive definite on the infinite simple cubic lattice of unit spacing. Its spectrum is
 *       λ(q) = 1 − c1 + c1 Ê(q), Ê(q) = Σ_j e^{−|r_j|/ξ} e^{iq·r_j} (sum over all lattice vectors), the
 *       lattice sampling of e^{−r/ξ}, whose 3-d Fourier transform F(k) = 8πξ³/(1 + k²ξ²)² is positive, so
 *       Ê(q) = Σ_n F(|q + 2πn|) &gt; 0 (Poisson summation). For c1 ≥ 0 the smallest eigenvalue is at the zone
 *       corner q = (π, π, π) (checked against the FFT spectrum of the periodic lattice for ξ = 0.3 … 2 in the
 *       tests), computed there as Σ over odd integer vectors m of F(π|m|) for |m| ≤ 60 plus the continuum tail
 *       (relative error &lt; 1e-6 for ξ ≥ 0.2); for c1 &lt; 0 it is λ(0) = 1 + c1 Σ_{j≠0} e^{−|r_j|/ξ} (exact sum to
 *       |r_j| ≤ 40 plus the continuum tail).</li>
 * </ul>
 * The paper-lite run's fit at T = 0.50, ρ_Δ(r) = 1.764 e^{−r/0.983} (ρ = 0.64 at r = 1), fails the last
 * condition: λ_min = 1 − 1.764 + 1.764 · 0.3721 = −0.108. A finite periodic lattice (minimum-image distances) is
 * checked again by {@code trsp check}.
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
        double nearest = rhoDelta.at(1);
        if (nearest > 1) {
            throw new Refusal(String.format(java.util.Locale.ROOT,
                    "the kick correlation fit rho_Delta(r) = %.4g exp(-r/%.4g) exceeds 1 at the nearest lattice sites (rho_Delta(1) = %.4g); a correlation cannot exceed 1",
                    rhoDelta.c1(), rhoDelta.xi(), nearest));
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
     * Smallest eigenvalue of R_ij = ρ(|r_i − r_j|) on the infinite simple cubic lattice of unit spacing:
     * λ(π, π, π) = 1 − c1 + c1 Ê(π, π, π) for c1 ≥ 0 ({@link #cornerSum}), λ(0) = 1 + c1 Σ_{j≠0} e^{−|r_j|/ξ}
     * for c1 &lt; 0 ({@link #latticeSum}).
     */
    static double minLatticeEigenvalue(ExpCorrelation rho) {
        double c1 = rho.c1();
        if (c1 >= 0) return 1 - c1 + c1 * cornerSum(rho.xi());
        return 1 + c1 * (latticeSum(rho.xi()) - 1);
    }

    /**
     * Ê(π, π, π) = Σ_j (−1)^{x_j + y_j + z_j} e^{−|r_j|/ξ} by Poisson summation: Σ over integer vectors m with
     * every component odd of F(π|m|), F(k) = 8πξ³/(1 + k²ξ²)², exactly for |m| ≤ M = 60, plus the continuum tail
     * (odd vectors have density 1/8): (1/8) ∫_M^∞ 4πs² F(πs) ds = (2/π)[π/2 − atan(aM) + aM/(1 + a²M²)], a = πξ.
     * Against the direct real-space sum: relative error &lt; 1e-6 for ξ ≥ 0.2 (the tail's first correction is
     * the lattice-point fluctuation on the sphere |m| = M).
     */
    static double cornerSum(double xi) {
        int m = 60;
        double a2 = Math.PI * Math.PI * xi * xi, pref = 8 * Math.PI * xi * xi * xi, sum = 0, cut2 = (double) m * m;
        for (int x = 1 - m; x < m; x += 2) {
            for (int y = 1 - m; y < m; y += 2) {
                for (int z = 1 - m; z < m; z += 2) {
                    double s2 = (double) x * x + (double) y * y + (double) z * z;
                    if (s2 > cut2) continue;
                    double d = 1 + a2 * s2;
                    sum += pref / (d * d);
                }
            }
        }
        double am = Math.PI * xi * m;
        return sum + 2 / Math.PI * (Math.PI / 2 - Math.atan(am) + am / (1 + am * am));
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
