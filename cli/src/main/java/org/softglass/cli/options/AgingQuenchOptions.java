package org.softglass.cli.options;

import java.util.List;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The quench of the aging commands (md-aging, trap aging): a system in equilibrium at {@code --ti} T_I is put in contact
 * with a thermostat at each final temperature of {@code --tf} T_F (ε/k_B) and ages there (paper 000, the aging
 * paragraph and Fig. 5: KA quenched from T_I = 1.00).
 */
public final class AgingQuenchOptions {
    @Option(names = "--ti", defaultValue = "1.0", paramLabel = "T_I", showDefaultValue = Visibility.NEVER,
            description = "Initial (equilibrium) temperature T_I before the quench (default: ${DEFAULT-VALUE}, as the papers).")
    private double initial;

    @Option(names = "--tf", required = true, split = ",", paramLabel = "T", showDefaultValue = Visibility.NEVER,
            description = "Final temperatures T_F (comma list).")
    private List<Double> finals;

    /** T_I (ε/k_B). */
    public double initial() { return initial; }

    /** The final temperatures T_F (ε/k_B), in the order given. */
    public List<Double> finals() { return finals; }
}
