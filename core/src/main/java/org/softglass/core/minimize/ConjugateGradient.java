package org.softglass.core.minimize;

/**
 * Polak–Ribière nonlinear conjugate gradient with the quadratic/backtracking line search of LAMMPS
 * ({@code min_style cg} with the default {@code min_modify line quadratic}, {@code MinCG::iterate} and
 * {@code MinLineSearch::linemin_quadratic} of LAMMPS 29 Sep 2021), re-implemented from its
 * description; see also Nocedal &amp; Wright, <i>Numerical Optimization</i> (2006), §5.2.
 *
 * <p><b>Directions.</b> With F = −∇U, start with g = h = F. After each line minimisation along h,
 * <pre>
 *   β = max(0, (F·F − F·g) / (g·g))        (Polak–Ribière, "PR+": never negative)
 *   β = 0 every 3N iterations              (restart)
 *   g ← F,  h ← g + β h,   and h ← g if g·h ≤ 0 (not downhill: restart with steepest descent).
 * </pre>
 *
 * <p><b>Line search</b> along h from x₀ (energies E = U/N and slopes {@code fh = F·h/N} per atom, as
 * LAMMPS with {@code thermo_modify norm yes}, the default of lj units):
 * <ol>
 *   <li>{@code fh₀ = F(x₀)·h/N}; stop with {@link StopReason#LINESEARCH_NOT_DOWNHILL} if ≤ 0. The
 *       largest trial step is {@code α_max = min(1, dmax / max_k |h_k|)}, so no coordinate moves more
 *       than dmax ({@link StopReason#ZERO_FORCE} if h = 0).</li>
 *   <li>Trial α = α_max, then repeatedly: evaluate E(α), fh(α) at x₀ + α h. If |fh| or
 *       |fh − fh_prev| &lt; 1e-28: back to x₀, {@link StopReason#LINESEARCH_ZERO_QUADRATIC}.</li>
 *   <li>Quadratic (secant) projection: the root of the linear interpolation of the slope between the
 *       previous point (α_prev, fh_prev, E_prev; initially 0, fh₀, E₀) and this one,
 *       {@code α₀ = α − (α − α_prev) fh / (fh − fh_prev)}. It is tried when the trapezoidal energy
 *       estimate is consistent, {@code |1 − (½(α − α_prev)(fh + fh_prev) + E(α)) / E_prev| ≤ 0.1}, and
 *       0 &lt; α₀ &lt; α_max; it is accepted if {@code E(α₀) − E₀ < 1e-8} (the "machine accuracy" EMACH
 *       of LAMMPS, per atom), else the search goes on from α.</li>
 *   <li>Armijo backtracking: accept α if {@code E(α) − E₀ ≤ −0.4 α fh₀}; otherwise α ← α/2, and stop
 *       with {@link StopReason#LINESEARCH_ZERO_ALPHA} (back at x₀) when the ideal decrease
 *       {@code 0.4 α fh₀} falls below 1e-8.</li>
 * </ol>
 * A successful search may thus raise U/N by less than 1e-8 (an accepted quadratic step); every other
 * accepted step lowers it.
 *
 * <p><b>Stopping</b> after each iteration: energy tolerance, then force tolerance, then the
 * evaluation limit (LAMMPS checks the limit first; we report convergence when both hold). Unlike
 * LAMMPS, the evaluation limit is also checked inside the line search, before each further trial
 * evaluation, so a stage uses at most the limit plus one evaluation (the step back to x₀). A
 * non-finite energy, force or slope F·h (overlapping particles) ends the stage at once with
 * {@link StopReason#NON_FINITE}; without this test NaN defeats every exit of the line search. Unlike
 * LAMMPS, the force tolerance is also checked before the first iteration, so a configuration that
 * already satisfies it is returned untouched after 0 iterations.
 */
final class ConjugateGradient {
    private static final double ALPHA_MAX = 1.0;
    private static final double ALPHA_REDUCE = 0.5;
    private static final double BACKTRACK_SLOPE = 0.4;
    private static final double QUADRATIC_TOL = 0.1;
    private static final double EMACH = 1.0e-8;
    private static final double EPS_QUAD = 1.0e-28;
    /** Added to the energies in the relative energy criterion (LAMMPS EPS_ENERGY). */
    static final double EPS_ENERGY = 1.0e-8;

    private final Objective o;
    private final MinimizeOptions opt;
    private final int n3;
    private final double invN;
    private final double[] g, h, x0;
    private final int[] img0;
    /** Current energy per atom (E = U/N). */
    private double ecurrent;

    ConjugateGradient(Objective o, MinimizeOptions opt) {
        this.o = o;
        this.opt = opt;
        this.n3 = o.forces.length;
        this.invN = 1.0 / o.n;
        this.g = new double[n3];
        this.h = new double[n3];
        this.x0 = new double[n3];
        this.img0 = new int[n3];
    }

