package org.softglass.core.minimize;

import java.util.List;

/**
 * What a minimisation did and where it ended.
 *
 * @param algorithm the minimiser that was asked for
 * @param reason why the last stage stopped (the run converged iff {@link StopReason#converged()})
 * @param iterations iterations of all stages together
 * @param forceEvaluations force evaluations of all stages together, including the initial one
 * @param particles N
 * @param initialEnergy U before minimising (ε, total)
 * @param energy U at the end (ε, total)
 * @param fnorm 2-norm of the final 3N force vector (ε/σ)
 * @param fmax largest absolute force component at the end, LAMMPS {@code fmax} (ε/σ)
 * @param virialPressure virial part of the pressure at the end, {@code W/(3V)} (ε/σ³); with zero
 *     velocities this is the pressure of the inherent structure
 * @param stages one entry per stage that ran, in order
 */
public record Report(Algorithm algorithm, StopReason reason, int iterations, long forceEvaluations, int particles,
                     double initialEnergy, double energy, double fnorm, double fmax, double virialPressure,
                     List<Stage> stages) {

    /**
     * One stage (CG, L-BFGS or FIRE) of a run.
     *
     * @param algorithm {@link Algorithm#CG}, {@link Algorithm#LBFGS} or {@link Algorithm#FIRE}
     * @param reason why it stopped
     * @param iterations its iterations
     * @param forceEvaluations its force evaluations
     * @param energy U at its end (ε, total)
     * @param fnorm |F|₂ at its end (ε/σ)
     */
    public record Stage(Algorithm algorithm, StopReason reason, int iterations, long forceEvaluations,
                        double energy, double fnorm) {}

    public Report {
        stages = List.copyOf(stages);
    }

    /** Whether the last stage met the force or energy tolerance. */
    public boolean converged() { return reason.converged(); }

    /** Final U/N (ε). */
    public double energyPerAtom() { return energy / particles; }

    /** Initial U/N (ε). */
    public double initialEnergyPerAtom() { return initialEnergy / particles; }

    @Override
    public String toString() {
        return algorithm + ": " + (converged() ? "converged" : "NOT converged") + " (" + reason.description() + ") after "
                + iterations + " iterations, " + forceEvaluations + " force evaluations; U/N " + initialEnergyPerAtom()
                + " -> " + energyPerAtom() + ", fnorm " + fnorm + ", fmax " + fmax;
    }
}
