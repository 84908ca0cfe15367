package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * What {@code barriers} and {@code fluidity} do with P(R|x, T) points that cannot be fitted, and whether they run the
 * global onset fit of paper 001 §4.1 (eq. 13, Fig. 5: ΔE and Σ linear in x, P(R|x) = 1 at T₀ for every x; one fit
 * over every bin). Dropped points and
 * bins are listed in the command's JSON; with {@code --strict} the first one is a refusal instead.
 */
public final class BarrierFitPolicy {
    @Option(names = "--strict", description = "Refuse (error) instead of dropping points with too few rearrangements or P(R|x) ~ 1.")
    private boolean strict;

    @Option(names = "--no-onset", description = "Skip the global onset fit (and, in barriers, the model-parameter file).")
    private boolean noOnset;

    /** Refuse instead of dropping unusable points. */
    public boolean strict() { return strict; }

    /** Whether the global onset fit runs. */
    public boolean onset() { return !noOnset; }
}
