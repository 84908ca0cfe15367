package org.softglass.cli.options;

import picocli.CommandLine.Option;

/**
 * The p_hop window and the trajectory's time axis ({@code --tr}, {@code --dt}) of {@code phop}, {@code events},
 * {@code trainset} and {@code fluidity-figures}: p_hop(i, t) compares the mean positions over the windows
 * A = [t − t_R/2, t] and B = [t, t + t_R/2] (paper 001 §3.1; paper 003 §II B takes t_R = 10 τ, also the time of its
 * van Hove function). Frame times are {@code timestep × dt} (τ); t_R/2 is rounded to whole frames.
 */
public final class PhopWindow {
    @Option(names = "--tr", paramLabel = "TIME", defaultValue = "10",
            description = "p_hop window t_R in time units tau; t_R/2 is rounded to the nearest whole number of frames.")
    private double tR;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.005",
            description = "MD timestep: frame times are timestep x dt.")
    private double dt;

    /** The window t_R (τ), as given (checked where it is used). */
    public double tR() { return tR; }

    /** The MD timestep (τ per timestep) that turns the trajectory's timesteps into times. */
    public double dt() { return dt; }
}
