package org.softglass.core.barriers;

import org.softglass.core.util.Format;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.softglass.core.fit.FitResult;
import org.softglass.core.fit.NonlinearFit;
import org.softglass.core.params.ModelParameters;

/**
 * The global quadratic barrier fit with an onset temperature (DESIGN §5; {@code 000} eq 9,
 * {@code 002} eqs 27–28 with the sign convention of DESIGN §5): all (S, T) points at once,
 * <pre>
 *   ln P(R|S,T) [+ ln T for Kramers] = Σ0 − ε0/T + (ε1 S + ε2 S²)(1/T0 − 1/T),
 * </pre>
 * i.e. ΔE(S) = ε0 + ε1 S + ε2 S², Σ(S) = Σ0 + (ε1/T0) S + (ε2/T0) S². Weighted by σ(ln P) = σ_P/P.
 * Parameters are fitted as (Σ0, ε0, ε1, ε2, u = 1/T0) by Levenberg–Marquardt, started from the
 * linear least-squares fit in the 6 coefficients (Σ0, ε0, ε1, ε1u, ε2, ε2u); T0 = 1/u with
 * σ(T0) = σ(u)/u². σ_P is the block-bootstrap error of {@link ConditionalProbability}. The stated
 * errors are those of the data errors times {@code errorScale} = sqrt(χ²/dof) when χ²/dof &gt; 1, else 1
 * (DESIGN §7b: "fits with χ²/dof &gt; 1 report errors scaled by √(χ²/dof) and say so"): the residual
 * scatter beyond the bootstrap errors (correlations between neighbouring particles, which particle
 * blocks do not see, and the misfit of the quadratic form) then enters σ(T0), and with it the
 * onset-margin refusal below.
 *
 * <p>Refusals (IllegalArgumentException with the reason): an unusable point (too few rearrangements,
 * P(R|S) ≈ 1; {@link BarrierPoint#unusable}); fewer than 2 temperatures or 3 bins; no onset (fitted
 * 1/T0 ≤ 0); and any fitted temperature at or above the fitted T0 (or within {@link #ONSET_MARGIN}
 * scaled standard errors below it), where P(R|S) is S-independent and the form does not apply.
 *
 * @param eps0 ε0
 * @param eps1 ε1
 * @param eps2 ε2
 * @param sigma0 Σ0
 * @param t0 T0
 * @param errors 1σ errors of (ε0, ε1, ε2, Σ0, T0), scaled by {@code errorScale}
 * @param chi2 χ²
 * @param dof points − 5
 * @param kramers whether the Kramers form was fitted
 * @param errorScale sqrt(χ²/dof) when χ²/dof &gt; 1, else 1 ({@link FitResult#errorScale()})
 */
