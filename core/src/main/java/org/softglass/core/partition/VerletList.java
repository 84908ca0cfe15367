package org.softglass.core.partition;

import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.DistanceKernel;
import org.softglass.core.simd.DistanceKernels;
import org.softglass.core.simd.PeriodicLengths;
import org.softglass.core.space.Box;

/**
 * A Verlet neighbour list with a skin: keeps a {@link NeighborList} of radius
 * {@code r_list = cutoff + skin} and rebuilds it only when needed.
 *
 * <p><b>Rebuild rule.</b> With reference positions {@code r_i⁰} stored at the last build,
 * {@link #update} rebuilds when {@code max_i |r_i − r_i⁰| > skin / 2}, the displacement taken with the
 * minimum image (so a particle wrapped across a box face has not "moved" by L). While no particle
 * has moved more than skin/2, no pair can have closed from beyond r_list to within the cutoff (each
 * of the two moved at most skin/2), so the list still holds every pair with r &lt; cutoff. This is
 * the criterion of LAMMPS {@code neigh_modify check yes} (rebuild when any atom has moved more than
 * half the skin since the last build) and of HOOMD's {@code check_dist}. The displacement is compared
 * in squares: {@code max |Δr|² > (skin/2)²}, strict, so a displacement of exactly skin/2 does not
 * rebuild. A rebuild also happens on the first update, when the particle count changes, after
 * {@link #setBox} and after {@link #invalidate()}.
 *
 * <p><b>Ownership.</b> The current list is owned by this object: a rebuild closes the previous list
 * (its segments can no longer be read), so do not keep {@link #list()} across {@link #update} calls.
 * {@link #close()} frees the list and the builder's threads. Not thread-safe.
 */
public final class VerletList implements AutoCloseable {
    private Box box;
    private final double cutoff, skin;
    private final NeighborList.Kind kind;
    private final int threads;
    private final DistanceKernel kernel;
    private final Parallel team;
    private NeighborListBuilder builder;
    private PeriodicLengths lengths;
    private NeighborList list;
    private double[] refX = new double[0], refY = new double[0], refZ = new double[0];
    private long rebuilds;
    private boolean stale = true;
    private boolean sortRows = true;
    private boolean cellOrdered = false;
    private double[][] pairRadii;

    /** A Verlet list using the kernel chosen by {@link DistanceKernels#get()}. */
    public VerletList(Box box, double cutoff, double skin, NeighborList.Kind kind, int threads) {
        this(box, cutoff, skin, kind, threads, DistanceKernels.get());
    }

    /**
     * @param box periodic box; each length must exceed {@code 2 (cutoff + skin)}
     * @param cutoff interaction cutoff (σ), &gt; 0 (the largest pair cutoff, e.g. 2.5 for KA)
     * @param skin skin (σ), ≥ 0 (e.g. 0.3)
     * @param kind FULL or HALF
     * @param threads worker threads for builds, ≥ 1
     * @param kernel distance kernel for builds and the displacement check
     * @throws IllegalArgumentException naming the axis, L and 2 (cutoff + skin) if the box is too small
     */
    public VerletList(Box box, double cutoff, double skin, NeighborList.Kind kind, int threads, DistanceKernel kernel) {
        this(box, cutoff, skin, kind, threads, null, kernel);
    }

    /**
     * A Verlet list whose builds run on {@code team} (shared with the force loop; not closed by this
     * list), with the kernel chosen by {@link DistanceKernels#get()}.
     */
    public VerletList(Box box, double cutoff, double skin, NeighborList.Kind kind, Parallel team) {
        this(box, cutoff, skin, kind, team.threads(), team, DistanceKernels.get());
    }

