package org.softglass.core.stats;

import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * Spearman's rank correlation {@code C_s}: the Pearson correlation of the ranks 1..n, tied values given their
 * average rank (Hipparchus {@link SpearmansCorrelation} over {@link NaturalRanking} with
 * {@link TiesStrategy#AVERAGE}). Paper 004 correlates the ranks of 1/κ_i with the mobility; since ranking is
 * monotone, {@code C_s(1/κ, μ) = −C_s(κ, μ)}.
 */
public final class RankCorrelation {
    private RankCorrelation() {}

    /** Ranks 1..n, ties averaged; NaN is refused (the callers check finiteness first and name the index). */
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    /**
     * C_s of the paired values (a_k, b_k); the inputs are not modified.
     *
     * @throws IllegalArgumentException for unequal lengths, fewer than 2 values or a non-finite value
     *     (naming its index)
     * @throws org.softglass.core.util.Refusal when either sequence is constant (its ranks do not spread)
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("need equal lengths, got " + a.length + " and " + b.length);
        if (a.length < 2) throw new IllegalArgumentException("need at least 2 values");
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k]) || !Double.isFinite(b[k])) throw new IllegalArgumentException("value " + k + " is not finite");
        }
        if (constant(a) || constant(b)) throw new org.softglass.core.util.Refusal("a constant sequence has no rank correlation");
        return new SpearmansCorrelation(RANKING).correlation(a, b);
    }

    /** Ranks 1..n of v (not modified), tied values given their average rank. */
    public static double[] ranks(double[] v) {
        return RANKING.rank(v);
    }

    private static boolean constant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }
}
