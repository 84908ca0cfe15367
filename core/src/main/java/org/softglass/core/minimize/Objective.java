package org.softglass.core.minimize;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.VerletList;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.space.Box;

/**
 * The function being minimised, U(x) over the 3N coordinates of a {@link ParticleStore}, with its
 * gradient −F, plus the vector bookkeeping the minimisers share.
 *
 * <p>Vectors of 3N doubles use the component-major layout of the store: element {@code a·N + i} is
 * component a (0 = x, 1 = y, 2 = z) of slot i. {@link #forces} always holds the forces of the last
 * {@link #evaluate()}, copied out of the store.
 *
 * <p>Every evaluation first wraps the positions into the box with {@link ParticleStore#wrapInto}
 * (the image counts absorb the shift, so unwrapped positions are preserved), then brings the Verlet
 * list up to date ({@link VerletList#update}: rebuild when any particle has moved more than half the
 * skin since the last build, as LAMMPS {@code neigh_modify every 1 delay 0 check yes}; the half list
 * holds each species pair (a, b) out to its own {@code cut_ab + skin}, as the MD list and LAMMPS'
 * {@code cutneighsq}, {@link VerletList#pairCutoffs}), then computes
 * forces, total energy and virial with {@link ForceCompute} (per-atom energies only on request,
 * {@link #perAtomEnergies()}, as the line searches need only the total). Dot products are plain serial sums
 * in slot order, so the minimisers are as deterministic as {@link ForceCompute}: for a given thread
 * count with the half list, for any thread count with the full list.
 *
 * <p>Modifies the store's positions, images and forces. Not thread-safe.
 */
final class Objective implements AutoCloseable, Landscape {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;

    final ParticleStore p;
    final Box box;
    final int n;
    /** Forces of the last evaluation, 3N, component-major (ε/σ). */
    final double[] forces;
    private final double[] perAtom;
    private final ForceCompute fc;
    private final VerletList verlet;
    private double energy, virial;
    private long evaluations;
    private boolean finite = true;

    Objective(ParticleStore p, Box box, ForceCompute fc, double skin, Parallel team, boolean halfList) {
        this.p = p;
        this.box = box;
        this.n = p.size();
        this.fc = fc;
        this.forces = new double[3 * n];
        this.perAtom = new double[n];
        this.verlet = halfList ? new VerletList(box, fc.potential().maxCutoff(), skin, NeighborList.Kind.HALF, team).sortedRows(false).cellOrdered(true)
                        .pairCutoffs(fc.potential().listCutoffs())
                : new VerletList(box, fc.potential().maxCutoff(), skin, NeighborList.Kind.FULL, team);
    }

    @Override
    public int particles() { return n; }

    @Override
    public double[] forces() { return forces; }

    /**
     * Wraps, updates the neighbour list, computes U and F at the current positions.
     *
     * @return U (ε, total)
     */
    @Override
    public double evaluate() {
        ForceCompute.Result r = forcesAt(null); // totals only: no per-atom scatter
        energy = r.energy();
        virial = r.virial();
        evaluations++;
        for (int a = 0; a < 3; a++) MemorySegment.copy(p.forces(a), D, 0, forces, a * n, n);
        boolean ok = Double.isFinite(energy);
        for (int k = 0; k < forces.length && ok; k++) ok = Double.isFinite(forces[k]);
        finite = ok;
        return energy;
    }

    /**
     * Per-atom energies at the current positions (LAMMPS pe/atom split, by slot, ε): one more force
     * evaluation (not counted in {@link #evaluations()}), which rewrites the store's forces with the
     * same values. Returns the internal array; do not modify.
     */
    double[] perAtomEnergies() {
        forcesAt(perAtom);
        return perAtom;
    }

    /** Wraps, updates the list, and computes forces, U and W (per-atom energies into {@code e} when not null). */
    private ForceCompute.Result forcesAt(double[] e) {
        p.wrapInto(box);
        verlet.update(p);
        return fc.compute(p, box, verlet.list(), e);
    }

    /** Whether the energy and every force component of the last evaluation are finite. */
    @Override
    public boolean finite() { return finite; }

    /** U of the last evaluation (ε, total). */
    @Override
    public double energy() { return energy; }

    /** Virial W = Σ r·f of the last evaluation (ε). */
    double virial() { return virial; }

    /** Evaluations so far. */
    @Override
    public long evaluations() { return evaluations; }

    /** Neighbour-list builds so far. */
    long listBuilds() { return verlet.rebuilds(); }

    /** {@code F·F} of the last evaluation. */
    double fnormSquared() { return dot(forces, forces); }

    /** Largest |F component| of the last evaluation. */
    double fmax() {
        double m = 0;
        for (double f : forces) m = Math.max(m, Math.abs(f));
        return m;
    }

    /** Copies the positions into {@code x} (3N) and the image counts into {@code img} (3N). Modifies both. */
    @Override
    public void savePositions(double[] x, int[] img) {
        for (int a = 0; a < 3; a++) {
            MemorySegment.copy(p.positions(a), D, 0, x, a * n, n);
            MemorySegment.copy(p.images(a), I, 0, img, a * n, n);
        }
    }

    /**
     * Sets the positions to {@code x0 + alpha h} and the image counts to {@code img0} (the next
     * {@link #evaluate()} wraps). Modifies the store.
     */
    @Override
    public void setPositions(double[] x0, int[] img0, double alpha, double[] h) {
        for (int a = 0; a < 3; a++) {
            MemorySegment pos = p.positions(a);
            int off = a * n;
            if (alpha == 0) {
                MemorySegment.copy(x0, off, pos, D, 0, n);
            } else {
                for (int i = 0; i < n; i++) pos.setAtIndex(D, i, x0[off + i] + alpha * h[off + i]);
            }
            MemorySegment.copy(img0, off, p.images(a), I, 0, n);
        }
    }

    /** Moves every position by {@code scale · v} (3N). Modifies the store. */
    void displace(double scale, double[] v) {
        for (int a = 0; a < 3; a++) {
            MemorySegment pos = p.positions(a);
            int off = a * n;
            for (int i = 0; i < n; i++) pos.setAtIndex(D, i, pos.getAtIndex(D, i) + scale * v[off + i]);
        }
    }

    /** {@code Σ_k u_k v_k}, serial, in index order. */
    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int k = 0; k < u.length; k++) s += u[k] * v[k];
        return s;
    }

    /** {@code max_k |v_k|}. */
    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    @Override
    public void close() { verlet.close(); }
}
