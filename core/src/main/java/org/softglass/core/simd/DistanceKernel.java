package org.softglass.core.simd;

import java.lang.foreign.MemorySegment;

/**
 * Minimum-image distance kernels for neighbour searches (the hot loops of list building and of the
 * Verlet-list rebuild check). Two implementations exist, chosen by {@link DistanceKernels#get()}:
 * {@link ScalarDistanceKernel} (always available, the reference) and {@link PanamaDistanceKernel}
 * (Vector API). Both perform the same floating-point operations in the same order, so they return
 * identical results, bit for bit, on every input; ties are therefore resolved identically.
 *
 * <p>Arithmetic (per candidate k, per axis a): {@code d_a = p_a - c_a[k]},
 * {@code d_a = d_a - L_a * rint(d_a * invL_a)} (see {@link PeriodicLengths}),
 * {@code r² = (d_x² + d_y²) + d_z²}. Lengths in σ, r² in σ².
 */
public interface DistanceKernel {

    /**
     * Collects the candidates within a radius of a point.
     *
     * <p>For every k in {@code [from, to)}, in increasing order, computes the minimum-image r² between
     * the point {@code (px, py, pz)} and candidate {@code (xs[k], ys[k], zs[k])} and, if
     * {@code r² < r2max} (strict), stores k at {@code out[outPos++]}. The candidate arrays are
     * structure-of-arrays (one array per component, same index k); coordinates need not be wrapped.
     * The point itself is not excluded if it is among the candidates (r² = 0): the caller filters it.
     *
     * @param xs candidate x coordinates (σ); read only in {@code [from, to)}
     * @param ys candidate y coordinates (σ)
     * @param zs candidate z coordinates (σ)
     * @param from first candidate index (inclusive)
     * @param to last candidate index (exclusive), {@code from <= to <= xs.length}
     * @param box periodic lengths
     * @param r2max squared radius (σ²)
     * @param out receives candidate indices k in {@code [outPos, result)}; must have room for
     *     {@code to - from} more entries after outPos. Entries after the result, up to
     *     {@code out.length}, may be overwritten with scratch values (the Panama kernel stores whole
     *     vectors of lane indices when there is room; the hits returned are identical)
     * @param outPos first free slot of {@code out}
     * @return the new first free slot of {@code out} (outPos + number of hits)
     */
    int collectWithin(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            PeriodicLengths box, double r2max, int[] out, int outPos);

    /**
     * Collects the candidates within a radius of a point, without periodic reduction: for every k in
     * {@code [from, to)}, in increasing order, {@code d_a = p_a - c_a[k]}, {@code r² = (d_x² + d_y²) + d_z²},
     * and k is stored at {@code out[outPos++]} if {@code r² < r2max}. The caller supplies the point
     * already moved to the periodic image that faces the candidates (the neighbour-list builder does so
     * per neighbour cell, which saves the three roundings of {@link #collectWithin}). Same contract
     * for {@code out} as {@link #collectWithin}.
     */
    int collectWithinDirect(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            double r2max, int[] out, int outPos);

    /**
     * As {@link #collectWithinDirect} with a squared radius per candidate: k is stored if
     * {@code r² < r2max[k]} (strict). The neighbour-list builder passes, for a row of species a, the
     * squared list radius of the pair (a, species of k), so that each species pair is listed only out
     * to its own cutoff plus the skin (as LAMMPS' per-type {@code cutneighsq}).
     *
     * @param r2max squared radius per candidate (σ²); read only in {@code [from, to)}
     */
    int collectWithinRadii(double px, double py, double pz, double[] xs, double[] ys, double[] zs, double[] r2max,
            int from, int to, int[] out, int outPos);

    /**
     * The largest squared minimum-image displacement {@code max_i |r_i - ref_i|²} over
     * {@code i in [0, n)}, with current positions in off-heap segments (n doubles each, as in
     * {@code ParticleStore.positions(a)}) and reference positions in heap arrays. Returns 0 for n = 0.
     * Nothing is modified.
     */
    double maxDisplacementSquared(MemorySegment x, MemorySegment y, MemorySegment z,
            double[] refX, double[] refY, double[] refZ, int n, PeriodicLengths box);

    /** A short name ("scalar" or "panama-512" etc.) for logs and benchmark labels. */
    String name();
}
