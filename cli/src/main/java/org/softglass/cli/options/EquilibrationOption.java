package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The {@code --equilibrate N} option of the MD commands that run at one starting temperature (simulate at
 * {@code --temperature}, md-aging at T_I before the quench): N steps there before anything is recorded. It should span
 * several τ_α (paper 004 Sec. II B); at T = 1.0, τ_α ≈ 1 τ = 200 steps of 0.005 τ. The default is the command's.
 */
public final class EquilibrationOption {
    @Option(names = "--equilibrate", paramLabel = "N", description = "Equilibration steps at the starting temperature before production or the quench; "
            + "use several tau_alpha (tau_alpha(1.0) ~ 1 tau = 200 steps).")
    private long steps;

    /** @param defaultSteps the command's equilibration steps when {@code --equilibrate} is not given */
    public EquilibrationOption(long defaultSteps) { this.steps = defaultSteps; }

    /** The equilibration steps. */
    public long steps() { return steps; }
}
