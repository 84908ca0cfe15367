package org.softglass.core.softness;

import java.util.Arrays;

/**
 * A linear decision function f(z) = w·z + b, oriented so that f &gt; 0 predicts label 1
 * (rearranging / high-p_hop tail): softness S = f(z) on standardised features (DESIGN §4).
 *
 * @param w weights (length M; not copied, do not modify)
 * @param b bias
 */
public record Hyperplane(double[] w, double b) {
    /** w·z + b; {@code z} (length M) is not modified. */
    public double value(double[] z) {
        if (z.length != w.length) throw new IllegalArgumentException("row has " + z.length + " features, expected " + w.length);
        double s = b;
        for (int j = 0; j < w.length; j++) s += w[j] * z[j];
        return s;
    }

    /** |w|. */
    public double norm() {
        double s = 0;
        for (double v : w) s += v * v;
        return Math.sqrt(s);
    }

    /** The cosine of the angle between two weight vectors, ŵ·ŵ' (the bias plays no part). */
    public static double cosine(double[] a, double[] c) {
        if (a.length != c.length) throw new IllegalArgumentException("weight vectors differ in length (" + a.length + ", " + c.length + ")");
        double ab = 0, aa = 0, cc = 0;
        for (int j = 0; j < a.length; j++) { ab += a[j] * c[j]; aa += a[j] * a[j]; cc += c[j] * c[j]; }
        if (aa == 0 || cc == 0) throw new org.softglass.core.util.NumericalFailure("a weight vector is zero; its direction is undefined");
        return ab / Math.sqrt(aa * cc);
    }

    @Override public boolean equals(Object o) { return o instanceof Hyperplane h && h.b == b && Arrays.equals(h.w, w); }
    @Override public int hashCode() { return Arrays.hashCode(w) * 31 + Double.hashCode(b); }
    @Override public String toString() { return "Hyperplane[" + Arrays.toString(w) + ", b=" + b + "]"; }
}
