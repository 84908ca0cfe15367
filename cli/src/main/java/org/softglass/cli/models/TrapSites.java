package org.softglass.cli.models;

import org.softglass.cli.options.SeedOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The simulated sites beside the trap model's exact curves (relax, aging): {@code --sites} M independent sites
 * evolved by exact stochastic simulation of the rearrangement process (paper 000, the trap-like model of eqs 5–7), with
 * {@code --seed} their random stream; their mean checks the master equation within its statistical error ~1/√M.
 */
final class TrapSites {
    @Option(names = "--sites", defaultValue = "0", paramLabel = "M", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Also simulate M independent sites exactly (0: off; default: ${DEFAULT-VALUE}).")
    private int count;

    @Mixin
    private SeedOption seed = new SeedOption();

    /** The number of simulated sites (0: none). */
    int count() { return count; }

    /** The seed of the site simulation. */
    long seed() { return seed.seed(); }
}
