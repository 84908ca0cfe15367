package org.softglass.core.minimize;

/**
 * Limited-memory BFGS (L-BFGS) with a backtracking line search capped by {@code dmax}: Nocedal &amp;
 * Wright, <i>Numerical Optimization</i> (2nd ed., 2006), §7.2, Algorithm 7.4 (two-loop recursion) and
 * Algorithm 7.5, with the initial scaling of eq. (7.20) and the sufficient-decrease test of eq. (3.4);
 * near round-off the "approximate Wolfe" acceptance of Hager &amp; Zhang (SIAM J. Optim. 16, 170
 * (2005), eq. (23)) replaces the energy test. Units: ε, σ; the 3N vectors are component-major as in
 * {@link Objective}.
 *
 * <p><b>Direction.</b> With F = −∇U at x_k and the last m pairs (newest last)
 * {@code s_i = x_{i+1} − x_i}, {@code y_i = ∇U(x_{i+1}) − ∇U(x_i) = F_i − F_{i+1}},
 * {@code ρ_i = 1/(y_i·s_i)}, the search direction d = H_k F (= −H_k ∇U) is
 * <pre>
 *   q ← F
 *   for i = k−1 … k−m:   a_i = ρ_i s_i·q;   q ← q − a_i y_i
 *   r ← γ_k q,   γ_k = s_{k−1}·y_{k−1} / (y_{k−1}·y_{k−1})       (eq. 7.20; before any pair: r ← q)
 *   for i = k−m … k−1:   b = ρ_i y_i·r;     r ← r + (a_i − b) s_i
 *   d = r
 * </pre>
 * If d is not downhill ({@code F·d ≤ 0}, possible only through round-off since H_k is positive
 * definite when every stored pair has {@code y·s > 0}), the memory is cleared and d = F.
 *
 * <p><b>Line search</b> along d from x₀ with U₀ = U(x₀), slope φ'(0) = −F₀·d &lt; 0:
 * <ol>
 *   <li>First trial {@code α = α_max = min(1, dmax / max_k |d_k|)}: the quasi-Newton step α = 1,
 *       shortened so that no coordinate moves more than dmax (σ), as the CG line search and FIRE do.</li>
 *   <li>Accept α if {@code U(α) ≤ U₀ + c₁ α φ'(0)} with c₁ = 1e-4 (Armijo, N&amp;W eq. 3.4), or if
 *       the energy change is below resolution, {@code U(α) ≤ U₀ + ε_U} with {@code ε_U = 1e-10 |U₀|},
 *       and the slope has not turned strongly uphill, {@code φ'(α) ≤ (2δ − 1) φ'(0)} with δ = 0.1
 *       (approximate Wolfe). Near a minimum at ftol ~ 1e-10 the energy decrease of a step,
 *       ~|F|²/k, is far below the round-off of U (~1e-16 |U|), so the Armijo test alone would fail
 *       there; the derivative test still guarantees progress on the local quadratic model.
 *       ε_U = 1e-10 |U₀| is 7.5e-10 ε per atom for KA, below the 1e-8 per atom that the LAMMPS CG
 *       line search allows (EMACH).</li>
 *   <li>Otherwise backtrack to the minimiser of the quadratic through U₀, φ'(0) and U(α),
 *       {@code α ← −φ'(0) α² / (2 (U(α) − U₀ − φ'(0) α))}, kept within [0.1 α, 0.5 α]. When
 *       {@code α max_k |d_k| < 1e-14} (the step no longer moves any coordinate by more than round-off),
 *       the search fails: back to x₀; with a non-empty memory the memory is cleared and the
 *       iteration retried along F; along F it ends the stage with {@link StopReason#LINESEARCH_ZERO_ALPHA}.</li>
 * </ol>
 * After an accepted step, s = α d and y = F₀ − F(α) are stored if {@code y·s > 1e-14 |s|·|y|}
 * (curvature condition; otherwise the pair is skipped, N&amp;W §6.1 "skip the update"); the oldest pair
 * is dropped beyond m. No curvature (Wolfe) condition is enforced on α, so skipped pairs are possible;
 * with the quasi-Newton step they are rare.
 *
 * <p><b>Stopping</b> after each iteration as {@link ConjugateGradient}: energy tolerance (per-atom
 * energies, LAMMPS relative criterion), then force tolerance on |F|₂, then the evaluation limit; the
 * limit is also checked before each trial evaluation of the line search (a stage then uses at most one
 * evaluation past it, the step back to x₀ when the trial point is not lower). The force tolerance is
 * also checked before the first iteration. A non-finite energy, force or slope ends the stage with
 * {@link StopReason#NON_FINITE}, leaving the store at that point.
 *
 * <p>Positions move only through {@link Landscape#setPositions} (x₀ + α d with x₀'s image counts),
 * so the next evaluation wraps them and updates the Verlet list exactly as for CG; s is the
 * unwrapped displacement α d. Every dot product is serial, in index order (deterministic for a given
 * force computation). Modifies the store (positions, images, forces).
 */
