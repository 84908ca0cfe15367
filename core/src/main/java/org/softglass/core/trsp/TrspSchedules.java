package org.softglass.core.trsp;

/** Time grids for lags and snapshots. */
public final class TrspSchedules {
    private TrspSchedules() {
    }

    /**
     * {@code count} logarithmically spaced times from {@code lo} to {@code hi} inclusive.
     *
     * @throws IllegalArgumentException unless 0 &lt; lo &lt; hi and count ≥ 2
     */
    public static double[] logGrid(double lo, double hi, int count) {
        if (!(lo > 0 && hi > lo) || count < 2) throw new IllegalArgumentException("log grid needs 0 < lo < hi and count >= 2");
        double[] t = new double[count];
        for (int k = 0; k < count; k++) t[k] = lo * Math.pow(hi / lo, (double) k / (count - 1));
        t[0] = lo;
        t[count - 1] = hi; // exact end points
        return t;
    }

    /** {@code count} equally spaced times in (from, to]: from + k (to − from)/count, k = 1..count. */
    public static double[] uniform(double from, double to, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) t[k] = from + (k + 1) * (to - from) / count;
        return t;
    }
}
