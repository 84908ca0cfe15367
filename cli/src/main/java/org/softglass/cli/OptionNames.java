package org.softglass.cli;

import java.util.Map;
import org.softglass.core.util.ParameterText;

/**
 * The command-line spelling of the parameters core messages name ({@link ParameterText}): {@code {dt}} is
 * {@code --dt}, {@code {tauC}} {@code --tau-c} (camelCase to kebab-case), with the few options whose names are not
 * their parameter's ({@code {tR}} is {@code --tr}, {@code {tInitial}} {@code --ti}, {@code {trspL}} {@code --trsp-L}). Core code knows no option; the
 * error reporter ({@link Errors}) renders a core message with these.
 */
public final class OptionNames {
    /** Parameters whose option is not the kebab-case of their name. */
    private static final Map<String, String> SPECIAL = Map.of("tR", "--tr", "tInitial", "--ti", "tFinal", "--tf", "pL", "--pl", "T", "--T", "L", "--L",
            "trspL", "--trsp-L");

    private OptionNames() {}

    /** The option of a core parameter name. */
    public static String of(String parameter) {
        String s = SPECIAL.get(parameter);
        return s != null ? s : "--" + parameter.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code t}'s message with its parameters written as options (its plain message when it names none). */
    static String message(Throwable t) {
        return t instanceof ParameterText.Templated p ? ParameterText.render(p.template(), OptionNames::of) : t.getMessage();
    }
}
