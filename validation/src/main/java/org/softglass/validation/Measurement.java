package org.softglass.validation;

/**
 * What a check's body computes: the reference, the measured value, the tolerance and one line of detail.
 * The pass/fail decision is made by {@link Check#run(Context)} from these numbers, never by the body.
 *
 * @param expected  reference value
 * @param measured  computed value
 * @param tolerance accepted |measured − expected| (ignored by the one-sided comparisons; may be NaN there)
 * @param detail    supporting numbers, one line
 */
public record Measurement(double expected, double measured, double tolerance, String detail) {}
