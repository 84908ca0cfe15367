package org.softglass.core.elastic;

/**
 * A configuration or Hessian on which an elastic computation is not defined: a configuration that
 * is not at a minimum (residual force above the threshold), a Hessian that is singular or not
 * positive definite beyond the 3 translational zero modes (rattlers, an unstable configuration), or a
 * linear solve that did not converge. The message is one line naming the quantity and the threshold.
 * Kind {@link org.softglass.core.util.SoftglassException.Kind#FAILED}: the CLI reports it as a failed computation (exit 1).
 */
public final class ElasticException extends IllegalStateException implements org.softglass.core.util.SoftglassException {
    /** @param message one line: what failed, the measured value and the limit */
    public ElasticException(String message) { super(message); }

    @Override
    public Kind kind() { return Kind.FAILED; }
}
