package org.softglass.core.rearrange;

/**
 * Conversion of durations (τ) into whole numbers of frames of a uniformly spaced trajectory.
 *
 * <p>Rounding rule: a duration d at frame spacing Δ becomes {@code k = round(d / Δ)} frame intervals
 * ({@link Math#round(double)}: nearest integer, halves up). The duration actually used is
 * {@code k Δ}; callers record it beside the requested value so a rounded window is visible.
 */
public final class Frames {
    private Frames() {}

    /**
     * {@code round(duration / spacing)}.
     *
     * @param what the option name for messages, e.g. "--tr/2"
     * @param min the smallest acceptable result
     * @throws IllegalArgumentException if the duration is not finite and ≥ 0, or rounds below min
     */
    public static int count(double duration, double spacing, int min, String what) {
        if (!(duration >= 0) || !Double.isFinite(duration)) {
            throw new org.softglass.core.util.InvalidParameter(what + " must be finite and >= 0, got " + duration);
        }
        if (!(spacing > 0) || !Double.isFinite(spacing)) {
            throw new IllegalArgumentException("frame spacing must be finite and > 0, got " + spacing);
        }
        double r = duration / spacing;
        if (r > Integer.MAX_VALUE / 4.0) throw new org.softglass.core.util.InvalidParameter(what + " = " + duration + " is too long for frame spacing " + spacing);
        int k = (int) Math.round(r);
        if (k < min) {
            throw new org.softglass.core.util.InvalidParameter(what + " = " + duration + " τ rounds to " + k + " frame intervals of " + spacing
                    + " τ, expected at least " + min);
        }
        return k;
    }

    /**
     * Half-window of p_hop in frames: {@code h = round((t_R / 2) / Δ)}, at least 1.
     *
     * @throws IllegalArgumentException if t_R/2 is shorter than half a frame spacing
     */
    public static int halfWindow(double tR, double spacing) {
        if (!(tR > 0) || !Double.isFinite(tR)) throw new org.softglass.core.util.InvalidParameter("{tR} must be finite and > 0, got " + tR);
        return count(tR / 2, spacing, 1, "t_R/2");
    }
}
