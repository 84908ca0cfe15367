package org.softglass.core.minimize;

import org.softglass.core.energy.Overlap;

/**
 * A minimisation met a non-finite energy or force (NaN or ±∞), typically because two particles sit
 * at (almost) the same position. The minimisation is abandoned: the store's positions are those of
 * the failing evaluation and must not be used as a minimum.
 */
public final class NonFiniteEnergyException extends ArithmeticException implements org.softglass.core.util.SoftglassException {
    private final long evaluation;
    private final transient Overlap overlap;

    /**
     * @param energy the offending total energy U (ε), possibly finite when only forces were not
     * @param evaluation 1-based force evaluation at which it appeared (1 = the starting configuration)
     * @param overlap the likely cause, or null if none was identified
     */
    public NonFiniteEnergyException(double energy, long evaluation, Overlap overlap) {
        super("non-finite energy or forces (U = " + energy + ") "
                + (evaluation <= 1 ? "in the starting configuration" : "at force evaluation " + evaluation + " of the minimisation")
                + (overlap != null ? ": " + overlap.describe() : ""));
        this.evaluation = evaluation;
        this.overlap = overlap;
    }

    /** Whether the starting configuration itself was bad (the first evaluation), not a later step. */
    public boolean atStart() { return evaluation <= 1; }

    /** 1-based force evaluation at which the non-finite value appeared. */
    public long evaluation() { return evaluation; }

    /** The likely cause, or null. */
    public Overlap overlap() { return overlap; }

    /** {@link Kind#FAILED}: a failed computation. */
    @Override
    public Kind kind() { return Kind.FAILED; }
}
