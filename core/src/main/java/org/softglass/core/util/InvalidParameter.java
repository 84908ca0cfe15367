package org.softglass.core.util;

/**
 * A call's parameter out of its range or inconsistent with another: a usage error. Its message names parameters by
 * {@link ParameterText} tokens ({@code "{dt} must be > 0, got -1"}); {@link #getMessage()} gives the bare names, a
 * front end renders {@link #template()} with its own spelling. Kind {@link SoftglassException.Kind#USAGE}.
 */
public class InvalidParameter extends TemplatedArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param template one line naming the parameter(s) as {@code {name}} and what was expected */
    public InvalidParameter(String template) {
        super(template, null);
    }

    /**
     * {@code v} if it is &gt; 0 (NaN is not), else an InvalidParameter "{name} must be &gt; 0, got v".
     *
     * @param name the parameter's name, written as its {@link ParameterText} token
     */
    public static double requirePositive(double v, String name) {
        if (!(v > 0)) throw new InvalidParameter("{" + name + "} must be > 0, got " + v);
        return v;
    }

    @Override
    public Kind kind() { return Kind.USAGE; }
}