final class Lbfgs {
    /** Armijo constant c₁ (N&amp;W eq. 3.4; their recommended 1e-4). */
    static final double C1 = 1.0e-4;
    /** Hager–Zhang δ of the approximate Wolfe condition (they use 0.1). */
    static final double DELTA = 0.1;
    /** Relative energy resolution ε of the approximate Wolfe acceptance. */
    static final double ENERGY_RESOLUTION = 1.0e-10;
    /** Smallest displacement α max|d| (σ) a line search may try. */
    static final double MIN_STEP = 1.0e-14;
    /** Relative curvature threshold below which a pair (s, y) is not stored. */
    static final double CURVATURE_EPS = 1.0e-14;

    private final Landscape o;
    private final MinimizeOptions opt;
    private final int n3, m;
    private final double invN;
    private final double[][] s, y;
    private final double[] rho, a;
    /** γ = s·y / (y·y) of each stored pair (eq. 7.20), with {@link #dot4} sums. */
    private final double[] gamma;
    private final double[] d, f0, x0;
    private final int[] img0;
    /** Number of stored pairs (≤ m) and the ring-buffer slot of the newest one. */
    private int stored, newest = -1;

    Lbfgs(Landscape o, MinimizeOptions opt) {
        this.o = o;
        this.opt = opt;
        this.n3 = o.forces().length;
        this.m = opt.lbfgsMemory();
        this.invN = 1.0 / o.particles();
        this.s = new double[m][n3];
        this.y = new double[m][n3];
        this.rho = new double[m];
        this.a = new double[m];
        this.gamma = new double[m];
        this.d = new double[n3];
        this.f0 = new double[n3];
        this.x0 = new double[n3];
        this.img0 = new int[n3];
    }

    /**
     * Minimises from the current positions; the objective must hold an evaluation at them.
     * Modifies the store (positions, images, forces).
     */
    StageResult run(long evalBudgetStart) {
        double[] f = o.forces();
        double ftol2 = opt.ftol() * opt.ftol();
        if (opt.ftol() > 0 && Objective.dot(f, f) < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, 0);
        for (int iter = 1; iter <= opt.maxIterations(); iter++) {
            double eprevious = o.energy() * invN;
            StopReason fail = step(evalBudgetStart);
            if (fail != null) return new StageResult(fail, iter);
            double ecurrent = o.energy() * invN;
            double ff = Objective.dot(f, f);
            opt.listener().iteration(Algorithm.LBFGS, iter, o.energy(), Math.sqrt(ff), o.evaluations());
            if (opt.etol() > 0 && Math.abs(ecurrent - eprevious)
                    < opt.etol() * 0.5 * (Math.abs(ecurrent) + Math.abs(eprevious) + ConjugateGradient.EPS_ENERGY)) {
                return new StageResult(StopReason.ENERGY_TOLERANCE, iter);
            }
            if (opt.ftol() > 0 && ff < ftol2) return new StageResult(StopReason.FORCE_TOLERANCE, iter);
            if (budgetSpent(evalBudgetStart)) return new StageResult(StopReason.MAX_FORCE_EVALUATIONS, iter);
        }
        return new StageResult(StopReason.MAX_ITERATIONS, opt.maxIterations());
    }

    /**
     * One iteration: direction, line search, memory update; retried once along F with a cleared
     * memory if the search fails with a non-empty memory.
     *
     * @return null on success, else the reason to stop
     */
    private StopReason step(long evalBudgetStart) {
        while (true) {
            double slope = direction();                  // φ'(0) = −F·d < 0, or NaN / 0
            if (!Double.isFinite(slope)) return StopReason.NON_FINITE;
            double dmaxAbs = Objective.maxAbs(d);
            if (dmaxAbs == 0.0) return StopReason.ZERO_FORCE;
            StopReason r = lineSearch(slope, dmaxAbs, evalBudgetStart);
            if (r != StopReason.LINESEARCH_ZERO_ALPHA || stored == 0) return r;
            stored = 0;                                    // retry along steepest descent
            newest = -1;
        }
    }

