package org.softglass.core.dynamics;

import java.util.Arrays;

/**
 * Spearman's rank correlation {@code C_s}: the Pearson correlation of the ranks, with tied values
 * given their average rank. Paper 004 correlates the ranks of 1/κ_i with the mobility; since ranking
 * is monotone, {@code C_s(1/κ, μ) = −C_s(κ, μ)}.
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /**
     * @throws IllegalArgumentException for unequal lengths, fewer than 2 values or a non-finite value
     *     (naming its index)
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("need equal lengths, got " + a.length + " and " + b.length);
        if (a.length < 2) throw new IllegalArgumentException("need at least 2 values");
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k]) || !Double.isFinite(b[k])) throw new IllegalArgumentException("value " + k + " is not finite");
        }
        return pearson(ranks(a), ranks(b));
    }

    /** Ranks 1..n, ties averaged. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) idx[k] = k;
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[n];
        for (int k = 0; k < n; ) {
            int e = k;
            while (e + 1 < n && v[idx[e + 1]] == v[idx[k]]) e++;
            double avg = (k + e) / 2.0 + 1;
            for (int q = k; q <= e; q++) r[idx[q]] = avg;
            k = e + 1;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int k = 0; k < n; k++) { ma += a[k]; mb += b[k]; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < n; k++) {
            sab += (a[k] - ma) * (b[k] - mb);
            saa += (a[k] - ma) * (a[k] - ma);
            sbb += (b[k] - mb) * (b[k] - mb);
        }
        if (saa == 0 || sbb == 0) throw new org.softglass.core.util.Refusal("a constant sequence has no rank correlation");
        return sab / Math.sqrt(saa * sbb);
    }
}
