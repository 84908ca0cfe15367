package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * Which dipoles of each inherent structure the stiffness commands probe (stiffness, mesoelastic-study): {@code --dipoles}
 * random interacting pairs per structure, or with {@code --all-pairs} every interacting pair, which gives the local
 * κ_i field (paper 004 eq A4 and Appendix A 2: κ(T_p) is the mean over the dipoles of an ensemble of structures).
 */
public final class DipoleOptions {
    @Option(names = "--dipoles", defaultValue = "100", paramLabel = "N", description = "Random interacting pairs per structure.")
    private int count;

    @Option(names = "--all-pairs", description = "Every interacting pair of every structure instead of --dipoles (the local kappa field).")
    private boolean allPairs;

    /** Random dipoles per structure (unused with {@link #allPairs()}). */
    public int count() { return count; }

    /** Whether every interacting pair is probed. */
    public boolean allPairs() { return allPairs; }
}