    /**
     * Two-loop recursion (class comment) into {@link #d} from the current forces; clears the memory
     * and uses d = F when the result is not downhill.
     *
     * <p>Each update of d is fused with the dot product that the next step needs (one pass over the
     * 3N doubles per stored pair and loop, 2m + 2 passes in all, the copy of F included, instead of 4m + 4); γ comes from the
     * sums kept by {@link #remember}. Every element operation and every partial sum is the one of the
     * unfused recursion, in the same order, so the result is bit-identical to it.
     *
     * @return the slope φ'(0) = −F·d (ε/σ per unit α)
     */
    private double direction() {
        double[] f = o.forces();
        if (stored == 0) {
            System.arraycopy(f, 0, d, 0, n3);
            return -Objective.dot(f, d);
        }
        // first loop, newest → oldest: a_i = ρ_i s_i·q, q ← q − a_i y_i
        int i = newest;
        double dotNext = copyDot4(f, d, s[i]);
        for (int j = 0; j < stored; j++, i = (i - 1 + m) % m) {
            a[i] = rho[i] * dotNext;
            if (j < stored - 1) {
                dotNext = axpyDot4(-a[i], y[i], d, s[(i - 1 + m) % m]);
            } else {   // oldest pair: then r ← γ q, and y_oldest·r for the second loop
                int oldest = i;
                dotNext = axpyScaleDot4(-a[i], y[i], d, gamma[newest], y[oldest]);
            }
        }
        // second loop, oldest → newest: b = ρ_i y_i·r, r ← r + (a_i − b) s_i
        i = (newest - stored + 1 + m) % m;
        double fd = 0;
        for (int j = 0; j < stored; j++, i = (i + 1) % m) {
            double b = rho[i] * dotNext;
            if (j < stored - 1) {
                dotNext = axpyDot4(a[i] - b, s[i], d, y[(i + 1) % m]);
            } else {
                fd = axpyDotSerial(a[i] - b, s[i], d, f);
            }
        }
        if (fd > 0.0 && Double.isFinite(fd)) return -fd;
        stored = 0;                                    // not downhill: reset
        newest = -1;
        System.arraycopy(f, 0, d, 0, n3);
        return -Objective.dot(f, d);
    }

    /**
     * Backtracking search along d (class comment). On success the store holds the accepted point and
     * its forces and the memory is updated; on {@link StopReason#LINESEARCH_ZERO_ALPHA} the store is
     * back at x₀ (re-evaluated); on {@link StopReason#MAX_FORCE_EVALUATIONS} it keeps the trial point
     * if lower than x₀, else goes back; on {@link StopReason#NON_FINITE} it stays at the failing point.
     */
    private StopReason lineSearch(double slope, double dmaxAbs, long evalBudgetStart) {
        double[] f = o.forces();
        o.savePositions(x0, img0);
        System.arraycopy(f, 0, f0, 0, n3);
        double u0 = o.energy();
        double resolution = ENERGY_RESOLUTION * Math.abs(u0);
        double alpha = Math.min(1.0, opt.dmax() / dmaxAbs);
        while (true) {
            if (budgetSpent(evalBudgetStart)) return StopReason.MAX_FORCE_EVALUATIONS;
            double u = trial(alpha);
            if (!o.finite()) return StopReason.NON_FINITE;
            double du = u - u0;
            boolean armijo = du <= C1 * alpha * slope;
            boolean approxWolfe = false;
            if (!armijo && du <= resolution) {
                double slopeAt = -Objective.dot(f, d);
                if (!Double.isFinite(slopeAt)) return StopReason.NON_FINITE;
                approxWolfe = slopeAt <= (2 * DELTA - 1) * slope;
            }
            if (armijo || approxWolfe) {
                remember(alpha);
                return null;
            }
            if (budgetSpent(evalBudgetStart)) {
                if (!(u < u0)) trial(0.0);
                return StopReason.MAX_FORCE_EVALUATIONS;
            }
            double next = -slope * alpha * alpha / (2 * (du - slope * alpha));
            if (!(next >= 0.1 * alpha)) next = 0.1 * alpha;   // also catches NaN
            if (next > 0.5 * alpha) next = 0.5 * alpha;
            alpha = next;
            if (alpha * dmaxAbs < MIN_STEP) {
                trial(0.0);
                return StopReason.LINESEARCH_ZERO_ALPHA;
            }
        }
    }

