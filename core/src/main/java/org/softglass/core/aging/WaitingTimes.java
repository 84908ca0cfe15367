package org.softglass.core.aging;

import java.util.Arrays;
import org.softglass.core.util.Grids;

/**
 * The waiting times t_w after the quench at which configurations are recorded: t_w = 0 (just after
 * the quench) and {@code perDecade} log-spaced times per decade from {@code twMin} to {@code twMax},
 * each rounded to a whole MD step (t_w = step·dt, τ); times that round to the same step are kept once.
 *
 * @param steps production steps after the quench, strictly ascending, starting with 0
 * @param dt MD time step (τ)
 */
public record WaitingTimes(long[] steps, double dt) {
    public WaitingTimes {
        steps = steps.clone();
        if (steps.length == 0 || steps[0] != 0) throw new IllegalArgumentException("waiting times must start at step 0");
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) throw new IllegalArgumentException("waiting-time steps must be strictly ascending");
        }
        if (!(dt > 0)) throw new IllegalArgumentException("dt must be > 0, got " + dt);
    }

    /**
     * @param twMin first non-zero waiting time (τ, &gt; 0, at least one step)
     * @param twMax last waiting time (τ, &gt; twMin)
     * @param perDecade times per decade (≥ 1)
     * @param dt MD time step (τ)
     */
    public static WaitingTimes logSpaced(double twMin, double twMax, int perDecade, double dt) {
        if (!(twMin >= dt)) throw new org.softglass.core.util.InvalidParameter("{twMin} must be at least one step (" + dt + "), got " + twMin);
        if (!(twMax > twMin)) throw new org.softglass.core.util.InvalidParameter("{twMax} must be > {twMin}, got " + twMax + " <= " + twMin);
        if (perDecade < 1) throw new org.softglass.core.util.InvalidParameter("{perDecade} must be >= 1, got " + perDecade);
        int n = Math.max(2, (int) Math.round(Math.log10(twMax / twMin) * perDecade) + 1);
        double[] t = Grids.logSpaced(twMin, twMax, n);
        long[] s = new long[n + 1];
        int k = 1;
        for (double v : t) {
            long step = Math.round(v / dt);
            if (step > s[k - 1]) s[k++] = step;
        }
        return new WaitingTimes(Arrays.copyOf(s, k), dt);
    }

    /** The waiting times step·dt (τ), a new array. */
    public double[] times() {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) t[i] = steps[i] * dt;
        return t;
    }

    /** The last step (the length of the run after the quench). */
    public long lastStep() { return steps[steps.length - 1]; }

    /** Number of waiting times. */
    public int size() { return steps.length; }

    @Override public long[] steps() { return steps.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof WaitingTimes w && Arrays.equals(steps, w.steps) && Double.compare(dt, w.dt) == 0;
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(steps) + Double.hashCode(dt); }

    @Override public String toString() { return "WaitingTimes" + Arrays.toString(steps) + "x" + dt; }
}
