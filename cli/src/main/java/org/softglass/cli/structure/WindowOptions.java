package org.softglass.cli.structure;

import picocli.CommandLine.Option;

/**
 * The p_hop window and time axis shared by {@code phop}, {@code events} and {@code trainset}; a picocli
 * mixin. Frame times are {@code timestep × dt}; t_R/2 is rounded to whole frames.
 */
public final class WindowOptions {
    @Option(names = "--tr", paramLabel = "TIME", defaultValue = "10",
            description = "p_hop window t_R in time units tau; t_R/2 is rounded to the nearest whole number of frames.")
    public double tR;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.005",
            description = "MD timestep: frame times are timestep x dt.")
    public double dt;
}
