package org.softglass.core.structure;

/**
 * Running per-feature mean and standard deviation over rows (Welford's update; {@link #merge} is
 * Chan et al.'s pairwise combination, so partial statistics of row blocks can be joined). Numerically
 * stable: no sums of squares are formed. The standard deviation is the population one,
 * {@code std = sqrt(Σ (x − mean)² / R)} (ddof = 0, as scikit-learn's {@code StandardScaler}).
 * Not thread-safe.
 */
public final class FeatureStats {
    private final int m;
    private long count;
    private final double[] mean, m2;

    /** Statistics over {@code columns} features, no rows yet. */
    public FeatureStats(int columns) {
        this.m = columns;
        this.mean = new double[columns];
        this.m2 = new double[columns];
    }

    /** Number of features M. */
    public int columns() { return m; }
    /** Number of rows added. */
    public long count() { return count; }

    /** Adds the row {@code data[off .. off + M)}. Modifies this. */
    public void add(double[] data, int off) {
        double inv = nextRow();
        for (int c = 0; c < m; c++) update(c, data[off + c], inv);
    }

    /** Adds the row {@code data[off .. off + M)} of float values (each exactly representable as a double). */
    public void add(float[] data, int off) {
        double inv = nextRow();
        for (int c = 0; c < m; c++) update(c, data[off + c], inv);
    }

    /** Counts one more row R and returns 1/R. Modifies the count. */
    private double nextRow() {
        count++;
        return 1.0 / count;
    }

    /**
     * Welford's step of feature {@code c} with value {@code x} of row R ({@code inv} = 1/R):
     * d = x − mean, mean += d/R, M2 += d·(x − mean'). Modifies {@code mean[c]}, {@code m2[c]}.
     */
    private void update(int c, double x, double inv) {
        double d = x - mean[c];
        mean[c] += d * inv;
        m2[c] += d * (x - mean[c]);
    }

    /** Adds {@code rows} consecutive float rows of a row-major array starting at {@code off}. */
    public void addRows(float[] data, int off, int rows) {
        for (int r = 0; r < rows; r++) add(data, off + r * m);
    }

    /** Adds {@code rows} consecutive rows of a row-major array starting at {@code off}. */
    public void addRows(double[] data, int off, int rows) {
        for (int r = 0; r < rows; r++) add(data, off + r * m);
    }

    /** Joins the statistics of another block of rows into this (Chan et al. 1979). Modifies this only. */
    public void merge(FeatureStats o) {
        if (o.m != m) throw new IllegalArgumentException("column counts differ: " + m + " vs " + o.m);
        if (o.count == 0) return;
        long n = count + o.count;
        double fa = (double) count / n, fb = (double) o.count / n;
        for (int c = 0; c < m; c++) {
            double d = o.mean[c] - mean[c];
            m2[c] += o.m2[c] + d * d * count * fb;
            mean[c] = mean[c] * fa + o.mean[c] * fb;
        }
        count = n;
    }

    /** Per-feature means (a copy; NaN for every column before the first row). */
    public double[] mean() {
        double[] r = mean.clone();
        if (count == 0) java.util.Arrays.fill(r, Double.NaN);
        return r;
    }

    /** Per-feature population standard deviations (a copy; NaN before the first row). */
    public double[] std() {
        double[] r = new double[m];
        for (int c = 0; c < m; c++) r[c] = count == 0 ? Double.NaN : Math.sqrt(Math.max(0, m2[c]) / count);
        return r;
    }
}
