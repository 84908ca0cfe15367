package org.softglass.core.correlate;

import java.util.ArrayList;
import java.util.List;
import org.softglass.core.fit.FitResult;
import org.softglass.core.fit.NonlinearFit;
import org.softglass.core.fit.WeightedLine;
import org.softglass.core.params.ModelParameters;

/**
 * Fit of the {@code 002} eq 29 form f(0) = c0, f(r) = c1 e^{−r/ξ} (r &gt; 0) to binned data: c0 is
 * the measured r = 0 value (σ² for C_S; σ̃(0) for σ_Δ; 1 for ρ), c1 and ξ are fitted by weighted
 * Levenberg–Marquardt on the points with rmin ≤ r ≤ rmax, started from a weighted line through
 * ln f (points with f &gt; 0).
 *
 * @param form the fitted form
 * @param c1Err 1σ error of c1
 * @param xiErr 1σ error of ξ
 * @param chi2 χ²
 * @param dof points − 2
 */
public record ExpCorrelationFit(ModelParameters.ExpCorrelation form, double c1Err, double xiErr, double chi2, int dof) {

    /**
     * @param r abscissae (not modified)
     * @param f values (not modified; NaN points are skipped)
     * @param err 1σ errors (points with non-positive or NaN error are skipped)
     * @param c0 the r = 0 value
     * @throws IllegalArgumentException when fewer than 3 usable points lie in [rmin, rmax], when the
     *     data do not decay (ξ ≤ 0), or the fit does not converge
     */
    public static ExpCorrelationFit fit(double[] r, double[] f, double[] err, double c0, double rmin, double rmax) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            if (r[i] > 0 && r[i] >= rmin && r[i] <= rmax && Double.isFinite(f[i]) && err[i] > 0 && Double.isFinite(err[i])) pts.add(new double[] {r[i], f[i], err[i]});
        }
        if (pts.size() < 3) throw new org.softglass.core.util.Refusal("an exponential fit needs at least 3 points with errors in r = [" + rmin + ", " + rmax + "], got " + pts.size());
        int n = pts.size();
        double[] x = new double[n], y = new double[n], e = new double[n];
        for (int i = 0; i < n; i++) { x[i] = pts.get(i)[0]; y[i] = pts.get(i)[1]; e[i] = pts.get(i)[2]; }
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < n; i++) if (y[i] > 0) pos.add(new double[] {x[i], Math.log(y[i]), e[i] / y[i]});
        double c1s = y[0] * Math.exp(x[0]), xis = 1;
        if (pos.size() >= 2) {
            double[] lx = pos.stream().mapToDouble(p -> p[0]).toArray(), ly = pos.stream().mapToDouble(p -> p[1]).toArray(),
                    le = pos.stream().mapToDouble(p -> p[2]).toArray();
            try {
                double[] ab = WeightedLine.fit(lx, ly, le).params();
                if (ab[1] < 0) { c1s = Math.exp(ab[0]); xis = -1 / ab[1]; }
            } catch (IllegalArgumentException ignored) {
                // fall back to the crude start
            }
        }
        FitResult fr = NonlinearFit.fit((p, v, j) -> {
            for (int i = 0; i < n; i++) {
                double ex = Math.exp(-x[i] / p[1]);
                v[i] = p[0] * ex;
                j[i][0] = ex;
                j[i][1] = p[0] * ex * x[i] / (p[1] * p[1]);
            }
        }, y, e, new double[] {c1s, xis});
        double[] p = fr.params(), pe = fr.errors();
        if (!(p[1] > 0)) throw new org.softglass.core.util.Refusal("the data do not decay with r (fitted xi = " + p[1] + ")");
        return new ExpCorrelationFit(new ModelParameters.ExpCorrelation(c0, p[0], p[1]), pe[0], pe[1], fr.chi2(), fr.dof());
    }
}
