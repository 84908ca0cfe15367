package org.softglass.core.fit;

/**
 * Unweighted (ordinary) least-squares straight line y = a + b x, the one implementation shared by every
 * unweighted line fit (issue 18 item 5; weighted fits: {@link WeightedLine}). Two passes, centred:
 * x̄ = (Σ x_i)/n, ȳ = (Σ y_i)/n, S_xx = Σ (x_i − x̄)², S_xy = Σ (x_i − x̄)(y_i − ȳ), S_yy = Σ (y_i − ȳ)²,
 * <ul>
 *   <li>b = S_xy / S_xx, a = ȳ − b x̄;</li>
 *   <li>R² = S_xy² / (S_xx S_yy) (1 when S_yy = 0);</li>
 *   <li>1σ errors from the scatter about the line (no per-point errors): s² = Σ (y_i − a − b x_i)² / (n − 2),
 *       σ_b = √(s²/S_xx), σ_a = √(s² (1/n + x̄²/S_xx)), i.e. the covariance s²(XᵀX)⁻¹; NaN for n = 2.</li>
 * </ul>
 * The same numbers as Hipparchus {@code org.hipparchus.stat.regression.SimpleRegression} (with intercept)
 * to rounding; this closed form is kept because its rounding is the one the commands' outputs were
 * written with (SimpleRegression's updating sums differ in the last bits). A fit whose abscissae do not
 * spread ({@link #determined()} false) has a NaN or infinite slope; callers refuse it with their own message.
 *
 * @param intercept a
 * @param slope b
 * @param interceptErr σ_a (NaN for n = 2)
 * @param slopeErr σ_b (NaN for n = 2)
 * @param rSquared coefficient of determination R²
 * @param n number of points
 * @param xSpread S_xx = Σ (x_i − x̄)²
 */
public record Line(double intercept, double slope, double interceptErr, double slopeErr, double rSquared, int n,
                   double xSpread) {

    /**
     * Fits y = a + b x to all points.
     *
     * @param x abscissae (not modified)
     * @param y ordinates (not modified)
     * @throws IllegalArgumentException when the lengths differ or there are fewer than 2 points
     */
    public static Line fit(double[] x, double[] y) {
        int m = x.length;
        if (y.length != m) throw new IllegalArgumentException("x and y lengths differ: " + m + " and " + y.length);
        if (m < 2) throw new IllegalArgumentException("a straight-line fit needs at least 2 points, got " + m);
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
        double slope = sxy / sxx, icpt = my - slope * mx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1.0;
        double ssr = 0;
        for (int k = 0; k < m; k++) {
            double r = y[k] - icpt - slope * x[k];
            ssr += r * r;
        }
        double s2 = m > 2 ? ssr / (m - 2) : Double.NaN;
        double se = Math.sqrt(s2 / sxx), si = Math.sqrt(s2 * (1.0 / m + mx * mx / sxx));
        return new Line(icpt, slope, si, se, r2, m, sxx);
    }

    /** Whether the abscissae spread (S_xx &gt; 0), so that the slope is determined. */
    public boolean determined() { return xSpread > 0; }

    /** a + b x. */
    public double at(double x) { return intercept + slope * x; }
}
