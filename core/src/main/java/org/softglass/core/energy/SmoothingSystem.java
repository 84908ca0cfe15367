package org.softglass.core.energy;

/**
 * The small linear systems that fix the coefficients of a polynomial cutoff: the conditions "U and its first derivatives
 * take given values at a matching point" are one row each of an augmented matrix {@code [M | rhs]}, solved by
 * Gauss–Jordan elimination with partial pivoting ({@link InversePowerLaw}: 4 conditions at x_c; {@link StickySpheres}: 3
 * at 2^{1/6} and 3 at x_c).
 */
final class SmoothingSystem {
    private SmoothingSystem() {}

    /**
     * Solves {@code M c = rhs} for an n×(n+1) augmented matrix {@code m = [M | rhs]} (modified: rows swapped and
     * eliminated in place).
     *
     * @return c, length n
     */
    static double[] solve(double[][] m) {
        int n = m.length;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
            double[] tmp = m[c]; m[c] = m[piv]; m[piv] = tmp;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) out[k] = m[k][n] / m[k][k];
        return out;
    }

    /** The k-th derivative of x^p at x: p(p−1)…(p−k+1) x^{p−k} (0 when the product vanishes). */
    static double derivPower(int p, int k, double x) {
        double coef = 1;
        for (int i = 0; i < k; i++) coef *= (p - i);
        return coef == 0 ? 0 : coef * Math.pow(x, p - k);
    }
}
