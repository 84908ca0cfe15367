package org.softglass.core.simulate;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.VerletList;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.space.Box;

/**
 * The state an integrator advances: particles (unit mass) in a periodic box under a pair potential,
 * with a Verlet list (HALF: each pair once with Newton's third law, as LAMMPS {@code newton on}; skin as
 * LAMMPS' {@code neighbor 0.3 bin} by default; each species pair listed out to its own cutoff + skin,
 * as LAMMPS' per-type neighbour cutoffs, for potentials without a three-body term) and the force driver. Trajectories are identical run to
 * run for a given thread count; different thread counts agree to round-off, then diverge chaotically.
 *
 * <p>Degrees of freedom {@code dof = 3N − 3} (total momentum is conserved and removed at creation),
 * kinetic temperature {@code T = Σ v² / dof} (k_B = 1, m = 1), pressure
 * {@code P = (dof T + W)/(3V)}: the LAMMPS conventions of {@code compute temp} and {@code compute pressure}.
 * {@link #computeForces} keeps the list valid and overwrites the store's forces. Not thread-safe;
 * the force driver itself runs on {@code threads} workers.
 */
public final class MdSystem implements AutoCloseable {
    /** LAMMPS' default neighbour skin in LJ units ({@code neighbor 0.3 bin}). */
    public static final double DEFAULT_SKIN = 0.3;

    private final ParticleStore p;
    private final Box box;
    private final PairPotential potential;
    private final Parallel parallel;
    private final VerletList list;
    private final ForceCompute forces;
    private final double[] perAtom;
    private long forceEvaluations;
    private double[] partial = new double[0];
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** A snapshot of the thermodynamic state; energies are totals (ε). */
    public record Thermo(double kinetic, double potential, double virial, double temperature, double pressure) {}

    /**
     * @param p particles (positions, velocities, species, images); the system takes ownership and closes it
     * @param threads worker threads for forces and list builds
     */
    public MdSystem(ParticleStore p, Box box, PairPotential potential, double skin, int threads) {
        this.p = p;
        this.box = box;
        this.potential = potential;
        this.parallel = new Parallel(threads);
        this.list = new VerletList(box, potential.maxCutoff(), skin, NeighborList.Kind.HALF, parallel).sortedRows(false).cellOrdered(true)
                .pairCutoffs(potential.listCutoffs());
        this.forces = new ForceCompute(potential, parallel, PairKernel.get());
        this.perAtom = new double[p.size()];
    }

    public ParticleStore particles() { return p; }
    public Box box() { return box; }
    public PairPotential potential() { return potential; }
    public int size() { return p.size(); }
    public int threads() { return parallel.threads(); }
    /** Degrees of freedom 3N − 3. */
    public double dof() { return 3.0 * p.size() - 3.0; }
    public long forceEvaluations() { return forceEvaluations; }
    public long listBuilds() { return list.rebuilds(); }
    public VerletList verletList() { return list; }

    /** Updates the neighbour list if needed and overwrites the forces (no energy). */
    public void computeForces() {
        list.update(p);
        forces.forces(p, box, list.list());
        forceEvaluations++;
    }

    /** Rebuilds the neighbour list unconditionally and recomputes the forces (used at checkpoints). */
    public void rebuildAndComputeForces() {
        list.forceRebuild(p);
        forces.forces(p, box, list.list());
        forceEvaluations++;
    }

    /** Forces, potential energy and virial at the current positions (overwrites forces). */
    public ForceCompute.Result computeEnergy() {
        list.update(p);
        forceEvaluations++;
        return forces.compute(p, box, list.list(), perAtom);
    }

    /** Per-particle energies of the last {@link #computeEnergy()} (slot order; do not modify). */
    public double[] perAtomEnergy() { return perAtom; }

    /** Slots per chunk of the integrator passes (fixed; static assignment keeps a thread on its slots). */
    static final int PASS_CHUNK = 1024;

    /**
     * Kinetic energy {@code ½ Σ v²}: per-chunk sums (over particles, x² + y² + z² each) added in chunk
     * order, so the value does not depend on the thread count.
     */
    public double kineticEnergy() {
        return 0.5 * kickAndSumSquares(0.0);
    }

    /** Kinetic temperature {@code 2K/dof}. */
    public double temperature() { return 2.0 * kineticEnergy() / dof(); }

