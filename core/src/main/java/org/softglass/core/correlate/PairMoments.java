package org.softglass.core.correlate;

/**
 * Additive sums of the 4-vectors u = (S_a, ΔS_a, S_b, ΔS_b) of particle pairs, stored in a flat
 * array at an offset (15 doubles: n, Σu_i (4), Σu_i u_j for i ≤ j (10)), so that groups of sums can
 * be added and subtracted (jackknife) and the covariance of any two linear combinations, e.g. of the
 * residuals ΔS − α − βS of each particle about a line fitted later, evaluated afterwards:
 * cov(vᵀu, wᵀu) = vᵀ C w with C the sample covariance matrix (n − 1 divisor). ΔS and S are O(1) with
 * means near 0, so raw sums lose no significant digits.
 */
final class PairMoments {
    private PairMoments() {
    }

    /** Adds one pair at a[o..o+14] (<b>modified</b>): particle a's S and ΔS, particle b's S and ΔS. */
    static void add(double[] a, int o, double sa, double dsa, double sb, double dsb) {
        a[o]++;
        a[o + 1] += sa; a[o + 2] += dsa; a[o + 3] += sb; a[o + 4] += dsb;
        a[o + 5] += sa * sa; a[o + 6] += sa * dsa; a[o + 7] += sa * sb; a[o + 8] += sa * dsb;
        a[o + 9] += dsa * dsa; a[o + 10] += dsa * sb; a[o + 11] += dsa * dsb;
        a[o + 12] += sb * sb; a[o + 13] += sb * dsb;
        a[o + 14] += dsb * dsb;
    }

    /** Pairs summed at a[o..]. */
    static double n(double[] a, int o) { return a[o]; }

    /** Sample covariance (n − 1 divisor) of vᵀu and wᵀu over the pairs summed at a[o..]; NaN with fewer than 2. */
    static double cov(double[] a, int o, double[] v, double[] w) {
        double n = a[o];
        if (n < 2) return Double.NaN;
        double c = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double sij = a[o + 5 + index(Math.min(i, j), Math.max(i, j))];
                c += v[i] * w[j] * (sij - a[o + 1 + i] * a[o + 1 + j] / n);
            }
        }
        return c / (n - 1);
    }

    /** Position of Σu_i u_j (i ≤ j) among the 10 second moments. */
    private static int index(int i, int j) { return i * 4 - i * (i - 1) / 2 + (j - i); }

    /** The coefficient vector of particle a's residual ΔS_a − α − β S_a (without α, which no covariance sees). */
    static double[] residualA(double beta) { return new double[] {-beta, 1, 0, 0}; }

    /** The same for particle b. */
    static double[] residualB(double beta) { return new double[] {0, 0, -beta, 1}; }
}
