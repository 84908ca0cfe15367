package org.softglass.core.trap;

/**
 * Fragility index (eq 22 of {@code 000}) from a relaxation-time table τ(T), through the parabolic law
 * of Elmatad, Chandler and Garrahan: ln τ = a + b x + c x² with x = 1/T (equivalently
 * ln(τ/τ0) = J²(1/T − 1/T_on)² with J² = c, 1/T_on = −b/2c, ln τ0 = a − c/T_on²).
 *
 * <p>The three coefficients are the linear least-squares fit of ln τ on (1, x, x²) (x centred and
 * scaled before solving the 3 × 3 normal equations). T_g is where the fitted law reaches τ_g
 * (10⁷ in {@code 000}): the root of c x² + b x + a − ln τ_g on the branch x &gt; 1/T_on, T_g = 1/x_g.
 * The fragility index is m = d ln τ/d(T_g/T) at T = T_g = x_g (b + 2c x_g), natural logarithm as eq 22
 * prints it; Angell's decimal index is m/ln 10 ({@link Fit#mDecimal()}). Stateless.
 */
public final class Fragility {
    private Fragility() {}

    /**
     * The parabolic-law fit and its fragility.
     *
     * @param a ln τ at x = 0
     * @param b coefficient of x = 1/T
     * @param c coefficient of x² (J²; &gt; 0 for super-Arrhenius)
     * @param tOnset T_on = −2c/b, the vertex of the parabola
     * @param tg glass temperature where the law reaches τ_g
     * @param m eq 22, d ln τ/d(T_g/T) at T_g
     * @param rms root-mean-square residual of ln τ
     * @param points number of points fitted
     */
    public record Fit(double a, double b, double c, double tOnset, double tg, double m, double rms, int points) {
        /** ln τ of the fitted law at temperature T. */
        public double logTau(double temperature) { double x = 1 / temperature; return a + x * (b + c * x); }
        /** Angell's m = d log10 τ/d(T_g/T) = m/ln 10. */
        public double mDecimal() { return m / Math.log(10); }
        /**
         * Eq 22 at a glass temperature fixed by hand (as {@code 000} does for KA, T_g = 0.40):
         * d ln τ/d(T_g/T) of the fitted law at T = T_g = x(b + 2cx), x = 1/T_g.
         */
        public double mAt(double tgFixed) {
            if (!(tgFixed > 0)) throw new IllegalArgumentException("fragility: T_g must be > 0, got " + tgFixed);
            double x = 1 / tgFixed;
            return x * (b + 2 * c * x);
        }
        /** J = √c, the energy scale of the parabolic law. */
        public double j() { return Math.sqrt(c); }
    }

    /**
     * Fits the parabolic law to (T, τ) and finds T_g and m.
     *
     * @param temperatures T_i &gt; 0 (not modified)
     * @param taus τ_i &gt; 0 (not modified)
     * @param tauG τ at the glass transition (10⁷ in {@code 000}), in the units of τ_i
     * @throws IllegalArgumentException for fewer than 3 points, non-positive values, fewer than 3 distinct
     *     temperatures, a fit with c ≤ 0 (not super-Arrhenius: no parabolic T_g) or a τ_g below the vertex
     */
    public static Fit fit(double[] temperatures, double[] taus, double tauG) {
        int n = temperatures.length;
        if (taus.length != n) throw new IllegalArgumentException("fragility: " + n + " temperatures but " + taus.length + " relaxation times");
        if (n < 3) throw new IllegalArgumentException("fragility: need at least 3 (T, tau) points for a parabolic fit, got " + n);
        if (!(tauG > 0) || !Double.isFinite(tauG)) throw new IllegalArgumentException("fragility: tau_g must be > 0, got " + tauG);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!(temperatures[i] > 0) || !Double.isFinite(temperatures[i])) throw new IllegalArgumentException("fragility: T must be > 0, got " + temperatures[i] + " (point " + (i + 1) + ")");
            if (!(taus[i] > 0) || !Double.isFinite(taus[i])) throw new IllegalArgumentException("fragility: tau must be > 0, got " + taus[i] + " (point " + (i + 1) + ")");
            mean += 1 / temperatures[i] / n;
        }
        double scale = 0;
        for (double tt : temperatures) scale = Math.max(scale, Math.abs(1 / tt - mean));
        if (!(scale > 0)) throw new IllegalArgumentException("fragility: all temperatures are equal");
        // ln tau = p0 + p1 u + p2 u^2, u = (x - mean)/scale
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        for (int i = 0; i < n; i++) {
            double u = (1 / temperatures[i] - mean) / scale;
            double[] row = {1, u, u * u};
            double y = Math.log(taus[i]);
            for (int r = 0; r < 3; r++) {
                atb[r] += row[r] * y;
                for (int s = 0; s < 3; s++) ata[r][s] += row[r] * row[s];
            }
        }
        double[] p = solve3(ata, atb);
        if (p == null) throw new IllegalArgumentException("fragility: need at least 3 distinct temperatures");
        // back to x: p0 + p1 (x-mean)/s + p2 (x-mean)^2/s^2
        double c = p[2] / (scale * scale);
        double b = p[1] / scale - 2 * p[2] * mean / (scale * scale);
        double a = p[0] - p[1] * mean / scale + p[2] * mean * mean / (scale * scale);
        if (!(c > 0)) throw new org.softglass.core.util.Refusal(String.format(
                "fragility: the parabolic fit of ln tau vs 1/T has curvature c = %.4g <= 0 (not super-Arrhenius), so it defines no T_g", c));
        double xv = -b / (2 * c);
        double lnG = Math.log(tauG);
        double disc = b * b - 4 * c * (a - lnG);
        if (!(disc > 0)) throw new org.softglass.core.util.Refusal(String.format(
                "fragility: the fitted law never reaches tau_g = %.4g (its minimum is tau = %.4g)", tauG, Math.exp(a - c * xv * xv)));
        double xg = (-b + Math.sqrt(disc)) / (2 * c);
        if (!(xg > 0)) throw new org.softglass.core.util.Refusal("fragility: the fitted law reaches tau_g only at T < 0");
        double m = xg * (b + 2 * c * xg);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double x = 1 / temperatures[i];
            double r = Math.log(taus[i]) - (a + x * (b + c * x));
            ss += r * r;
        }
        return new Fit(a, b, c, 1 / xv, 1 / xg, m, Math.sqrt(ss / n), n);
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve3(double[][] m, double[] rhs) {
        double[][] a = new double[3][4];
        for (int i = 0; i < 3; i++) { System.arraycopy(m[i], 0, a[i], 0, 3); a[i][3] = rhs[i]; }
        double norm = 0;
        for (double[] r : m) for (double v : r) norm = Math.max(norm, Math.abs(v));
        for (int col = 0; col < 3; col++) {
            int piv = col;
            for (int r = col + 1; r < 3; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            if (Math.abs(a[piv][col]) <= 1e-12 * norm) return null;
            double[] tmp = a[col]; a[col] = a[piv]; a[piv] = tmp;
            for (int r = col + 1; r < 3; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k < 4; k++) a[r][k] -= f * a[col][k];
            }
        }
        double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double s = a[r][3];
            for (int k = r + 1; k < 3; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
