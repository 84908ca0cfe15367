package org.softglass.core.minimize;

/**
 * Parameters of FIRE 2.0 (Guénolé et al., Comput. Mater. Sci. 175, 109584 (2020), Table 1 and
 * Algorithm 2). The defaults are those of LAMMPS {@code min_style fire} (29 Sep 2021), printed in the
 * fixture log as {@code dmax 0.1 delaystep 20 dtgrow 1.1 dtshrink 0.5 alpha0 0.25 alphashrink 0.99
 * tmax 10 tmin 0.02 eulerimplicit halfstepback yes}, with the MD timestep of the fixtures, 0.005 τ.
 *
 * @param dt initial timestep Δt (τ), &gt; 0
 * @param tmax Δt_max = tmax·Δt, &gt; tmin
 * @param tmin Δt_min = tmin·Δt, &gt; 0
 * @param delaySteps N_delay: Δt grows and α shrinks only after this many steps since the last P ≤ 0,
 *     and Δt does not shrink during the first N_delay steps of the run
 * @param dtGrow f_inc &gt; 1
 * @param dtShrink f_dec in (0, 1)
 * @param alpha0 α_start in (0, 1)
 * @param alphaShrink f_α in (0, 1]
 * @param halfStepBack on P ≤ 0, move back half a step, {@code x −= ½ Δt v}, before zeroing v
 * @param maxUphill stop with {@link StopReason#MAX_UPHILL_STEPS} after more than this many
 *     consecutive P ≤ 0 steps (LAMMPS {@code vdfmax}, default 2000); 0 disables the check
 */
public record FireParameters(double dt, double tmax, double tmin, int delaySteps, double dtGrow, double dtShrink,
                             double alpha0, double alphaShrink, boolean halfStepBack, int maxUphill) {

    /** The LAMMPS defaults with Δt = 0.005 τ. */
    public static final FireParameters LAMMPS = new FireParameters(0.005, 10, 0.02, 20, 1.1, 0.5, 0.25, 0.99, true, 2000);

    /** @throws IllegalArgumentException naming the offending parameter */
    public FireParameters {
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("FIRE dt must be finite and > 0, got " + dt);
        if (!(tmin > 0) || !(tmax >= tmin) || !Double.isFinite(tmax)) {
            throw new IllegalArgumentException("FIRE needs 0 < tmin <= tmax, got tmin=" + tmin + ", tmax=" + tmax);
        }
        if (delaySteps < 0) throw new IllegalArgumentException("FIRE delay steps must be >= 0, got " + delaySteps);
        if (!(dtGrow >= 1)) throw new IllegalArgumentException("FIRE dtgrow must be >= 1, got " + dtGrow);
        if (!(dtShrink > 0 && dtShrink <= 1)) throw new IllegalArgumentException("FIRE dtshrink must be in (0, 1], got " + dtShrink);
        if (!(alpha0 >= 0 && alpha0 < 1)) throw new IllegalArgumentException("FIRE alpha0 must be in [0, 1), got " + alpha0);
        if (!(alphaShrink > 0 && alphaShrink <= 1)) throw new IllegalArgumentException("FIRE alphashrink must be in (0, 1], got " + alphaShrink);
        if (maxUphill < 0) throw new IllegalArgumentException("FIRE max uphill steps must be >= 0, got " + maxUphill);
    }

    /** The same parameters with another initial timestep. */
    public FireParameters withDt(double newDt) {
        return new FireParameters(newDt, tmax, tmin, delaySteps, dtGrow, dtShrink, alpha0, alphaShrink, halfStepBack, maxUphill);
    }
}
