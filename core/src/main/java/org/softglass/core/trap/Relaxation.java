package org.softglass.core.trap;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.softglass.core.fit.Line;

/**
 * Equilibrium relaxation of the trap-like model at one temperature ({@code 000} eqs 14–21).
 *
 * <p>The mean overlap (eq 16) Q̄(t) = ∫ dS P_T(S) e^{−k(S,T) t} and the rearrangement rate
 * R(t) = −dQ̄/dt = ∫ dS P_T(S) k(S,T) e^{−k(S,T) t} are computed by adaptive Gauss–Kronrod quadrature
 * ({@link GaussKronrod}) over ⟨S⟩ ± 40σ_S (P_T below e^{−800} outside: zero in double precision),
 * cut into 80 parts of σ_S before refinement, to a relative tolerance of 1e-11. The integrand is formed
 * as exp(ln P_T − k t), so Q̄ keeps its relative accuracy down to values of ~1e-300: times
 * spanning 12 and more decades around τ_Q are safe. χ4(t) = m (Q̄ − Q̄²) (eq 17) for sites of m particles.
 *
 * <p>Times: τ_Q at Q̄ = 1/e, τ_½ at Q̄ = ½ (Brent root of Q̄(e^x) − q in x = ln t, |Δx| ≤ 1e-12),
 * τ_χ and χ4* from a numerical maximisation of χ4 over ln t (Brent, independent of eq 18), and
 * g_Q = τ_Q k(⟨S⟩,T), g_χ = τ_χ k(⟨S⟩,T) (eqs 20–21) with their arguments (γσ_S, δσ_S², δσ_S⟨S⟩).
 *
 * <p>Stretching of Q̄, two measures: the local exponent β(t) = d ln(−ln Q̄)/d ln t
 * = t R(t)/(Q̄ (−ln Q̄)) (exact, 1 for a single exponential, &lt; 1 for a stretched one), reported
 * along the curve and at τ_Q; and a KWW fit Q̄ ≈ exp(−(t/τ_K)^β_K), least squares of ln(−ln Q̄) on
 * ln t over 64 log-spaced times with 0.1 ≤ Q̄ ≤ 0.9 (an unweighted {@link Line}; its means (Σx)/n equal the Σ(x/n) of
 * the hand-written fit it replaced bit for bit, n = 64 being a power of two).
 *
 * <p>Immutable; thread-safe.
 */
public final class Relaxation {
    private final TrapModel model;
    private final double t, mean, sd, logNorm;

    /** @throws IllegalArgumentException for an invalid temperature (see {@link TrapModel#checkTemperature}) */
    public Relaxation(TrapModel model, double temperature) {
        this.model = model;
        this.t = model.checkTemperature(temperature);
        this.mean = model.meanS(temperature);
        this.sd = Math.sqrt(model.varS(temperature));
        this.logNorm = -Math.log(sd * TrapModel.SQRT_2PI);
    }

    /** The temperature. */
    public double temperature() { return t; }

    /** ⟨S⟩ (eq 10). */
    public double meanS() { return mean; }

    /** σ_S = √Var S (eq 11). */
    public double sigmaS() { return sd; }

    private double logP(double s) {
        double z = (s - mean) / sd;
        return logNorm - 0.5 * z * z;
    }

    private double integrate(java.util.function.DoubleUnaryOperator f) {
        return GaussKronrod.integrate(f, mean - 40 * sd, mean + 40 * sd, 80, 1e-11, 1e-300, 20000).value();
    }

    /** Q̄(t) (eq 16); t ≥ 0 in units of τ. */
    public double overlap(double time) {
        checkTime(time);
        if (time == 0) return 1;
        return Math.min(1, integrate(s -> Math.exp(logP(s) - model.rate(s, t) * time)));
    }

    /** R(t) = −dQ̄/dt = ∫ P_T k e^{−kt} dS, the rate at which unrelaxed sites relax, per site. */
    public double relaxationRate(double time) {
        checkTime(time);
        return integrate(s -> {
            double lk = model.logRate(s, t);
            return Math.exp(logP(s) + lk - Math.exp(lk) * time);
        });
    }

    /** χ4(t) = m(Q̄ − Q̄²) (eq 17). */
    public double chi4(double time, double m) {
        double q = overlap(time);
        return m * (q - q * q);
    }

    /** β(t) = d ln(−ln Q̄)/d ln t = t R/(Q̄(−ln Q̄)); NaN where Q̄ is 0 or 1 to double precision. */
    public double localStretching(double time) {
        double q = overlap(time);
        double lq = -Math.log(q);
        if (!(lq > 0) || !Double.isFinite(lq)) return Double.NaN;
        return time * relaxationRate(time) / (q * lq);
    }

