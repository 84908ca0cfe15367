package org.softglass.validation.published;

/**
 * How far our value may sit from a printed one and still agree, beyond twice our own standard error:
 * allowed = 2σ_ours + {@code absolute} + {@code relative}·|paper value|. The papers print no error bars for
 * these numbers, so σ_combined = σ_ours.
 *
 * @param absolute absolute allowance (units of the quantity)
 * @param relative relative allowance (fraction of the paper's value)
 * @param why the justification, printed with the row
 */
public record Tolerance(double absolute, double relative, String why) {
    /** "≈" numbers: 10 % — the papers' own refits of the same KA quantity differ by that much (002 §V: T0 ≈ 0.74 "rather than T0 ≈ 0.82" of past work). */
    public static final Tolerance APPROX = new Tolerance(0, 0.10,
            "'≈' in the paper: 10 %, the spread of the papers' own refits of one KA quantity (002 §V: T0 0.74 vs 0.82)");
    /** Classification accuracies: 0.04 — 001 §3.2 says the choice of structural descriptors moves the accuracy by 2–4 %. */
    public static final Tolerance ACCURACY = new Tolerance(0.04, 0,
            "0.04 absolute: 001 §3.2, other descriptors change the accuracy by 2-4 %");
    /** A printed range: ours must fall in [lo, hi] within 2σ, no further allowance. */
    public static final Tolerance RANGE = new Tolerance(0, 0, "inside the printed range, within 2 sigma");
    /** "roughly n frames": one frame of the paper's spacing τ either side of 4τ, 25 %. */
    public static final Tolerance ROUGHLY_FRAMES = new Tolerance(0, 0.25, "'roughly 4 tau' counted in whole frames of tau: +-1 frame, 25 %");
    /** A closed form that the numerics must reproduce (time grid of the trap relaxation): 10⁻³ absolute. */
    public static final Tolerance CLOSED_FORM = new Tolerance(1e-3, 0, "closed form; 1e-3 covers the time grid on which chi4(t) is sampled");
    /** Qualitative claims: the sign of our statistic must be beyond 2σ of zero. */
    public static final Tolerance DIRECTION = new Tolerance(0, 0, "direction only: our statistic must differ from 0 by more than 2 sigma, with the paper's sign");

    /** The allowance beyond 2σ for a paper value {@code paper}. */
    public double allowance(double paper) {
        return absolute + relative * Math.abs(paper);
    }
}
