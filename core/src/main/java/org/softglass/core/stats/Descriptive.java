package org.softglass.core.stats;

import java.util.Arrays;
import org.hipparchus.stat.descriptive.rank.Median;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Descriptive statistics of a sample x_1 … x_n with the divisor always explicit (issue 18 item 5: one
 * place for them, so σ does not silently mean n in one command and n − 1 in another).
 * <ul>
 *   <li>mean x̄ = (1/n) Σ x_i;</li>
 *   <li>standard deviation s = √(Σ (x_i − x̄)² / d) with d = n ({@link Divisor#POPULATION}, the spread of
 *       the values themselves, e.g. σ_S of the softness of all particles) or d = n − 1
 *       ({@link Divisor#SAMPLE}, the unbiased variance estimate);</li>
 *   <li>standard error of the mean s_{n−1}/√n (independent values only; correlated data need blocks);</li>
 *   <li>jackknife standard error of an estimate from its n leave-one-out values θ_i:
 *       √((n − 1)/n Σ (θ_i − θ̄)²) (Efron &amp; Tibshirani, An Introduction to the Bootstrap, eq. 11.5);</li>
 *   <li>for values streamed without being kept, from the running sums n, Σx and Σx²: s_n
 *       ({@link #populationStdFromSums}), s² with either divisor ({@link #varianceFromSums}) and the standard
 *       error s_{n−1}/√n ({@link #standardErrorFromSums}).</li>
 *   <li>median: the middle value for odd n, the mean of the two middle values for even n (Hipparchus
 *       {@link Median} with {@link Percentile.EstimationType#LEGACY}: position p(n + 1) = (n + 1)/2, linear
 *       interpolation between the neighbouring order statistics, which is halfway for even n).</li>
 * </ul>
 * NaN values are not skipped: a NaN anywhere gives NaN. Empty samples give NaN. Inputs are not modified.
 */
public final class Descriptive {
    private Descriptive() {}

    /** The divisor of a variance. */
    public enum Divisor {
        /** d = n: the spread of exactly these values. */
        POPULATION,
        /** d = n − 1: the unbiased estimate of the variance of the distribution they were drawn from. */
        SAMPLE
    }

    /** x̄, NaN for an empty sample. */
    public static double mean(double[] x) {
        return mean(x, x.length);
    }

    /** x̄ of the first n values x[0..n) (a reused buffer), summed in index order; NaN for n = 0. */
    public static double mean(double[] x, int n) {
        if (n == 0) return Double.NaN;
        double s = 0;
        for (int i = 0; i < n; i++) s += x[i];
        return s / n;
    }

    /** Σ (x_i − x̄)² / d, d by {@code divisor}; NaN for n = 0, and for n = 1 with {@link Divisor#SAMPLE}. */
    public static double variance(double[] x, Divisor divisor) {
        return variance(x, x.length, divisor);
    }

    /** {@link #variance(double[], Divisor)} of the first n values x[0..n), two passes in index order. */
    public static double variance(double[] x, int n, Divisor divisor) {
        int d = divisor == Divisor.SAMPLE ? n - 1 : n;
        if (d <= 0) return Double.NaN;
        return squaredDeviations(x, n) / d;
    }

    /** Σ (x_i − x̄)² over x[0..n), x̄ by {@link #mean(double[], int)}, summed in index order. */
    private static double squaredDeviations(double[] x, int n) {
        double m = mean(x, n), ss = 0;
        for (int i = 0; i < n; i++) ss += (x[i] - m) * (x[i] - m);
        return ss;
    }

    /**
     * The jackknife standard error √((n − 1)/n Σ (θ_i − θ̄)²) of an estimate from its n leave-one-out values θ_i
     * (not modified); NaN for n &lt; 2 or when any θ_i is NaN.
     */
    public static double jackknifeError(double[] leaveOneOut) {
        int n = leaveOneOut.length;
        if (n < 2) return Double.NaN;
        return Math.sqrt(squaredDeviations(leaveOneOut, n) * (n - 1) / n);
    }

    /** √(Σ (x_i − x̄)² / d), d by {@code divisor}; NaN for n = 0, and for n = 1 with {@link Divisor#SAMPLE}. */
    public static double std(double[] x, Divisor divisor) {
        return Math.sqrt(variance(x, divisor));
    }

    /**
     * The standard deviation with divisor n ({@link Divisor#POPULATION}) from running sums, for values
     * streamed without being kept: x̄ = Σx/n, s_n = √(max(0, Σx²/n − x̄²)) (one pass; the max clips the
     * rounding of a zero spread). NaN for n = 0.
     *
     * @param n number of values
     * @param sum Σ x_i
     * @param sumSquares Σ x_i²
     */
    public static double populationStdFromSums(double n, double sum, double sumSquares) {
        if (n == 0) return Double.NaN;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    }

    /**
     * The variance from running sums, for values streamed (or merged across threads) without being kept:
     * s² = max(0, Σx² − n x̄²) / d with x̄ = Σx/n and d = n ({@link Divisor#POPULATION}) or n − 1
     * ({@link Divisor#SAMPLE}); the max clips the rounding of a zero spread. One pass, so it loses digits
     * when the spread is small against the mean (keep the values and use {@link #variance} then).
     * NaN for d ≤ 0.
     *
     * @param n number of values
     * @param sum Σ x_i
     * @param sumSquares Σ x_i²
     * @param divisor n or n − 1
     */
    public static double varianceFromSums(double n, double sum, double sumSquares, Divisor divisor) {
        double d = divisor == Divisor.SAMPLE ? n - 1 : n;
        if (!(d > 0)) return Double.NaN;
        double mean = sum / n;
        return Math.max(0, (sumSquares - n * mean * mean) / d);
    }

    /**
     * Standard error of the mean of independent streamed values from running sums, s_{n−1}/√n with s_{n−1}² =
     * {@link #varianceFromSums varianceFromSums}(n, Σx, Σx², {@link Divisor#SAMPLE}); NaN for n &lt; 2.
     */
    public static double standardErrorFromSums(double n, double sum, double sumSquares) {
        return Math.sqrt(varianceFromSums(n, sum, sumSquares, Divisor.SAMPLE) / n);
    }

    /** Standard error of the mean of independent values, s_{n−1}/√n; NaN for n &lt; 2. */
    public static double standardError(double[] x) {
        return x.length < 2 ? Double.NaN : std(x, Divisor.SAMPLE) / Math.sqrt(x.length);
    }

    /** The median (mean of the two middle values for even n); NaN for an empty sample. */
    public static double median(double[] x) {
        if (x.length == 0) return Double.NaN;
        for (double v : x) if (Double.isNaN(v)) return Double.NaN;
        return new Median().withEstimationType(Percentile.EstimationType.LEGACY).evaluate(Arrays.copyOf(x, x.length));
    }
}