    private static void checkTime(double time) {
        if (!(time >= 0) || !Double.isFinite(time)) throw new IllegalArgumentException("time must be finite and >= 0, got " + time);
    }

    /**
     * The time at which Q̄ = q.
     *
     * @param q in (0, 1)
     */
    public double timeAt(double q) {
        if (!(q > 0 && q < 1)) throw new IllegalArgumentException("overlap level must be in (0, 1), got " + q);
        double x0 = -model.logRate(mean, t);
        double lo = x0, hi = x0;
        for (int i = 0; overlap(Math.exp(lo)) < q; i++) { lo -= Math.log(10); if (i > 400) throw new IllegalStateException("cannot bracket Q = " + q); }
        for (int i = 0; overlap(Math.exp(hi)) > q; i++) { hi += Math.log(10); if (i > 400) throw new IllegalStateException("cannot bracket Q = " + q); }
        if (lo == hi) return Math.exp(lo);
        double x = new BrentSolver(1e-15, 1e-12, 1e-16).solve(1000, v -> overlap(Math.exp(v)) - q, lo, hi);
        return Math.exp(x);
    }

    /** Q̄, χ4 and β at the given times. */
    public record Curve(double[] times, double[] overlap, double[] chi4, double[] stretching) {}

    /**
     * Q̄(t), χ4(t) = m(Q̄ − Q̄²) and, when {@code withStretching}, β(t) at every time (NaN otherwise).
     *
     * @param times times ≥ 0 (not modified)
     * @param m particles per site
     */
    public Curve curve(double[] times, double m, boolean withStretching) {
        int n = times.length;
        double[] q = new double[n], c = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = overlap(times[i]);
            c[i] = m * (q[i] - q[i] * q[i]);
            if (withStretching) {
                double lq = -Math.log(q[i]);
                b[i] = lq > 0 && Double.isFinite(lq) ? times[i] * relaxationRate(times[i]) / (q[i] * lq) : Double.NaN;
            } else {
                b[i] = Double.NaN;
            }
        }
        return new Curve(times.clone(), q, c, b);
    }


    /**
     * Relaxation summary.
     *
     * @param tauQ τ_Q (Q̄ = 1/e)
     * @param tauHalf τ_½ (Q̄ = ½)
     * @param tauChi τ_χ, maximiser of χ4
     * @param chi4Star χ4(τ_χ)
     * @param kMean k(⟨S⟩, T)
     * @param gQ τ_Q k(⟨S⟩,T) (eq 20)
     * @param gChi τ_χ k(⟨S⟩,T) (eq 21)
     * @param gammaSigma γσ_S, the first argument of g
     * @param deltaSigma2 δσ_S²
     * @param deltaSigmaMean δσ_S⟨S⟩
     * @param betaAtTauQ β(τ_Q), the local stretching exponent
     * @param betaKww KWW exponent of the fit over 0.1 ≤ Q̄ ≤ 0.9
     * @param tauKww KWW time of that fit
     */
    public record Summary(double tauQ, double tauHalf, double tauChi, double chi4Star, double kMean, double gQ, double gChi,
                          double gammaSigma, double deltaSigma2, double deltaSigmaMean, double betaAtTauQ,
                          double betaKww, double tauKww) {}

    /** The relaxation times, g_Q, g_χ and stretching for sites of m particles. */
    public Summary summary(double m) {
        double tauQ = timeAt(Math.exp(-1)), tauHalf = timeAt(0.5);
        double t9 = timeAt(0.9), t1 = timeAt(0.1);
        var opt = new BrentOptimizer(1e-10, 1e-14).optimize(new MaxEval(2000),
                new UnivariateObjectiveFunction(x -> chi4(Math.exp(x), m)), GoalType.MAXIMIZE,
                new SearchInterval(Math.log(t9), Math.log(t1), Math.log(tauHalf)));
        double tauChi = Math.exp(opt.getPoint()), chiStar = opt.getValue();
        double k = model.rate(mean, t);
        double betaQ = tauQ * relaxationRate(tauQ) * Math.E;
        // KWW: ln(-ln Q) = beta ln t - beta ln tauK
        double[] ts = org.softglass.core.util.Grids.logSpaced(t9, t1, 64);
        int n = ts.length;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Math.log(ts[i]);
            ys[i] = Math.log(-Math.log(overlap(ts[i])));
        }
        Line kww = Line.fit(xs, ys);
        double beta = kww.slope();
        double icept = kww.intercept();
        double tauK = Math.exp(-icept / beta);
        double g = model.gamma(t), d = model.delta(t);
        return new Summary(tauQ, tauHalf, tauChi, chiStar, k, tauQ * k, tauChi * k, g * sd, d * sd * sd, d * sd * mean,
                betaQ, beta, tauK);
    }
}
