package org.softglass.core.fit;

/**
 * Result of a weighted least-squares fit: parameters, their covariance and 1σ errors, and the
 * goodness of fit χ² = Σ ((y_i − f_i)/σ_i)² with dof = points − parameters.
 *
 * <p>The covariance is (Jᵀ W J)⁻¹ with W = diag(1/σ_i²), i.e. the errors follow from the data errors
 * alone and are <em>not</em> rescaled by χ²/dof (use {@link #scaledErrors()} for that).
 *
 * @param params fitted parameters (not copied)
 * @param covariance parameter covariance (not copied)
 * @param chi2 χ²
 * @param dof degrees of freedom
 */
public record FitResult(double[] params, double[][] covariance, double chi2, int dof) {
    /** 1σ errors sqrt(cov_ii). */
    public double[] errors() {
        double[] e = new double[params.length];
        for (int i = 0; i < e.length; i++) e[i] = Math.sqrt(covariance[i][i]);
        return e;
    }

    /**
     * The factor sqrt(χ²/dof) by which the errors of a fit with χ²/dof &gt; 1 are scaled (DESIGN §7b:
     * the data errors were too small by that factor on average); 1 when χ²/dof ≤ 1 or dof = 0 (a fit
     * with no degrees of freedom cannot tell).
     */
    public double errorScale() {
        return dof > 0 && chi2 > dof ? Math.sqrt(chi2 / dof) : 1;
    }

    /** Errors scaled by {@link #errorScale()} = sqrt(max(1, χ²/dof)) (dof &gt; 0), for fits whose data errors are underestimated. */
    public double[] scaledErrors() {
        double f = errorScale();
        double[] e = errors();
        for (int i = 0; i < e.length; i++) e[i] *= f;
        return e;
    }

    /** χ²/dof (NaN when dof = 0). */
    public double reducedChi2() { return dof > 0 ? chi2 / dof : Double.NaN; }
}
