package org.softglass.validation;

/**
 * The outcome of one {@link Check}: what was expected, what was measured, the tolerance, and whether
 * the check passed (decided by the check's {@link Check.Comparison}).
 *
 * @param check     the check's catalogue name (e.g. {@code md.ka-t2-energy})
 * @param expected  the reference value (published number, closed form, oracle, or a bound)
 * @param measured  the value computed by softglass
 * @param tolerance the accepted |measured − expected| for {@link Check.Comparison#WITHIN}; NaN for the
 *                  one-sided comparisons
 * @param pass      whether the comparison holds (false too when measured is not finite)
 * @param detail    one line with the numbers behind the measurement (errors, sample sizes)
 * @param seconds   wall-clock seconds the check took
 */
public record Result(Check check, double expected, double measured, double tolerance, boolean pass, String detail, double seconds) {

    /** The check's name. */
    public String name() { return check.name(); }
}
