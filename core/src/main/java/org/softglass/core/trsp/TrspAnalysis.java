package org.softglass.core.trsp;

import java.util.Arrays;
import org.softglass.core.fit.Line;

/** Summary numbers of the dynamical heterogeneity ({@code 002} §VII A). */
public final class TrspAnalysis {
    private TrspAnalysis() {
    }

    /**
     * The peak of χ4(t) on the lag grid, refined by a parabola through the three grid points around
     * the maximum in (ln t, χ4).
     *
     * @return {τ_χ, χ4*, index of the grid maximum}
     */
    public static double[] peak(double[] lags, double[] chi4) {
        int k = 0;
        for (int i = 1; i < chi4.length; i++) if (chi4[i] > chi4[k]) k = i;
        if (k == 0 || k == chi4.length - 1) return new double[]{lags[k], chi4[k], k};
        double x0 = Math.log(lags[k - 1]), x1 = Math.log(lags[k]), x2 = Math.log(lags[k + 1]);
        double y0 = chi4[k - 1], y1 = chi4[k], y2 = chi4[k + 1];
        double d = (x0 - x1) * (x0 - x2) * (x1 - x2);
        double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d;
        double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d;
        if (!(a < 0)) return new double[]{lags[k], chi4[k], k};
        double xm = -b / (2 * a), c = y1 - a * x1 * x1 - b * x1;
        return new double[]{Math.exp(xm), a * xm * xm + b * xm + c, k};
    }

    /**
     * Ornstein–Zernike fit S4(q) = S4(0) / (1 + (qξ4)²) by least squares on 1/S4 = a + b q²
     * (a = 1/S4(0), b = ξ4²/S4(0)), an unweighted {@link Line} (centred sums since issue 18 item 5: the
     * raw-sum form (nΣxy − ΣxΣy)/(nΣx² − (Σx)²) it replaced agrees to rounding, so S4(0) and ξ4 may differ
     * in the last digits).
     *
     * @param q  wave numbers (entries ≤ 0 or with S4 ≤ 0 are skipped)
     * @param s4 S4 at those wave numbers
     * @return {S4(0), ξ4}; ξ4 is NaN when the fit gives b ≤ 0 or a ≤ 0 (no decay resolved)
     */
    public static double[] ornsteinZernike(double[] q, double[] s4) {
        int n = 0;
        double[] x = new double[q.length], y = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            if (!(q[i] > 0) || !(s4[i] > 0)) continue;
            x[n] = q[i] * q[i];
            y[n] = 1 / s4[i];
            n++;
        }
        if (n < 2) return new double[]{Double.NaN, Double.NaN};
        Line line = Line.fit(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        double b = line.slope(), a = line.intercept();
        return new double[]{a > 0 ? 1 / a : Double.NaN, a > 0 && b > 0 ? Math.sqrt(b / a) : Double.NaN};
    }
}
