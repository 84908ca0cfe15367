package org.softglass.core.softness;

import java.util.Arrays;
import org.softglass.core.stats.Descriptive;

/**
 * Per-feature standardisation z_j = (x_j − mean_j) / std_j (DESIGN §3: features are standardised,
 * zero mean and unit variance over the training rows, before the SVM is trained).
 *
 * <p>std is the population standard deviation (divisor n, {@link Descriptive.Divisor#POPULATION}, as
 * scikit-learn's StandardScaler). A feature that is constant over the
 * rows (std below 1e-12 of its magnitude) gets std = 1, so it standardises to 0 and carries no weight.
 * (A file does not record which features were constant: a genuine std of exactly 1 looks the same.)
 *
 * @param mean per-feature mean (length M; not copied, do not modify)
 * @param std per-feature standard deviation, all &gt; 0 (length M; not copied, do not modify)
 */
public record Standardization(double[] mean, double[] std) {
    /** Validates equal lengths, finite means and finite positive stds. */
    public Standardization {
        if (mean.length != std.length) throw new IllegalArgumentException("mean and std lengths differ (" + mean.length + ", " + std.length + ")");
        for (int j = 0; j < std.length; j++) {
            if (!Double.isFinite(mean[j])) throw new IllegalArgumentException("mean[" + j + "] is not finite: " + mean[j]);
            if (!(std[j] > 0) || !Double.isFinite(std[j])) throw new IllegalArgumentException("std[" + j + "] must be finite and > 0, got " + std[j]);
        }
    }

    /**
     * Mean and population standard deviation of each column of {@code x} (n rows × M, not modified),
     * by a two-pass sum. Constant columns get std 1.
     *
     * @throws IllegalArgumentException if there are no rows, rows of different length, or non-finite values
     */
    public static Standardization fit(double[][] x) {
        if (x.length == 0) throw new IllegalArgumentException("no rows to standardise");
        int m = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != m) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + m);
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("row " + i + ", feature " + j + " is not finite: " + x[i][j]);
            }
        }
        double[] mean = new double[m], std = new double[m], column = new double[x.length];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < x.length; i++) column[i] = x[i][j];
            mean[j] = Descriptive.mean(column);
            double s = Descriptive.std(column, Descriptive.Divisor.POPULATION);
            std[j] = s > 1e-12 * Math.max(1, Math.abs(mean[j])) ? s : 1.0;
        }
        return new Standardization(mean, std);
    }

    /** The number of features M. */
    public int size() { return mean.length; }


    /** Writes z = (x − mean)/std into {@code out} (length M); {@code x} is not modified; returns out. */
    public double[] apply(double[] x, double[] out) {
        if (x.length != mean.length) throw new IllegalArgumentException("row has " + x.length + " features, expected " + mean.length);
        for (int j = 0; j < x.length; j++) out[j] = (x[j] - mean[j]) / std[j];
        return out;
    }

    /** A new matrix of standardised rows; {@code x} is not modified. */
    public double[][] apply(double[][] x) {
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) z[i] = apply(x[i], new double[mean.length]);
        return z;
    }

    /** Inverse: x = z·std + mean into {@code out}; returns out. */
    public double[] invert(double[] z, double[] out) {
        for (int j = 0; j < z.length; j++) out[j] = z[j] * std[j] + mean[j];
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }
    @Override public int hashCode() { return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std); }
    @Override public String toString() { return "Standardization[M=" + mean.length + "]"; }
}