    /** Full thermodynamic state (recomputes forces and energy). */
    public Thermo thermo() {
        ForceCompute.Result r = computeEnergy();
        double k = kineticEnergy(), t = 2.0 * k / dof();
        return new Thermo(k, r.energy(), r.virial(), t, r.pressure(box, dof(), t));
    }

    /** Multiplies every velocity by {@code f}. */
    public void scaleVelocities(double f) {
        pass((from, to) -> {
            for (int a = 0; a < 3; a++) {
                MemorySegment v = p.velocities(a);
                for (int i = from; i < to; i++) v.setAtIndex(D, i, f * v.getAtIndex(D, i));
            }
        });
    }

    /** {@code v += c·F} for every particle (unit mass). */
    public void kick(double c) {
        pass((from, to) -> {
            for (int a = 0; a < 3; a++) {
                MemorySegment v = p.velocities(a), f = p.forces(a);
                for (int i = from; i < to; i++) v.setAtIndex(D, i, v.getAtIndex(D, i) + c * f.getAtIndex(D, i));
            }
        });
    }

    /**
     * {@code x += c·v} for every particle, wrapping into the box and counting images (unwrapped
     * positions {@code x + image·L} advance by exactly c·v up to round-off).
     */
    public void drift(double c) {
        scaleKickDrift(1.0, 0.0, c);
    }

    /**
     * In one pass: {@code v ← s·v}, {@code v ← v + k·F}, {@code x ← x + d·v} with wrapping as
     * {@link #drift} — the same arithmetic, in the same order, as {@link #scaleVelocities},
     * {@link #kick}, {@link #drift} one after the other (s = 1 and k = 0 leave v bit for bit).
     */
    public void scaleKickDrift(double s, double k, double d) {
        pass((from, to) -> {
            for (int a = 0; a < 3; a++) {
                MemorySegment x = p.positions(a), v = p.velocities(a), f = p.forces(a), im = p.images(a);
                double lo = box.lo(a), l = box.length(a), hi = lo + l;
                for (int i = from; i < to; i++) {
                    double vi = s * v.getAtIndex(D, i);
                    if (k != 0.0) vi = vi + k * f.getAtIndex(D, i);
                    v.setAtIndex(D, i, vi);
                    double xi = x.getAtIndex(D, i) + d * vi;
                    if (xi >= hi || xi < lo) {
                        int sh = (int) Math.floor((xi - lo) / l);
                        xi -= sh * l;
                        if (xi >= hi) xi = lo;
                        im.setAtIndex(ValueLayout.JAVA_INT, i, im.getAtIndex(ValueLayout.JAVA_INT, i) + sh);
                    }
                    x.setAtIndex(D, i, xi);
                }
            }
        });
    }

    /**
     * {@code v += c·F} (c = 0: no change), then returns {@code Σ v²} of the new velocities (2K), summed
     * as in {@link #kineticEnergy()} (per chunk, chunks added in order): the closing half-kick of a
     * step and the thermostat's kinetic energy in one pass over the particles.
     */
    public double kickAndSumSquares(double c) {
        int n = p.size(), chunks = Parallel.chunkCount(n, PASS_CHUNK);
        if (partial.length < chunks) partial = new double[chunks];
        double[] part = partial;
        parallel.forChunksStatic(n, PASS_CHUNK, (w, chunk, from, to) -> {
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                MemorySegment v = p.velocities(a), f = p.forces(a);
                for (int i = from; i < to; i++) {
                    double u = v.getAtIndex(D, i);
                    if (c != 0.0) {
                        u = u + c * f.getAtIndex(D, i);
                        v.setAtIndex(D, i, u);
                    }
                    sum += u * u;
                }
            }
            part[chunk] = sum;
        });
        double s = 0;
        for (int k = 0; k < chunks; k++) s += part[k];
        return s;
    }

    @FunctionalInterface
    private interface Range { void run(int from, int to); }

    /** Runs body over fixed slot chunks, each thread always on the same chunks (its particles stay in its cache). */
    private void pass(Range body) {
        parallel.forChunksStatic(p.size(), PASS_CHUNK, (w, chunk, from, to) -> body.run(from, to));
    }

    @Override
    public void close() {
        list.close();
        parallel.close();
        p.close();
    }
}