    private VerletList(Box box, double cutoff, double skin, NeighborList.Kind kind, int threads, Parallel team, DistanceKernel kernel) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be finite and > 0, got " + cutoff);
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("skin must be finite and >= 0, got " + skin);
        this.cutoff = cutoff;
        this.skin = skin;
        this.kind = kind;
        this.threads = threads;
        this.team = team;
        this.kernel = kernel;
        setBox(box);
    }

    /** Whether rebuilt lists have ascending rows (default true; see {@link NeighborListBuilder#sortedRows}). */
    public VerletList sortedRows(boolean sorted) {
        this.sortRows = sorted;
        if (builder != null) builder.sortedRows(sorted);
        stale = true;
        return this;
    }

    /** Whether rebuilt lists are indexed by cell-order position (default false; see {@link NeighborListBuilder#cellOrdered}). */
    public VerletList cellOrdered(boolean ordered) {
        this.cellOrdered = ordered;
        if (builder != null) builder.cellOrdered(ordered);
        stale = true;
        return this;
    }

    /**
     * Lists each species pair (a, b) only out to {@code cutoffs[a][b] + skin} (LAMMPS' per-type
     * neighbour cutoffs) instead of the list radius cutoff + skin; see {@link NeighborListBuilder#pairRadii}.
     * The rebuild rule is unchanged and still sufficient: a pair beyond cut_ab + skin at the last
     * build cannot come within cut_ab before some particle has moved more than skin/2. Null (the
     * default): every pair out to cutoff + skin.
     *
     * @param cutoffs interaction cutoff per species pair (σ), symmetric, each in (0, cutoff]
     */
    public VerletList pairCutoffs(double[][] cutoffs) {
        if (cutoffs == null) {
            pairRadii = null;
        } else {
            pairRadii = new double[cutoffs.length][];
            for (int a = 0; a < cutoffs.length; a++) {
                pairRadii[a] = new double[cutoffs[a].length];
                for (int b = 0; b < cutoffs[a].length; b++) pairRadii[a][b] = Math.min(cutoffs[a][b] + skin, cutoff + skin);
            }
        }
        builder.pairRadii(pairRadii);
        stale = true;
        return this;
    }

    /**
     * Replaces the box (e.g. after a volume change); the next {@link #update} rebuilds.
     *
     * @throws IllegalArgumentException if the new box is too small for cutoff + skin
     */
    public void setBox(Box box) {
        double r = cutoff + skin;
        NeighborListBuilder.requireBoxFits(box, r, "(cutoff " + cutoff + " + skin " + skin + ")");
        NeighborListBuilder b = (team != null ? new NeighborListBuilder(box, r, team, kernel) : new NeighborListBuilder(box, r, threads, kernel)).sortedRows(sortRows).cellOrdered(cellOrdered).pairRadii(pairRadii);
        if (builder != null) builder.close();
        builder = b;
        this.box = box;
        this.lengths = PeriodicLengths.of(box);
        stale = true;
    }

    /**
     * Rebuilds the list if needed (see the class comment) from the positions of {@code p} (read
     * only). Reads every position once (the displacement check) when no rebuild is needed.
     *
     * @return whether the list was rebuilt
     */
    public boolean update(ParticleStore p) {
        if (stale || list == null || p.size() != list.size() || maxDisplacementSquared(p) > 0.25 * skin * skin) {
            rebuild(p);
            return true;
        }
        return false;
    }

    /** Rebuilds now, whatever the displacements. */
    public void forceRebuild(ParticleStore p) { rebuild(p); }

    /** Makes the next {@link #update} rebuild (e.g. after particles were inserted or swapped). */
    public void invalidate() { stale = true; }

    /**
     * The largest squared minimum-image displacement since the last build (σ²), or
     * {@code +∞} if no list has been built for this particle count.
     */
    public double maxDisplacementSquared(ParticleStore p) {
        if (list == null || p.size() != list.size()) return Double.POSITIVE_INFINITY;
        return kernel.maxDisplacementSquared(p.positions(0), p.positions(1), p.positions(2),
                refX, refY, refZ, p.size(), lengths);
    }

    private void rebuild(ParticleStore p) {
        NeighborList fresh = builder.build(p, kind);
        if (list != null) list.close();
        list = fresh;
        int n = p.size();
        if (refX.length != n) { refX = new double[n]; refY = new double[n]; refZ = new double[n]; }
        for (int i = 0; i < n; i++) { refX[i] = p.x(i); refY[i] = p.y(i); refZ[i] = p.z(i); }
        rebuilds++;
        stale = false;
    }

    /**
     * The current list (radius cutoff + skin).
     *
     * @throws IllegalStateException before the first {@link #update} or {@link #forceRebuild}
     */
    public NeighborList list() {
        if (list == null) throw new IllegalStateException("no neighbour list yet: call update(particles) first");
        return list;
    }

    /** Number of builds so far (including the first). */
    public long rebuilds() { return rebuilds; }
    public Box box() { return box; }
    public double cutoff() { return cutoff; }
    public double skin() { return skin; }
    /** {@code cutoff + skin} (σ). */
    public double listRadius() { return cutoff + skin; }
    public NeighborList.Kind kind() { return kind; }
    public int threads() { return threads; }

    /** Frees the current list and the builder's worker threads. */
    @Override
    public void close() {
        if (list != null) { list.close(); list = null; }
        builder.close();
    }
}
