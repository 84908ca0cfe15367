package org.softglass.core.util;

/**
 * The common body of softglass's argument-level exceptions ({@link InvalidParameter}, {@link Refusal},
 * {@link NumericalFailure}): a one-line message that names parameters by {@link ParameterText} tokens
 * ({@code "{dt} must be > 0"}), written bare by {@link #getMessage()} ("dt must be > 0") and kept whole in
 * {@link #template()} for a front end to render with its own spelling, plus the {@link SoftglassException.Kind}
 * each subclass declares.
 *
 * <p>It extends {@link IllegalArgumentException} because the sites that throw its subclasses threw a bare one
 * before, and callers that catch that (to fall back, or to skip a temperature) keep working.
 */
public abstract class TemplatedArgumentException extends IllegalArgumentException implements ParameterText.Templated, SoftglassException {
    private static final long serialVersionUID = 1L;
    private final String template;

    /**
     * @param template the message with its parameter tokens
     * @param cause the underlying failure, or null
     */
    protected TemplatedArgumentException(String template, Throwable cause) {
        super(ParameterText.plain(template), cause);
        this.template = template;
    }

    @Override
    public final String template() { return template; }
}
