package org.softglass.validation.published;

/**
 * Our value of a quantity from a run directory.
 *
 * @param value the value (units of the published quantity; for a direction row, the signed statistic)
 * @param error one standard error; NaN when the run gives no error for it
 * @param method how it was computed, citing the paper's procedure followed, and the files read
 */
public record Estimate(double value, double error, String method) {
    /** σ, or 0 when the run gives no error (the row then says "no error"). */
    public double sigmaOrZero() {
        return Double.isFinite(error) ? error : 0;
    }
}