    /**
     * Stores s = α d, y = F₀ − F(α) in the next ring slot if y·s is clearly positive; otherwise
     * leaves the memory as it was.
     */
    private void remember(double alpha) {
        double[] f = o.forces();
        double ys = 0, ss = 0, yy = 0;
        for (int k = 0; k < n3; k++) {
            double sv = alpha * d[k], yv = f0[k] - f[k];
            ys += yv * sv;
            ss += sv * sv;
            yy += yv * yv;
        }
        if (!(ys > CURVATURE_EPS * Math.sqrt(ss * yy))) return;   // skip the update
        int slot = (newest + 1) % m;
        double[] sk = s[slot], yk = y[slot];
        for (int k = 0; k < n3; k++) {
            sk[k] = alpha * d[k];
            yk[k] = f0[k] - f[k];
        }
        rho[slot] = 1.0 / ys;
        gamma[slot] = dot4(sk, yk) / dot4(yk, yk);   // eq. 7.20 for when this pair is the newest
        newest = slot;
        if (stored < m) stored++;
    }

    /** Moves to x₀ + α d, evaluates, returns U (ε, total). */
    private double trial(double alpha) {
        o.setPositions(x0, img0, alpha, d);
        return o.evaluate();
    }

    private boolean budgetSpent(long evalBudgetStart) {
        return o.evaluations() - evalBudgetStart >= opt.maxForceEvaluations();
    }

    /**
     * {@code Σ_k u_k v_k} with four partial sums (k mod 4), added in a fixed order: as deterministic
     * as a plain loop, without its add-latency chain (the two-loop recursion does 2m + 2 of these per
     * iteration).
     */
    static double dot4(double[] u, double[] v) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int len = u.length, k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += u[k] * v[k];
            s1 += u[k + 1] * v[k + 1];
            s2 += u[k + 2] * v[k + 2];
            s3 += u[k + 3] * v[k + 3];
        }
        for (; k < len; k++) s0 += u[k] * v[k];
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code v ← u} and returns {@code w·v} with the partial sums of {@link #dot4}. Modifies v. */
    static double copyDot4(double[] u, double[] v, double[] w) {
        System.arraycopy(u, 0, v, 0, u.length);
        return dot4(w, v);
    }

    /**
     * {@code v ← v + c u} and returns {@code w·v} (the new v) with the partial sums of {@link #dot4}:
     * {@link #axpyScaleDot4} with g = 1 (multiplying by 1 is exact, so the result is bit-identical). Modifies v.
     */
    static double axpyDot4(double c, double[] u, double[] v, double[] w) {
        return axpyScaleDot4(c, u, v, 1.0, w);
    }

    /** {@code v ← g (v + c u)} and returns {@code w·v} (the new v) with the partial sums of {@link #dot4}. Modifies v. */
    static double axpyScaleDot4(double c, double[] u, double[] v, double g, double[] w) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int len = v.length, k = 0;
        for (; k + 3 < len; k += 4) {
            double v0 = (v[k] + c * u[k]) * g, v1 = (v[k + 1] + c * u[k + 1]) * g;
            double v2 = (v[k + 2] + c * u[k + 2]) * g, v3 = (v[k + 3] + c * u[k + 3]) * g;
            v[k] = v0; v[k + 1] = v1; v[k + 2] = v2; v[k + 3] = v3;
            s0 += w[k] * v0;
            s1 += w[k + 1] * v1;
            s2 += w[k + 2] * v2;
            s3 += w[k + 3] * v3;
        }
        for (; k < len; k++) {
            v[k] = (v[k] + c * u[k]) * g;
            s0 += w[k] * v[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code v ← v + c u} and returns {@code w·v} (the new v) as a plain serial sum in index order ({@link Objective#dot}). Modifies v. */
    static double axpyDotSerial(double c, double[] u, double[] v, double[] w) {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] += c * u[k];
            sum += w[k] * v[k];
        }
        return sum;
    }
}
