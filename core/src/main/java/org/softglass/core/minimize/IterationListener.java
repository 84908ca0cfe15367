package org.softglass.core.minimize;

/**
 * Called after every iteration of a minimisation stage (for logs, tests, trajectories of the
 * descent). Must not modify the particles.
 */
@FunctionalInterface
public interface IterationListener {
    /**
     * @param stage {@link Algorithm#CG}, {@link Algorithm#LBFGS} or {@link Algorithm#FIRE}
     * @param iteration 1-based iteration count within the stage
     * @param energy total potential energy U after the iteration (ε)
     * @param fnorm 2-norm of the 3N force vector after the iteration (ε/σ)
     * @param forceEvaluations force evaluations so far in the whole minimisation
     */
    void iteration(Algorithm stage, int iteration, double energy, double fnorm, long forceEvaluations);

    /** A listener that does nothing. */
    IterationListener NONE = (s, k, u, f, e) -> { };
}
