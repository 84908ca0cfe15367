package org.softglass.core.simd;

/**
 * Heap copies of particle coordinates and species that the pair kernels gather from by neighbour
 * index (the Vector API gathers from arrays, not from memory segments). Arrays are indexed by
 * particle slot; the driver refreshes them before each force evaluation.
 *
 * @param x positions along x (σ), length ≥ N
 * @param y positions along y (σ)
 * @param z positions along z (σ)
 * @param speciesD species index as a double (for masked vector selection), length ≥ N
 * @param species species index, length ≥ N
 * @param box periodic lengths for the minimum image {@code d − L rint(d/L)}
 */
public record Coordinates(double[] x, double[] y, double[] z, double[] speciesD, int[] species, PeriodicLengths box) {}
