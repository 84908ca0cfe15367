package org.softglass.cli.options;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's own defaults for options it takes from a shared mixin: picocli asks a command's
 * {@code @Command(defaultValueProvider = ...)} first and falls back to the option's annotated {@code defaultValue} when it
 * answers null, and the help's "Default:" shows the answer. So a mixin declares an option once with the defaults of the
 * commands that share them, and a command whose paper uses other values (e.g. {@code fluidity-figures}: paper 003's
 * p_c = 0.2, p_l = 0.0085, τ_c = 120 τ, C = 10⁻²) names those values here, as text exactly as it would have written
 * them in {@code defaultValue}. Subclasses pass the map in a no-argument constructor (picocli instantiates them).
 */
public abstract class MixinDefaults implements IDefaultValueProvider {
    private final Map<String, String> byName;

    /** @param byName default text by the option's longest name (e.g. {@code "--pc" -> "0.2"}) */
    protected MixinDefaults(Map<String, String> byName) { this.byName = Map.copyOf(byName); }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec o ? byName.get(o.longestName()) : null;
    }
}
