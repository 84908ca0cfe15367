package org.softglass.core.util;

/**
 * A computation that broke down on valid arguments: a non-finite intermediate or result, a rate that overflows, a
 * covariance that is not positive semi-definite, a direction of a zero vector. Kind {@link Kind#FAILED}: a command line
 * reports it as a failed computation (exit code 1), not as a usage error. {@link Refusal} is its sibling for data that
 * cannot give a trustworthy result (too few points, an undetermined fit).
 *
 * <p>It extends {@link IllegalArgumentException} for the reason {@link Refusal} does: the sites that throw it threw a
 * bare one before, and callers that catch that (to fall back, or to skip a point) keep working.
 */
public class NumericalFailure extends TemplatedArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what failed and the offending value; a parameter it advises on is named by a
     *     {@link ParameterText} token, written bare by {@link #getMessage()}
     */
    public NumericalFailure(String message) { this(message, null); }

    /** Same, with the underlying failure. */
    public NumericalFailure(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() { return Kind.FAILED; }
}
