package org.softglass.core.fit;

/**
 * The ordinary least-squares straight line y = a + b x from the six running sums of points streamed (or
 * merged across threads) without being kept: n, Σx, Σx², Σy, Σxy, Σy². With S_xx = Σx² − (Σx)²/n and
 * S_xy = Σxy − Σx Σy / n,
 * <ul>
 *   <li>b = S_xy / S_xx, a = (Σy − b Σx)/n (the same line as {@link Line}, which keeps the points and fits
 *       them in two centred passes);</li>
 *   <li>the variance of the residuals e_i = y_i − a′ − b′ x_i about any line (a′, b′), divisor n − 1:
 *       (Σe² − (Σe)²/n)/(n − 1), with Σe and Σe² expanded in the six sums, clipped at 0.</li>
 * </ul>
 * One pass, so the sums lose digits when the spread is small against the means. The record holds the sums
 * as given (not copied from anywhere that changes).
 *
 * @param n number of points
 * @param sx Σ x_i
 * @param sxx Σ x_i²
 * @param sy Σ y_i
 * @param sxy Σ x_i y_i
 * @param syy Σ y_i²
 */
public record LineSums(double n, double sx, double sxx, double sy, double sxy, double syy) {

    /** The sums stored at a[o..o+5] in the order n, Σx, Σx², Σy, Σxy, Σy² (a not modified). */
    public static LineSums at(double[] a, int o) {
        return new LineSums(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5]);
    }

    /** S_xx = Σx² − (Σx)²/n; the slope is determined only when it is &gt; 0. */
    public double xSpread() { return sxx - sx * sx / n; }

    /** b = S_xy / S_xx (NaN or infinite when {@link #xSpread()} ≤ 0: callers refuse that with their own message). */
    public double slope() { return (sxy - sx * sy / n) / xSpread(); }

    /** a = (Σy − b Σx)/n for the slope b. */
    public double intercept(double slope) { return (sy - slope * sx) / n; }

    /**
     * The variance (divisor n − 1) of the residuals y_i − a − b x_i about the line (a, b), which need not be
     * this data's own fit; NaN for n &lt; 2.
     */
    public double residualVariance(double a, double b) {
        if (n < 2) return Double.NaN;
        double se = sy - a * n - b * sx;
        double se2 = syy + a * a * n + b * b * sxx - 2 * a * sy - 2 * b * sxy + 2 * a * b * sx;
        return Math.max(0, (se2 - se * se / n) / (n - 1));
    }
}
