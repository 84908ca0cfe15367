package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The NVT integration of the MD commands (simulate, md-aging, mesoelastic-study): time step {@code --dt} δt and the
 * Nosé–Hoover coupling time {@code --tdamp} τ_NH (LAMMPS {@code fix nvt}'s Tdamp; with {@code simulate --ensemble
 * langevin}, the damping time of the Langevin thermostat), both in τ = σ√(m/ε) — paper 004 Sec. II B, Table I
 * (δt = 0.005, τ_NH = 0.2 for IPL and mBLJ). The damping time's default is the command's (given to the constructor).
 */
public final class ThermostatOptions {
    @Option(names = "--dt", defaultValue = "0.005", paramLabel = "DT", description = "MD time step in tau (paper 004 Table I: 0.005).")
    private double dt;

    @Option(names = "--tdamp", paramLabel = "TAU", description = "Thermostat damping time in tau (the Nose-Hoover coupling time tau_NH of paper 004 Table I).")
    private double tdamp;

    /** The command's default damping time of 0.5 τ. */
    public ThermostatOptions() { this(0.5); }

    /** @param defaultTdamp the command's damping time in τ when {@code --tdamp} is not given */
    public ThermostatOptions(double defaultTdamp) { this.tdamp = defaultTdamp; }

    /** The time step δt in τ. */
    public double dt() { return dt; }

    /** The thermostat's damping (coupling) time in τ. */
    public double tdamp() { return tdamp; }
}
