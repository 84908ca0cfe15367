package org.softglass.core.util;

/** Sampling grids shared by the models' time axes. */
public final class Grids {
    private Grids() {}

    /**
     * {@code n} logarithmically spaced values from {@code lo} to {@code hi} inclusive:
     * {@code exp(ln lo + (ln hi − ln lo)·i/(n−1))}, with both end points exact.
     *
     * @throws IllegalArgumentException unless 0 &lt; lo &lt; hi and n ≥ 2
     */
    public static double[] logSpaced(double lo, double hi, int n) {
        if (!(lo > 0) || !(hi > lo) || n < 2) throw new IllegalArgumentException("need 0 < lo < hi and n >= 2, got " + lo + ", " + hi + ", " + n);
        double[] t = new double[n];
        double l0 = Math.log(lo), l1 = Math.log(hi);
        for (int i = 0; i < n; i++) t[i] = Math.exp(l0 + (l1 - l0) * i / (n - 1));
        t[0] = lo;
        t[n - 1] = hi;
        return t;
    }
}
