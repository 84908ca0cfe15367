package org.softglass.validation;

import java.util.Objects;

/**
 * One validation check: a name, what it compares, whether it belongs to the default set or only to
 * the {@code --full} set, and a body computing a {@link Measurement}. {@link #run(Context)} turns the
 * measurement into a {@link Result} with the pass/fail decision of the check's {@link Comparison}.
 */
public final class Check {

    /** How measured and expected are compared. */
    public enum Comparison {
        /** pass iff |measured − expected| ≤ tolerance. */
        WITHIN,
        /** pass iff measured ≥ expected (e.g. a p-value against its significance level). */
        AT_LEAST
    }

    /** The computation behind a check. */
    @FunctionalInterface
    public interface Body {
        /** Computes the measurement; may write under {@link Context#scratch()}. */
        Measurement measure(Context ctx) throws Exception;
    }

    private final String name, description;
    private final boolean full;
    private final Comparison comparison;
    private final Body body;
    private final double expectedShift;

    /**
     * @param name        catalogue name, lower case with dots and dashes
     * @param description what is compared with what, one line
     * @param full        true: only in the {@code --full} set (too slow for the default run)
     * @param comparison  how the measurement is judged
     * @param body        the computation
     */
    public Check(String name, String description, boolean full, Comparison comparison, Body body) {
        this(name, description, full, comparison, body, 0);
    }

    private Check(String name, String description, boolean full, Comparison comparison, Body body, double expectedShift) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.full = full;
        this.comparison = Objects.requireNonNull(comparison);
        this.body = Objects.requireNonNull(body);
        this.expectedShift = expectedShift;
    }

    public String name() { return name; }

    public String description() { return description; }

    /** True when the check runs only with {@code --full}. */
    public boolean full() { return full; }

    public Comparison comparison() { return comparison; }

    /**
     * The same check with its reference moved by {@code shift} (a deliberately wrong expected value):
     * used by tests to show that a wrong reference fails.
     */
    Check withExpectedShift(double shift) {
        return new Check(name, description, full, comparison, body, expectedShift + shift);
    }

    /**
     * Runs the body and judges it: WITHIN passes iff |measured − expected| ≤ tolerance, AT_LEAST iff
     * measured ≥ expected; a non-finite measurement fails. Exceptions of the body propagate.
     */
    public Result run(Context ctx) throws Exception {
        long t0 = System.nanoTime();
        Measurement m = body.measure(ctx);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double expected = m.expected() + expectedShift;
        boolean pass = Double.isFinite(m.measured()) && switch (comparison) {
            case WITHIN -> Math.abs(m.measured() - expected) <= m.tolerance();
            case AT_LEAST -> m.measured() >= expected;
        };
        double tol = comparison == Comparison.WITHIN ? m.tolerance() : Double.NaN;
        return new Result(this, expected, m.measured(), tol, pass, m.detail(), seconds);
    }

    @Override
    public String toString() { return name; }
}
