package org.softglass.core.simulate;

import org.softglass.core.util.ParameterText;
import org.softglass.core.util.SoftglassException;

/**
 * A run became unstable (NaN or exploding energy); the message says where, and names the parameter to change by a
 * {@link ParameterText} token ({@code {dt}}), written bare by {@link #getMessage()}. Kind
 * {@link SoftglassException.Kind#FAILED}.
 */
public final class UnstableRunException extends IllegalStateException implements ParameterText.Templated, SoftglassException {
    private static final long serialVersionUID = 1L;
    private final String template;

    public UnstableRunException(String message) {
        super(ParameterText.plain(message));
        this.template = message;
    }

    @Override
    public String template() { return template; }

    @Override
    public Kind kind() { return Kind.FAILED; }
}
