package org.softglass.core.dynamics;

/**
 * The mesoelastic model of paper 004, eq 3, {@code ln(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + ln t̃}, fitted by
 * ordinary least squares of y = ln(τ_α/t0) on x = κ(T)/T (natural logarithm; κ in ε/σ², T in ε/k_B,
 * so the slope (ℓ̃a0)² is in σ²). ℓ̃ = √slope / a0 and t̃ = exp(intercept) are dimensionless.
 *
 * @param slope (ℓ̃ a0)² (σ²)
 * @param intercept ln t̃
 * @param ellTilde ℓ̃
 * @param tTilde t̃
 * @param rSquared coefficient of determination of the fit
 * @param x the abscissae κ/T used
 * @param y the ordinates ln(τ_α/t0) used
 */
public record MesoelasticFit(double slope, double intercept, double ellTilde, double tTilde, double rSquared,
                             double[] x, double[] y) {

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
        double mx = 0, my = 0;
        for (int k = 0; k < m; k++) { mx += x[k]; my += y[k]; }
        mx /= m;
        my /= m;
        double sxx = 0, sxy = 0, syy = 0;
        for (int k = 0; k < m; k++) {
            sxx += (x[k] - mx) * (x[k] - mx);
            sxy += (x[k] - mx) * (y[k] - my);
            syy += (y[k] - my) * (y[k] - my);
        }
        if (!(sxx > 0)) throw new IllegalArgumentException("all state points have the same kappa/T: the fit is undetermined");
        double slope = sxy / sxx, icpt = my - slope * mx;
        if (!(slope > 0)) throw new IllegalArgumentException("mesoelastic fit has slope " + slope + " <= 0: ln(tau_alpha/t0) does not grow with kappa/T");
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1.0;
        return new MesoelasticFit(slope, icpt, Math.sqrt(slope) / a0, Math.exp(icpt), r2, x, y);
    }
}
