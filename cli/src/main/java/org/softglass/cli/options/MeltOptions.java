package org.softglass.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The melt of a random start in the MD commands (simulate, md-aging, mesoelastic-study): {@code --melt-steps} steps at
 * {@code --melt-temperature} (ε/k_B) before equilibrating at the run's own temperature, which erases the lattice-like
 * random start (paper 004 Sec. II B equilibrates every state point from such a liquid). A run that starts from a given
 * configuration ({@code --initial}, or the temperature above in mesoelastic-study) melts nothing unless asked.
 */
public final class MeltOptions {
    /** Melt steps of a random start when {@code --melt-steps} is not given. */
    public static final long DEFAULT_STEPS = 2000;

    @Option(names = "--melt-temperature", defaultValue = "2.0", paramLabel = "T", description = "Melt temperature of a random start.")
    private double temperature;

    @Option(names = "--melt-steps", paramLabel = "N", description = "Steps at the melt temperature (default: " + DEFAULT_STEPS
            + " from a random start; 0 from a given configuration).")
    private Long steps;

    /** The melt temperature (ε/k_B). */
    public double temperature() { return temperature; }

    /** The melt steps of a random start: as given, else {@value #DEFAULT_STEPS}. */
    public long steps() { return steps != null ? steps : DEFAULT_STEPS; }

    /** The melt steps of a run that starts from {@code initial} (null: a random start): as given, else 0 with a start file. */
    public long steps(Path initial) { return steps != null ? steps : initial != null ? 0 : DEFAULT_STEPS; }
}
