package org.softglass.core.barriers;

/**
 * Uniform bins of a scalar (softness S, or x_α): bin k covers [lo + k·w, lo + (k+1)·w), w = (hi − lo)/n.
 * Values outside [lo, hi) belong to no bin.
 *
 * @param lo lower edge
 * @param hi upper edge (&gt; lo)
 * @param n number of bins (&gt; 0)
 */
public record SoftnessBins(double lo, double hi, int n) {
    /** Validates the range and count. */
    public SoftnessBins {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new IllegalArgumentException("bin range needs finite lo < hi, got [" + lo + ", " + hi + ")");
        if (n < 1) throw new IllegalArgumentException("need at least 1 bin, got " + n);
    }

    /** Bin width. */
    /** The bins as text {@code LO:HI:N}, whole numbers without ".0" ({@code -3:3:24}), as a manifest records them. */
    public String spec() { return num(lo) + ":" + num(hi) + ":" + n; }

    private static String num(double v) { return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v); }

    public double width() { return (hi - lo) / n; }

    /** The bin of v, or −1 when v is outside [lo, hi) or not finite. */
    public int index(double v) {
        if (!(v >= lo) || !(v < hi)) return -1;
        return Math.min(n - 1, (int) ((v - lo) / width()));
    }

    /** Centre of bin k. */
    public double center(int k) { return lo + (k + 0.5) * width(); }

    /** Lower edge of bin k. */
    public double lower(int k) { return lo + k * width(); }

    /** "[a, b)" of bin k, for messages. */
    public String label(int k) {
        return String.format(java.util.Locale.ROOT, "S in [%.4g, %.4g)", lower(k), lower(k + 1));
    }
}
