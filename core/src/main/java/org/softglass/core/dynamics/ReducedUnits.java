package org.softglass.core.dynamics;

/**
 * The reduced units of paper 004 (Sec. II): length a0 = (V/N)^⅓ and time t0 = a0/√T (m = k_B = 1),
 * which collapse the ballistic MSD to {@code MSD/a0² = 3 (t/t0)²}.
 */
public final class ReducedUnits {
    private ReducedUnits() {}

    /** a0 = (V/N)^⅓ (σ). */
    public static double a0(double volume, int n) {
        if (!(volume > 0) || n < 1) throw new IllegalArgumentException("need volume > 0 and N >= 1, got " + volume + ", " + n);
        return Math.cbrt(volume / n);
    }

    /** t0 = a0/√T (τ). */
    public static double t0(double a0, double temperature) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        return a0 / Math.sqrt(temperature);
    }
}
