package org.softglass.core.minimize;

/**
 * FIRE 2.0: the Fast Inertial Relaxation Engine of Bitzek et al. (PRL 97, 170201 (2006)) as revised
 * by Guénolé, Nöhring, Vaid, Houllé, Xie, Prakash and Bitzek, Comput. Mater. Sci. 175, 109584 (2020),
 * Algorithm 2, with the semi-implicit Euler integrator; written to follow LAMMPS
 * {@code min_style fire} ({@code MinFire::run_iterate<EULERIMPLICIT>}, LAMMPS 29 Sep 2021), which is
 * how the fixtures were made. Unit masses; v is an internal 3N velocity (the store's velocities are
 * not touched).
 *
 * <p>Each iteration k = 1, 2, … (P = F·v with F and v from the end of the previous iteration):
 * <pre>
 *   if P &gt; 0:   s₁ = 1 − α,  s₂ = α |v|/|F|  (0 if F·F ≤ 1e-20)               [mixing weights]
 *              if k − k_neg &gt; N_delay:  Δt ← min(f_inc Δt, Δt_max),  α ← f_α α
 *              uphill ← 0
 *   else:      k_neg ← k;  if k ≥ N_delay:  α ← α_start,  Δt ← f_dec Δt unless that is &lt; Δt_min
 *              uphill ← uphill + 1  (stop with MAX_UPHILL_STEPS beyond the limit)
 *              x ← x − ½ Δt v   (half step back, with the new Δt);   v ← 0
 *   if v was just zeroed: recompute F if x moved; trial v = Δt F to bound the step
 *   Δt_v = min(Δt, dmax / max_k |v_k|)                        [no coordinate moves more than dmax]
 *   if v was just zeroed: v ← 0
 *   v ← v + Δt_v F;   if P &gt; 0: v ← s₁ v + s₂ F;   x ← x + Δt_v v;   evaluate U, F
 * </pre>
 * The mixing uses |v| from before the velocity update, as LAMMPS does. The first iteration has
 * v = 0, so it takes the P ≤ 0 branch (with no Δt change: k &lt; N_delay). Δt_max = tmax·Δt₀ and
 * Δt_min = tmin·Δt₀. LAMMPS recomputes F after every P ≤ 0 step; we skip that when x did not move
 * (v was already 0), which changes nothing but the evaluation count. From the thermal fixture frame
 * this code follows LAMMPS {@code min_style fire} step by step (U/N equal to ~1e-13 over the whole
 * 5756-iteration descent, ending in the same minimum; {@code LammpsTraceTest} checks the first 100).
 *
 * <p><b>Stopping</b> after each iteration: the energy tolerance only once more than N_delay steps
 * have passed since the last P ≤ 0 (as LAMMPS), then the force tolerance, then the evaluation limit.
 * As in {@link ConjugateGradient}, the force tolerance is also checked before the first iteration.
 * A non-finite energy or force after any evaluation ends the stage at once with
 * {@link StopReason#NON_FINITE} (the positions are not moved further).
 */
final class Fire {
    private final Objective o;
    private final MinimizeOptions opt;
    private final FireParameters fp;
    private final double[] v;
    private final int n3;

    Fire(Objective o, MinimizeOptions opt) {
        this.o = o;
        this.opt = opt;
        this.fp = opt.fire();
        this.n3 = o.forces.length;
        this.v = new double[n3];
    }

    /**
     * Minimises from the current positions; the objective must hold an evaluation at them.
     * Modifies the store (positions, images, forces).
     */
    StageResult run(long evalBudgetStart) {
        double[] f = o.forces;
        double ftol2 = opt.ftol() * opt.ftol();
        if (opt.ftol() > 0 && o.fnormSquared() < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, 0);
        double invN = 1.0 / o.n;
        double dt = fp.dt(), dtmax = fp.tmax() * fp.dt(), dtmin = fp.tmin() * fp.dt();
        double alpha = fp.alpha0();
        double dtv = dt;
        int lastNegative = 0, uphill = 0;
        boolean flagv0;
        double ecurrent = o.energy() * invN, eprevious;
        for (int iter = 1; iter <= opt.maxIterations(); iter++) {
            double vdotf = Objective.dot(v, f);
            double scale1 = 0, scale2 = 0;
            boolean moved = false;
            if (vdotf > 0.0) {
                double vdotv = Objective.dot(v, v), fdotf = Objective.dot(f, f);
                scale1 = 1.0 - alpha;
                scale2 = fdotf <= 1e-20 ? 0.0 : alpha * Math.sqrt(vdotv / fdotf);
                if (iter - lastNegative > fp.delaySteps()) {
                    dt = Math.min(dt * fp.dtGrow(), dtmax);
                    alpha *= fp.alphaShrink();
                }
                uphill = 0;
                flagv0 = false;
            } else {
                lastNegative = iter;
                if (iter >= fp.delaySteps()) {
                    alpha = fp.alpha0();
                    if (dt * fp.dtShrink() >= dtmin) dt *= fp.dtShrink();
                }
                uphill++;
                if (fp.maxUphill() > 0 && uphill > fp.maxUphill()) {
                    return new StageResult(StopReason.MAX_UPHILL_STEPS, iter);
                }
                if (fp.halfStepBack() && Objective.maxAbs(v) > 0) {
                    o.displace(-0.5 * dt, v);
                    moved = true;
                }
                java.util.Arrays.fill(v, 0.0);
                flagv0 = true;
            }
            double vmax;
            if (flagv0) {
                if (moved) {
                    o.evaluate();
                    if (!o.finite()) return new StageResult(StopReason.NON_FINITE, iter);
                }
                vmax = dt * Objective.maxAbs(f);
            } else {
                vmax = Objective.maxAbs(v);
            }
            dtv = dt;
            if (dtv * vmax > opt.dmax()) dtv = opt.dmax() / vmax;
            boolean mix = vdotf > 0.0;
            for (int k = 0; k < n3; k++) {
                double vk = v[k] + dtv * f[k];
                if (mix) vk = scale1 * vk + scale2 * f[k];
                v[k] = vk;
            }
            o.displace(dtv, v);
            eprevious = ecurrent;
            ecurrent = o.evaluate() * invN;
            if (!o.finite()) return new StageResult(StopReason.NON_FINITE, iter);
            double ff = o.fnormSquared();
            opt.listener().iteration(Algorithm.FIRE, iter, o.energy(), Math.sqrt(ff), o.evaluations());
            if (opt.etol() > 0 && iter - lastNegative > fp.delaySteps() && Math.abs(ecurrent - eprevious)
                    < opt.etol() * 0.5 * (Math.abs(ecurrent) + Math.abs(eprevious) + ConjugateGradient.EPS_ENERGY)) {
                return new StageResult(StopReason.ENERGY_TOLERANCE, iter);
            }
            if (opt.ftol() > 0 && ff < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, iter);
            if (o.evaluations() - evalBudgetStart >= opt.maxForceEvaluations()) {
                return new StageResult(StopReason.MAX_FORCE_EVALUATIONS, iter);
            }
        }
        return new StageResult(StopReason.MAX_ITERATIONS, opt.maxIterations());
    }
}
