package org.softglass.core.minimize;

import java.util.Objects;

/**
 * What to minimise with and when to stop. Immutable; build from {@link #defaults()} with the
 * {@code with*} methods.
 *
 * <p>Tolerances have LAMMPS {@code minimize etol ftol maxiter maxeval} semantics: {@code ftol} bounds
 * the 2-norm of the whole 3N force vector, {@code |F|₂ = (Σ_i |F_i|²)^½} (ε/σ); {@code etol} bounds the
 * relative energy change between iterations (dimensionless); 0 disables a criterion. The limits
 * apply to each stage separately (for {@link Algorithm#CG_FIRE} and {@link Algorithm#LBFGS_FIRE}, as two successive LAMMPS
 * {@code minimize} commands), and are checked once per iteration, so a CG line search may finish
 * a few evaluations past {@code maxForceEvaluations}.
 *
 * @param algorithm which minimiser (default {@link Algorithm#CG_FIRE}, as the fixtures)
 * @param ftol force tolerance (ε/σ), ≥ 0, default 1e-10
 * @param etol relative energy tolerance, ≥ 0, default 0
 * @param maxIterations iteration limit per stage, ≥ 0, default 100000
 * @param maxForceEvaluations force-evaluation limit per stage, ≥ 1, default 1000000
 * @param dmax largest displacement of any coordinate in one CG or L-BFGS line-search trial or FIRE step (σ),
 *     default 0.1 (LAMMPS {@code min_modify dmax})
 * @param skin Verlet skin of the neighbour list (σ), default 0.3 (as the fixtures)
 * @param threads worker threads for forces and list builds, ≥ 1
 * @param fire FIRE parameters, default {@link FireParameters#LAMMPS}
 * @param listener called after every iteration, default {@link IterationListener#NONE}
 * @param halfList neighbour list with each pair once and Newton's third law (default, as LAMMPS
 *     {@code newton on} and as the MD): half the pair work, results identical run to run for a given
 *     thread count; {@code false}: a FULL list (each pair from both sides, twice the work) whose
 *     results are bit-identical for any thread count
 * @param lbfgsMemory number m of (s, y) pairs kept by {@link Algorithm#LBFGS} (Nocedal &amp; Wright
 *     §7.2: 3 ≤ m ≤ 20 is usual), in [1, 100], default 8; memory 2·m·3N doubles
 */
public record MinimizeOptions(Algorithm algorithm, double ftol, double etol, int maxIterations, long maxForceEvaluations,
                              double dmax, double skin, int threads, FireParameters fire, IterationListener listener, boolean halfList,
                              int lbfgsMemory) {

    /** @throws IllegalArgumentException naming the offending option */
    public MinimizeOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(fire, "fire");
        Objects.requireNonNull(listener, "listener");
        if (!(ftol >= 0) || !Double.isFinite(ftol)) throw new IllegalArgumentException("ftol must be finite and >= 0, got " + ftol);
        if (!(etol >= 0) || !Double.isFinite(etol)) throw new IllegalArgumentException("etol must be finite and >= 0, got " + etol);
        if (maxIterations < 0) throw new IllegalArgumentException("max iterations must be >= 0, got " + maxIterations);
        if (maxForceEvaluations < 1) throw new IllegalArgumentException("max force evaluations must be >= 1, got " + maxForceEvaluations);
        if (!(dmax > 0) || !Double.isFinite(dmax)) throw new IllegalArgumentException("dmax must be finite and > 0, got " + dmax);
        if (!(skin >= 0) || !Double.isFinite(skin)) throw new IllegalArgumentException("skin must be finite and >= 0, got " + skin);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (lbfgsMemory < 1 || lbfgsMemory > 100) throw new IllegalArgumentException("L-BFGS memory must be in [1, 100], got " + lbfgsMemory);
    }

    /** cg+fire, ftol 1e-10, etol 0, 100000 iterations, 10⁶ evaluations, dmax 0.1, skin 0.3, 1 thread, half list, L-BFGS memory 8. */
    public static MinimizeOptions defaults() {
        return new MinimizeOptions(Algorithm.CG_FIRE, 1e-10, 0.0, 100_000, 1_000_000, 0.1, 0.3, 1,
                FireParameters.LAMMPS, IterationListener.NONE, true, 8);
    }

    /** These options with a half ({@code true}) or full neighbour list (see {@code halfList}). */
    public MinimizeOptions withHalfList(boolean v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, listener, v, lbfgsMemory);
    }

    public MinimizeOptions withAlgorithm(Algorithm a) {
        return new MinimizeOptions(a, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withFtol(double v) {
        return new MinimizeOptions(algorithm, v, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withEtol(double v) {
        return new MinimizeOptions(algorithm, ftol, v, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withMaxIterations(int v) {
        return new MinimizeOptions(algorithm, ftol, etol, v, maxForceEvaluations, dmax, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withMaxForceEvaluations(long v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, v, dmax, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withDmax(double v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, v, skin, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withSkin(double v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, v, threads, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withThreads(int v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, v, fire, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withFire(FireParameters v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, v, listener, halfList, lbfgsMemory);
    }

    public MinimizeOptions withListener(IterationListener v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, v, halfList, lbfgsMemory);
    }

    /** These options with L-BFGS memory m (see {@code lbfgsMemory}). */
    public MinimizeOptions withLbfgsMemory(int v) {
        return new MinimizeOptions(algorithm, ftol, etol, maxIterations, maxForceEvaluations, dmax, skin, threads, fire, listener, halfList, v);
    }
}
