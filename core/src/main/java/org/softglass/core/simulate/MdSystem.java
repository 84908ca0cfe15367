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
 * LAMMPS' {@code neighbor 0.3 bin} by default) and the force driver. Trajectories are identical run to
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
        this.list = new VerletList(box, potential.maxCutoff(), skin, NeighborList.Kind.HALF, threads).sortedRows(false);
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

    /** Kinetic energy {@code ½ Σ v²}. */
    public double kineticEnergy() {
        double s = 0;
        for (int a = 0; a < 3; a++) {
            MemorySegment v = p.velocities(a);
            for (int i = 0, n = p.size(); i < n; i++) {
                double u = v.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                s += u * u;
            }
        }
        return 0.5 * s;
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
        for (int a = 0; a < 3; a++) {
            MemorySegment v = p.velocities(a);
            for (int i = 0, n = p.size(); i < n; i++) {
                v.setAtIndex(ValueLayout.JAVA_DOUBLE, i, f * v.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
        }
    }

    /** {@code v += c·F} for every particle (unit mass). */
    public void kick(double c) {
        for (int a = 0; a < 3; a++) {
            MemorySegment v = p.velocities(a), f = p.forces(a);
            for (int i = 0, n = p.size(); i < n; i++) {
                v.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + c * f.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
        }
    }

    /**
     * {@code x += c·v} for every particle, wrapping into the box and counting images (unwrapped
     * positions {@code x + image·L} advance by exactly c·v up to round-off).
     */
    public void drift(double c) {
        for (int a = 0; a < 3; a++) {
            MemorySegment x = p.positions(a), v = p.velocities(a), im = p.images(a);
            double lo = box.lo(a), l = box.length(a), hi = lo + l;
            for (int i = 0, n = p.size(); i < n; i++) {
                double xi = x.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + c * v.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                if (xi >= hi || xi < lo) {
                    int s = (int) Math.floor((xi - lo) / l);
                    xi -= s * l;
                    if (xi >= hi) xi = lo;
                    im.setAtIndex(ValueLayout.JAVA_INT, i, im.getAtIndex(ValueLayout.JAVA_INT, i) + s);
                }
                x.setAtIndex(ValueLayout.JAVA_DOUBLE, i, xi);
            }
        }
    }

    @Override
    public void close() {
        list.close();
        parallel.close();
        p.close();
    }
}
