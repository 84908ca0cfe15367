package org.softglass.core.minimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Overlap;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.space.Box;

/**
 * Energy minimisation to an inherent structure: a local minimum of the potential energy
 * U(r₁, …, r_N) = Σ_{i&lt;j} u(r_ij) reached by descent from the given configuration, with FIRE 2.0
 * ({@link Fire}), Polak–Ribière CG ({@link ConjugateGradient}), L-BFGS ({@link Lbfgs}), or CG / L-BFGS
 * followed by FIRE ({@link Algorithm#CG_FIRE}, the LAMMPS protocol of the fixtures; {@link Algorithm#LBFGS_FIRE}). Units: ε, σ, τ; unit masses.
 *
 * <p>What is modified: the store's positions (wrapped into the box) and image counts (so that the
 * unwrapped positions {@code x + ix L} follow the particles continuously: an inherent-structure
 * trajectory keeps its unwrapped displacements), and its forces (the forces at the minimum).
 * Velocities, species and ids are not touched. Particles keep their slots.
 *
 * <p>A neighbour list with a Verlet skin is kept valid while particles move (see {@link Objective}).
 * Every reduction of the minimisers is serial, so results are as reproducible as the forces of
 * {@link ForceCompute}: bit-identical run to run for a given thread count with the default half
 * list, and for any thread count with {@link MinimizeOptions#withHalfList withHalfList(false)}.
 *
 * <p>Typical use, e.g. from an MD engine writing an inherent-structure trajectory:
 * <pre>{@code
 * try (ParticleStore is = state.copy()) {
 *     Report r = Minimizer.quench(is, box, Models.ka(), MinimizeOptions.defaults().withThreads(4));
 *     if (!r.converged()) ...;   // r.reason(), r.fnorm()
 * }
 * }</pre>
 * For many configurations, keep one instance (its worker threads are reused) and call
 * {@link #minimize}. Not thread-safe; {@link #close()} stops the workers.
 */
public final class Minimizer implements AutoCloseable {
    private final PairPotential potential;
    private final MinimizeOptions options;
    private final Parallel parallel;
    private final ForceCompute forceCompute;

    /** A minimiser with its own team of {@code options.threads()} workers. */
    public Minimizer(PairPotential potential, MinimizeOptions options) {
        this.potential = Objects.requireNonNull(potential, "potential");
        this.options = Objects.requireNonNull(options, "options");
        this.parallel = new Parallel(options.threads());
        this.forceCompute = new ForceCompute(potential, parallel, PairKernel.get());
    }

    /**
     * One-shot minimisation (creates and closes a {@link Minimizer}).
     *
     * @param particles the configuration, modified in place (pass a copy to keep the original)
     * @see #minimize(ParticleStore, Box, double[])
     */
    public static Report quench(ParticleStore particles, Box box, PairPotential potential, MinimizeOptions options) {
        try (Minimizer m = new Minimizer(potential, options)) {
            return m.minimize(particles, box, null);
        }
    }

    public PairPotential potential() { return potential; }

    public MinimizeOptions options() { return options; }

    /**
     * Minimises the energy of {@code particles} in {@code box}.
     *
     * @param particles N particles with species in [0, potential species); positions, images and
     *     forces are modified (class comment)
     * @param box the periodic box; each length must exceed 2 (max cutoff + skin)
     * @param perAtomEnergy if not null, receives the per-atom energies at the end (length ≥ N, by
     *     slot, LAMMPS {@code pe/atom}: half of each pair energy to each atom; ε); modified
     * @return what converged, iterations, evaluations and the final U, |F|₂, max |F component|
     * @throws IllegalArgumentException if the box is too small for the list or species are unknown
     * @throws NonFiniteEnergyException if an evaluation gives a non-finite energy or force (e.g. two
     *     particles at the same position); the store is then left at the failing configuration
     */
    public Report minimize(ParticleStore particles, Box box, double[] perAtomEnergy) {
        Objects.requireNonNull(particles, "particles");
        Objects.requireNonNull(box, "box");
        int n = particles.size();
        if (perAtomEnergy != null && perAtomEnergy.length < n) {
            throw new IllegalArgumentException("per-atom energy array has length " + perAtomEnergy.length + ", need " + n);
        }
        try (Objective o = new Objective(particles, box, forceCompute, options.skin(), parallel, options.halfList())) {
            double u0 = o.evaluate();
            if (!o.finite()) throw new NonFiniteEnergyException(u0, o.evaluations(), Overlap.find(particles, box));
            List<Report.Stage> stages = new ArrayList<>(2);
            StopReason last = StopReason.FORCE_TOLERANCE;
            int iterations = 0;
            List<Algorithm> plan = options.algorithm().stages();
            for (Algorithm stage : plan) {
                long e0 = o.evaluations();
                StageResult r = switch (stage) {
                    case CG -> new ConjugateGradient(o, options).run(e0);
                    case LBFGS -> new Lbfgs(o, options).run(e0);
                    case FIRE -> new Fire(o, options).run(e0);
                    default -> throw new IllegalStateException("not a single stage: " + stage);
                };
                if (r.reason() == StopReason.NON_FINITE) {
                    throw new NonFiniteEnergyException(o.energy(), o.evaluations(), Overlap.find(particles, box));
                }
                stages.add(new Report.Stage(stage, r.reason(), r.iterations(), o.evaluations() - e0, o.energy(),
                        Math.sqrt(o.fnormSquared())));
                iterations += r.iterations();
                last = r.reason();
            }
            if (perAtomEnergy != null) System.arraycopy(o.perAtomEnergies(), 0, perAtomEnergy, 0, n);
            return new Report(options.algorithm(), last, iterations, o.evaluations(), n, u0, o.energy(),
                    Math.sqrt(o.fnormSquared()), o.fmax(), o.virial() / (3.0 * box.volume()), stages);
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        forceCompute.close();
        parallel.close();
    }
}
