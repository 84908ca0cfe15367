package org.softglass.core.simulate;

import org.softglass.core.util.ParameterText;

/**
 * A run became unstable (NaN or exploding energy); the message says where, and names the parameter to change by a
 * {@link ParameterText} token ({@code {dt}}), written bare by {@link #getMessage()}.
 */
public final class UnstableRunException extends IllegalStateException implements ParameterText.Templated {
    private static final long serialVersionUID = 1L;
    private final String template;

    public UnstableRunException(String message) {
        super(ParameterText.plain(message));
        this.template = message;
    }

    @Override
    public String template() { return template; }
}
