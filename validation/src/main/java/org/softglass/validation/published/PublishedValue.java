package org.softglass.validation.published;

/**
 * One number (or claim) that paper 000, 001 or 002 prints for the Kob–Andersen mixture, with its exact
 * citation and the paper's own definition. A printed value is {@code [lo, hi]} ({@code lo == hi} for a single
 * number); a qualitative claim ({@link Kind#DIRECTION}) has {@code lo = hi = ±1}, the sign our statistic must have.
 *
 * @param id stable key (JSON, CSV, tests)
 * @param quantity short name for the table
 * @param kind value, range or direction
 * @param lo printed value, or the lower end of a printed range, or the expected sign
 * @param hi upper end of a printed range ({@code == lo} otherwise)
 * @param printed the number as the paper prints it ("≈ 0.88", "0.88–0.90")
 * @param citation paper, section / figure / equation
 * @param definition the paper's definition, quoted or paraphrased with the equation number
 * @param setup the paper's set-up for this number
 * @param tolerance agreement allowance beyond 2σ
 */
public record PublishedValue(String id, String quantity, Kind kind, double lo, double hi, String printed, String citation,
                             String definition, PaperSetup setup, Tolerance tolerance) {
    /** What kind of statement the paper makes. */
    public enum Kind { VALUE, RANGE, DIRECTION }

    /** The central value (midpoint of a range). */
    public double value() {
        return 0.5 * (lo + hi);
    }
}
