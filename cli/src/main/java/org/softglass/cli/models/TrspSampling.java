package org.softglass.cli.models;

import picocli.CommandLine.Option;

/**
 * How the TRSP commands sample the lattice dynamics (run, aging): {@code --trajectories} independent kinetic Monte Carlo
 * trajectories per temperature, each of about {@code --events} rearrangements, trajectory k seeded by {@code --seed} + k
 * (paper 002 Sec. VII: averages over independent trajectories; errors are standard errors over them).
 */
final class TrspSampling {
    @Option(names = "--trajectories", defaultValue = "8", description = "Independent trajectories per temperature.")
    private int trajectories;

    @Option(names = "--events", defaultValue = "200000", description = "Rearrangements per trajectory, approximately.")
    private long events;

    @Option(names = "--seed", defaultValue = "1", description = "Base seed; trajectory k uses seed + k.")
    private long seed;

    /** Independent trajectories per temperature. */
    int trajectories() { return trajectories; }

    /** Rearrangements per trajectory (approximately). */
    long events() { return events; }

    /** The base seed. */
    long seed() { return seed; }
}
