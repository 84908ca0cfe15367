package org.softglass.core.util;

/**
 * A computation that refuses its data: a fit that does not converge or is not determined, a
 * matrix that is not positive definite, too few events to measure a quantity. The arguments were
 * well-formed (so this is not a usage error) but the numbers cannot give a trustworthy result.
 *
 * <p>It extends {@link IllegalArgumentException} so that callers which already treat "these data
 * cannot be fitted" as a bad argument (and fall back, or skip a temperature) keep working; a command
 * line maps it to "refused or failed computation" (exit code 1), not to a usage error: its kind is
 * {@link SoftglassException.Kind#FAILED}.
 */
public class Refusal extends TemplatedArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what was refused and why; a parameter it advises on is named by a
     *     {@link ParameterText} token ({@code "... lower {minEvents}"}), written bare by {@link #getMessage()}
     */
    public Refusal(String message) { this(message, null); }

    /** Same, with the underlying failure (e.g. a Hipparchus convergence exception). */
    public Refusal(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() { return Kind.FAILED; }
}