public record OnsetFit(double eps0, double eps1, double eps2, double sigma0, double t0, double[] errors,
                       double chi2, int dof, boolean kramers, double errorScale) {

    /** Whether the errors were scaled up by sqrt(χ²/dof) (χ²/dof &gt; 1). */
    public boolean errorsScaled() { return errorScale > 1; }

    /**
     * A fitted temperature T must satisfy T &lt; T0 − 2σ(T0), σ(T0) the scaled error. A flat (above-onset) temperature pulls the
     * fitted T0 to just above itself (seen on planted data: T = 1.1 flat gave T0 = 1.127 ± 0.040), so
     * "T ≥ T0" alone would let it through; within 2σ the data cannot say that T is below the onset.
     */
    public static final double ONSET_MARGIN = 2.0;

    /** The refusal "a fitted temperature is at or above the fitted T0": {@code temperature} names it. */
    public static final class AboveOnset extends org.softglass.core.util.Refusal {
        private final double temperature;

        AboveOnset(double temperature, String message) {
            super(message);
            this.temperature = temperature;
        }

        /** The first fitted temperature found at or above T0 − 2σ(T0). */
        public double temperature() { return temperature; }
    }

    /** The fitted parameters as the model-parameter file's barrier block. */
    public ModelParameters.Barriers barriers() { return new ModelParameters.Barriers(eps0, eps1, eps2, sigma0, t0); }

    /**
     * The model value ln P(R|S,T) (without the Kramers −ln T): Σ0 − ε0/T + (ε1 S + ε2 S²)(1/T0 − 1/T)
     * below T0; at and above T0 the S-dependence vanishes (γ = δ = 0, DESIGN §5).
     */
    public double logP(double s, double t) { return sigma0 - eps0 / t + (t >= t0 ? 0 : (eps1 * s + eps2 * s * s) * (1 / t0 - 1 / t)); }

    /** Fits the points; see the class comment for refusals. */
    public static OnsetFit fit(List<BarrierPoint> points, boolean kramers, long minEvents, double pMax) {
        int n = points.size();
        double[] y = new double[n], e = new double[n], s = new double[n], t = new double[n];
        java.util.Set<Double> temps = new java.util.TreeSet<>();
        java.util.Set<Integer> bins = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            BarrierPoint p = points.get(i);
            String why = p.unusable(minEvents, pMax);
            if (why != null) throw new org.softglass.core.util.Refusal("onset fit refused: " + why);
            s[i] = p.s(); t[i] = p.t();
            y[i] = p.logP() + (kramers ? Math.log(p.t()) : 0);
            e[i] = p.logPErr();
            temps.add(p.t()); bins.add(p.bin());
        }
        if (temps.size() < 2) throw new org.softglass.core.util.Refusal("onset fit needs at least 2 temperatures, got " + temps.size());
        if (bins.size() < 3) throw new org.softglass.core.util.Refusal("onset fit needs at least 3 softness bins, got " + bins.size());
        double tMax = ((java.util.TreeSet<Double>) temps).last();
        // linear start: basis 1, −1/T, −S/T, S, −S²/T, S² with coefficients Σ0, ε0, ε1, ε1u, ε2, ε2u
        double[][] a = new double[n][6];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double w = 1 / e[i], it = 1 / t[i];
            double[] row = {1, -it, -s[i] * it, s[i], -s[i] * s[i] * it, s[i] * s[i]};
            for (int k = 0; k < 6; k++) a[i][k] = row[k] * w;
            b[i] = y[i] * w;
        }
        double[] c;
        try {
            c = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12).getSolver().solve(new ArrayRealVector(b, false)).toArray();
        } catch (org.hipparchus.exception.MathIllegalArgumentException ex) {
            throw new org.softglass.core.util.Refusal("onset fit: the points do not determine the quadratic form (singular design)");
        }
        double u0 = Math.abs(c[2]) > 1e-12 ? c[3] / c[2] : Double.NaN;
        if (!(u0 > 1 / (10 * tMax)) || !(u0 < 1 / tMax) || !Double.isFinite(u0)) u0 = 1 / (1.2 * tMax);
        double[] start = {c[0], c[1], c[2], c[4], u0};
        FitResult f = NonlinearFit.fit((p, val, jac) -> {
            for (int i = 0; i < n; i++) {
                double q = p[2] * s[i] + p[3] * s[i] * s[i], d = p[4] - 1 / t[i];
                val[i] = p[0] - p[1] / t[i] + q * d;
                jac[i][0] = 1; jac[i][1] = -1 / t[i]; jac[i][2] = s[i] * d; jac[i][3] = s[i] * s[i] * d; jac[i][4] = q;
            }
        }, y, e, start);
        double[] p = f.params(), er = f.scaledErrors();
        if (!(p[4] > 0)) throw new org.softglass.core.util.Refusal("onset fit: fitted 1/T0 = " + Format.g4(p[4]) + " <= 0, the data show no onset temperature");
        double t0 = 1 / p[4], t0Err = er[4] / (p[4] * p[4]);
        for (double tt : temps) {
            if (tt >= t0 - ONSET_MARGIN * t0Err) {
                throw new AboveOnset(tt, "onset fit refused: T = " + Format.g4(tt) + " is at or above the fitted onset T0 = "
                        + Format.g4(t0) + " +- " + Format.g4(t0Err) + " (within " + (int) ONSET_MARGIN + " sigma counts as not below"
                        + (f.errorScale() > 1 ? "; sigma scaled by sqrt(chi2/dof) = " + Format.g4(f.errorScale()) : "") + ");"
                        + " above T0 P(R|S) does not depend on S and the quadratic form does not apply; leave that temperature out");
            }
        }
        double[] errs = {er[1], er[2], er[3], er[0], t0Err};
        return new OnsetFit(p[1], p[2], p[3], p[0], t0, errs, f.chi2(), f.dof(), kramers, f.errorScale());
    }
}
