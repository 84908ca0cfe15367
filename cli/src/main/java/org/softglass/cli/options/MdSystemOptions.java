package org.softglass.cli.options;

import org.softglass.core.energy.Models;
import picocli.CommandLine.Option;

/**
 * The MD system of the commands that run molecular dynamics from scratch (simulate, md-aging, mesoelastic-study):
 * {@code --n} particles in a cubic box at number density {@code --density} ρ = N/V (σ⁻³), the state point of paper
 * 004 Sec. II B and Table I. The particle count's default is the command's (given to the constructor, shown in the
 * help); the density's is the model's ({@link Models#defaultDensity}).
 */
public final class MdSystemOptions {
    @Option(names = "--n", paramLabel = "N", description = "Number of particles.")
    private int n;

    @Option(names = "--density", paramLabel = "RHO", description = "Number density N/V in sigma^-3 (default: the model's: 1.2 for ka and mblj, "
            + "0.82 for ss and ipl (paper 004 Table I), 0.6 for sticky-spheres, 0.52 for sw).")
    private Double density;

    /** The command's default of 1000 particles. */
    public MdSystemOptions() { this(1000); }

    /** @param defaultN the command's particle count when {@code --n} is not given */
    public MdSystemOptions(int defaultN) { this.n = defaultN; }

    /** The number of particles N. */
    public int n() { return n; }

    /** The density as given, or null for the model's. */
    public Double density() { return density; }

    /** The density as given, else the default of the pair model {@code model} (σ⁻³). */
    public double density(String model) { return density != null ? density : Models.defaultDensity(model); }
}