    /**
     * Minimises from the current positions; the objective must hold an evaluation at them.
     * Modifies the store (positions, images, forces).
     */
    StageResult run(long evalBudgetStart) {
        double[] f = o.forces;
        double ftol2 = opt.ftol() * opt.ftol();
        if (opt.ftol() > 0 && o.fnormSquared() < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, 0);
        ecurrent = o.energy() * invN;
        System.arraycopy(f, 0, g, 0, n3);
        System.arraycopy(f, 0, h, 0, n3);
        double gg = Objective.dot(f, f);
        long nlimit = Math.max(1, (long) n3);
        for (int iter = 1; iter <= opt.maxIterations(); iter++) {
            double eprevious = ecurrent;
            StopReason fail = lineMinimize(evalBudgetStart);
            if (fail != null) return new StageResult(fail, iter);
            double ff = 0, fg = 0;
            for (int k = 0; k < n3; k++) {
                ff += f[k] * f[k];
                fg += f[k] * g[k];
            }
            opt.listener().iteration(Algorithm.CG, iter, o.energy(), Math.sqrt(ff), o.evaluations());
            if (opt.etol() > 0 && Math.abs(ecurrent - eprevious)
                    < opt.etol() * 0.5 * (Math.abs(ecurrent) + Math.abs(eprevious) + EPS_ENERGY)) {
                return new StageResult(StopReason.ENERGY_TOLERANCE, iter);
            }
            if (opt.ftol() > 0 && ff < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, iter);
            if (o.evaluations() - evalBudgetStart >= opt.maxForceEvaluations()) {
                return new StageResult(StopReason.MAX_FORCE_EVALUATIONS, iter);
            }
            double beta = Math.max(0.0, (ff - fg) / gg);
            if ((iter + 1) % nlimit == 0) beta = 0.0;
            gg = ff;
            double gh = 0;
            for (int k = 0; k < n3; k++) {
                g[k] = f[k];
                h[k] = g[k] + beta * h[k];
                gh += g[k] * h[k];
            }
            if (gh <= 0.0) System.arraycopy(g, 0, h, 0, n3);
        }
        return new StageResult(StopReason.MAX_ITERATIONS, opt.maxIterations());
    }

    /**
     * One line minimisation along h (class comment). On success the store holds the accepted point
     * and its forces; on failure it is back at x₀ (re-evaluated, as LAMMPS does), except after a
     * non-finite evaluation ({@link StopReason#NON_FINITE}: the store is left at the failing point)
     * and when the evaluation budget runs out ({@link StopReason#MAX_FORCE_EVALUATIONS}: the store
     * keeps the current trial point if it is lower than x₀, else goes back to x₀ with one more
     * evaluation).
     *
     * @param evalBudgetStart the objective's evaluation count when the stage began
     * @return null on success, else the reason to stop
     */
    private StopReason lineMinimize(long evalBudgetStart) {
        double[] f = o.forces;
        double fdothall = Objective.dot(f, h) * invN;
        if (!Double.isFinite(fdothall)) return StopReason.NON_FINITE;
        if (fdothall <= 0.0) return StopReason.LINESEARCH_NOT_DOWNHILL;
        double hmax = Objective.maxAbs(h);
        if (hmax == 0.0) return StopReason.ZERO_FORCE;
        double alphamax = Math.min(ALPHA_MAX, opt.dmax() / hmax);

        o.savePositions(x0, img0);
        double eoriginal = ecurrent;
        double alpha = alphamax, engprev = eoriginal, alphaprev = 0.0, fhprev = fdothall;
        while (true) {
            ecurrent = step(alpha);
            if (!o.finite()) return StopReason.NON_FINITE;
            double fh = Objective.dot(f, h) * invN;
            double delfh = fh - fhprev;
            if (Math.abs(fh) < EPS_QUAD || Math.abs(delfh) < EPS_QUAD) {
                ecurrent = step(0.0);
                return StopReason.LINESEARCH_ZERO_QUADRATIC;
            }
            double relerr = Math.abs(1.0 - (0.5 * (alpha - alphaprev) * (fh + fhprev) + ecurrent) / engprev);
            double alpha0 = alpha - (alpha - alphaprev) * fh / delfh;
            if (relerr <= QUADRATIC_TOL && alpha0 > 0.0 && alpha0 < alphamax) {
                if (budgetSpent(evalBudgetStart)) return stopForBudget(eoriginal);
                ecurrent = step(alpha0);
                if (!o.finite()) return StopReason.NON_FINITE;
                if (ecurrent - eoriginal < EMACH) return null;
            }
            double deIdeal = -BACKTRACK_SLOPE * alpha * fdothall;
            double de = ecurrent - eoriginal;
            if (de <= deIdeal) return null;
            if (budgetSpent(evalBudgetStart)) return stopForBudget(eoriginal);
            fhprev = fh;
            engprev = ecurrent;
            alphaprev = alpha;
            alpha *= ALPHA_REDUCE;
            if (alpha <= 0.0 || deIdeal >= -EMACH) {
                ecurrent = step(0.0);
                return StopReason.LINESEARCH_ZERO_ALPHA;
            }
        }
    }

    /** Whether the stage has used its force-evaluation limit. */
    private boolean budgetSpent(long evalBudgetStart) {
        return o.evaluations() - evalBudgetStart >= opt.maxForceEvaluations();
    }

    /**
     * Ends a line search whose budget ran out: keeps the current point if it lies below x₀, else
     * goes back to x₀ (one evaluation past the limit). Modifies the store and {@link #ecurrent}.
     */
    private StopReason stopForBudget(double eoriginal) {
        if (!(ecurrent < eoriginal)) ecurrent = step(0.0);
        return StopReason.MAX_FORCE_EVALUATIONS;
    }

    /** Moves to x₀ + α h, evaluates, returns U/N. */
    private double step(double alpha) {
        o.setPositions(x0, img0, alpha, h);
        return o.evaluate() * invN;
    }
}
