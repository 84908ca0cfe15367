package org.softglass.core.barriers;

import org.softglass.core.util.Format;

/**
 * One measured point of ln P(R|S,T) for the barrier fits: bin k at temperature T.
 *
 * @param bin the bin index
 * @param t temperature T
 * @param s the bin's mean softness S̄
 * @param p P(R|S,T)
 * @param pErr its 1σ error
 * @param events number of rearranging samples behind p
 */
public record BarrierPoint(int bin, double t, double s, double p, double pErr, long events) {
    /** ln P. */
    public double logP() { return Math.log(p); }

    /** 1σ error of ln P, σ_P / P (first order). */
    public double logPErr() { return pErr / p; }

    /**
     * Why this point cannot enter an Arrhenius fit, or null when it can: fewer than {@code minEvents}
     * rearrangements (ln P undefined or its error meaningless), or P ≥ {@code pMax} (P(R|S) ≈ 1: the
     * rearrangement is no longer a rare activated event and ln P saturates).
     */
    public String unusable(long minEvents, double pMax) {
        String where = "S = " + Format.g4(s) + " (bin " + bin + ") at T = " + Format.g4(t);
        if (events < minEvents) return where + ": " + events + " rearrangements, fewer than the " + minEvents + " needed";
        if (p >= pMax) return where + ": P(R|S) = " + Format.g4(p) + " >= " + Format.g4(pMax) + " (P(R|S) ~ 1, the Arrhenius form does not hold)";
        if (!(pErr > 0)) return where + ": no error estimate for P(R|S)";
        return null;
    }

}
