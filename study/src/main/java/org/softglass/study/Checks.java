package org.softglass.study;

import org.softglass.core.util.InvalidParameter;

/**
 * The range checks of study requests. A refusal is an {@link InvalidParameter} naming the request's parameter by its
 * token ({@code {perDecade}}), which the command line renders as its option ({@code --per-decade}) and a Java caller
 * reads as the bare name.
 */
public final class Checks {
    private Checks() {}

    /** {@code v} if it is finite and &gt; 0: "{name} must be a finite number &gt; 0, got -1.0". */
    public static double positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) throw new InvalidParameter("{" + name + "} must be a finite number > 0, got " + v);
        return v;
    }

    /** {@code v} if it is finite and ≥ 0. */
    public static double nonNegative(double v, String name) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new InvalidParameter("{" + name + "} must be a finite number >= 0, got " + v);
        return v;
    }

    /** {@code v} if it is ≥ {@code min}: "{name} must be &gt;= 1, got 0". */
    public static long atLeast(long v, long min, String name) {
        if (v < min) throw new InvalidParameter("{" + name + "} must be >= " + min + ", got " + v);
        return v;
    }
}
