package org.softglass.core.trsp;

/** Time grids for lags and snapshots (log-spaced ones: {@link org.softglass.core.util.Grids#logSpaced}). */
public final class TrspSchedules {
    private TrspSchedules() {
    }

    /** {@code count} equally spaced times in (from, to]: from + k (to − from)/count, k = 1..count. */
    public static double[] uniform(double from, double to, int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) t[k] = from + (k + 1) * (to - from) / count;
        return t;
    }
}
