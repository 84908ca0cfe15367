package org.softglass.core.dynamics;

import org.softglass.core.fit.Line;

/**
 * The mesoelastic model of paper 004, eq 3, {@code ln(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + ln t̃}, fitted by
 * ordinary least squares of y = ln(τ_α/t0) on x = κ(T)/T (natural logarithm; κ in ε/σ², T in ε/k_B,
 * so the slope (ℓ̃a0)² is in σ²). ℓ̃ = √slope / a0 and t̃ = exp(intercept) are dimensionless.
 *
 * <p>The line is {@link org.softglass.core.fit.Line} (unweighted). Errors (1σ): the least-squares covariance s²(XᵀX)⁻¹ with s² = Σ residual²/(m − 2), i.e. the scatter of the
 * state points about the line is their error (no per-point errors are given); propagated as
 * σ_ℓ̃ = σ_slope/(2 a0 √slope) and σ_t̃ = t̃ σ_intercept. NaN with two state points (no degree of freedom).
 *
 * <p>Paper 004 fits the activated regime, where eq 3 holds "from the very start of the activated
 * regime—around t/t0 ≈ 10"; {@link #fit(double[], double[], double[], double, double)} keeps the state
 * points with τ_α/t0 at or above a bound and reports the others.
 * @param slope (ℓ̃ a0)² (σ²)
 * @param intercept ln t̃
 * @param ellTilde ℓ̃
 * @param tTilde t̃
 * @param rSquared coefficient of determination of the fit
 * @param x the abscissae κ/T used
 * @param y the ordinates ln(τ_α/t0) used
 * @param slopeErr 1σ error of the slope (σ²)
 * @param interceptErr 1σ error of ln t̃
 * @param ellTildeErr 1σ error of ℓ̃
 * @param tTildeErr 1σ error of t̃
 * @param excluded temperatures left out as below the activated regime (τ_α/t0 under the bound), highest first
 */
public record MesoelasticFit(double slope, double intercept, double ellTilde, double tTilde, double rSquared,
                             double[] x, double[] y, double slopeErr, double interceptErr, double ellTildeErr, double tTildeErr,
                             double[] excluded) {

    /**
     * The fit over the activated regime: the state points with τ_α/t0 ≥ {@code minTauOverT0} (0 keeps all).
     *
     * @throws IllegalArgumentException as {@link #fit(double[], double[], double[], double)}, or when fewer than
     *     2 state points reach the bound (naming it)
     */
    public static MesoelasticFit fit(double[] temperature, double[] tauAlpha, double[] kappa, double a0, double minTauOverT0) {
        int m = temperature.length;
        if (tauAlpha.length != m || kappa.length != m) throw new IllegalArgumentException("T, tau_alpha and kappa need equal lengths");
        for (int k = 0; k < m; k++) {   // every row is checked before the activated-regime filter can drop it
            if (!(temperature[k] > 0) || !(tauAlpha[k] > 0) || !(kappa[k] > 0) || !Double.isFinite(temperature[k] + tauAlpha[k] + kappa[k])) {
                throw new IllegalArgumentException("state point " + k + ": T, tau_alpha and kappa must be finite and > 0");
            }
        }
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (tauAlpha[k] / ReducedUnits.t0(a0, temperature[k]) >= minTauOverT0) keep.add(k);
            else out.add(temperature[k]);
        }
        if (keep.size() < 2) {
            throw new org.softglass.core.util.Refusal(keep.size() + " state point(s) have tau_alpha/t0 >= " + minTauOverT0
                    + " (the activated regime of paper 004), expected at least 2 for the fit; lower the bound to fit the others");
        }
        double[] t = keep.stream().mapToDouble(k -> temperature[k]).toArray(), tau = keep.stream().mapToDouble(k -> tauAlpha[k]).toArray(),
                kap = keep.stream().mapToDouble(k -> kappa[k]).toArray();
        MesoelasticFit f = fit(t, tau, kap, a0);
        return new MesoelasticFit(f.slope, f.intercept, f.ellTilde, f.tTilde, f.rSquared, f.x, f.y, f.slopeErr, f.interceptErr, f.ellTildeErr,
                f.tTildeErr, out.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param temperature T per state point
     * @param tauAlpha τ_α per state point (τ)
     * @param kappa κ(T_p = T) per state point (ε/σ²)
     * @param a0 (V/N)^⅓ (σ), the same for all state points (constant density)
     * @throws IllegalArgumentException for fewer than 2 points, non-positive inputs or a non-positive slope
     */
    public static MesoelasticFit fit(double[] temperature, double[] tauAlpha, double[] kappa, double a0) {
        int m = temperature.length;
        if (tauAlpha.length != m || kappa.length != m) throw new IllegalArgumentException("T, tau_alpha and kappa need equal lengths");
        if (m < 2) throw new IllegalArgumentException("the mesoelastic fit needs at least 2 state points, got " + m);
        double[] x = new double[m], y = new double[m];
        for (int k = 0; k < m; k++) {
            if (!(temperature[k] > 0) || !(tauAlpha[k] > 0) || !(kappa[k] > 0)) {
                throw new IllegalArgumentException("state point " + k + ": T, tau_alpha and kappa must be > 0");
            }
            x[k] = kappa[k] / temperature[k];
            y[k] = Math.log(tauAlpha[k] / ReducedUnits.t0(a0, temperature[k]));
        }
        Line line = Line.fit(x, y);
        if (!line.determined()) throw new org.softglass.core.util.Refusal("all state points have the same kappa/T: the fit is undetermined");
        double slope = line.slope(), icpt = line.intercept(), se = line.slopeErr(), si = line.interceptErr(), r2 = line.rSquared();
        if (!(slope > 0)) throw new org.softglass.core.util.Refusal("mesoelastic fit has slope " + slope + " <= 0: ln(tau_alpha/t0) does not grow with kappa/T");
        double ell = Math.sqrt(slope) / a0, tt = Math.exp(icpt);
        return new MesoelasticFit(slope, icpt, ell, tt, r2, x, y, se, si, se / (2 * a0 * Math.sqrt(slope)), tt * si, new double[0]);
    }
}
