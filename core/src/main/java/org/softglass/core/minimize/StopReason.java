package org.softglass.core.minimize;

/**
 * Why a minimisation stage stopped. Only {@link #FORCE_TOLERANCE} and {@link #ENERGY_TOLERANCE}
 * count as converged. The names follow the LAMMPS stopping criteria ({@code Min::stopstrings}).
 */
public enum StopReason {
    /** {@code |F|₂ < ftol}, the 2-norm of the whole 3N force vector (LAMMPS "force tolerance"). */
    FORCE_TOLERANCE("force tolerance", true),
    /**
     * {@code |U_k − U_{k−1}| < etol · ½(|U_k| + |U_{k−1}| + 1e-8)} with U per atom (LAMMPS "energy
     * tolerance").
     */
    ENERGY_TOLERANCE("energy tolerance", true),
    /** The iteration limit was reached. */
    MAX_ITERATIONS("max iterations", false),
    /** The force-evaluation limit was reached. */
    MAX_FORCE_EVALUATIONS("max force evaluations", false),
    /** CG: the search direction is not downhill (F·h ≤ 0) (LAMMPS "search direction is not downhill"). */
    LINESEARCH_NOT_DOWNHILL("search direction is not downhill", false),
    /** CG: backtracking shrank the step to zero without enough decrease (LAMMPS "linesearch alpha is zero"). */
    LINESEARCH_ZERO_ALPHA("linesearch alpha is zero", false),
    /** CG: the directional derivative or its change vanished (LAMMPS "quadratic factors are zero"). */
    LINESEARCH_ZERO_QUADRATIC("quadratic factors are zero", false),
    /** CG: every component of the search direction is zero (LAMMPS "forces are zero"). */
    ZERO_FORCE("forces are zero", false),
    /** FIRE: more consecutive uphill (P = F·v ≤ 0) steps than allowed (LAMMPS "max number of P<0 steps"). */
    MAX_UPHILL_STEPS("max number of P<0 steps", false),
    /**
     * An evaluation gave a non-finite energy or force (NaN or ±∞, e.g. overlapping particles). Stages
     * return it; {@link Minimizer#minimize} turns it into a {@link NonFiniteEnergyException}.
     */
    NON_FINITE("non-finite energy or forces", false);

    private final String description;
    private final boolean converged;

    StopReason(String description, boolean converged) {
        this.description = description;
        this.converged = converged;
    }

    /** Whether this reason means the tolerance was met. */
    public boolean converged() { return converged; }

    /** A short phrase, as LAMMPS prints it in "Stopping criterion = ...". */
    public String description() { return description; }
}
