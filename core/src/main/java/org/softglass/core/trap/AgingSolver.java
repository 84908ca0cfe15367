package org.softglass.core.trap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hipparchus.special.Erf;

/**
 * Aging in the trap-like model: the master equation (eq 5 of {@code 000})
 * dP/dt = −k(S,T_F) P + (∫ k P dS) ϱ(S) after a quench from equilibrium at T_I to T_F, on a uniform
 * grid of n bins.
 *
 * <p><b>Discretisation.</b> Bin i (centre s_i, width Δ) holds the probability p_i; ϱ is represented by
 * its exact bin masses r_i (error-function differences, renormalised to Σr = 1 on the grid) and the
 * rate by k_i = k(s_i, T_F). The grid spans the union of ϱ, P_{T_I} and P_{T_F} ± 12 standard deviations
 * (neglected mass &lt; 1e-32). The discrete equation dp_i/dt = −k_i p_i + J r_i with J = Σ k_j p_j
 * conserves Σp and has the stationary state p_i ∝ r_i/k_i, the bin-sampled eq 7.
 *
 * <p><b>Time integration</b> (exploits the diagonal-plus-rank-one structure; O(n) per step). Over a
 * step [t, t+h] each bin is integrated exactly given the flux J(t+u):
 * p_i(t+h) = p_i(t) e^{−k_i h} + r_i ∫_0^h J(t+u) e^{−k_i(h−u)} du, with J linear in u between J_n and
 * J_{n+1}; the integrals are h[(1−E)/z − b(z)] and h b(z), z = k_i h, E = e^{−z},
 * b = (z − 1 + E)/z² (series for z &lt; 1e-3). Since J_{n+1} = Σ k_i p_i(t+h) is linear in itself it is
 * solved for exactly: J_{n+1} = (Σ k_i p_i E_i + J_n Σ k_i r_i h(a_i − b_i)) / Σ r_i a_i, a = (1−E)/z.
 * The scheme is unconditionally stable (stiff bins, z ≫ 1, relax to their quasi-static value r_i J/k_i),
 * keeps the discrete stationary state exactly (constant J is integrated exactly) and is second order
 * in h.
 * Per bin a = (1 − E)/z and b = (z − 1 + E)/z² come from their Taylor series (8 terms, truncation
 * &lt; 1e-16) for z &lt; 0.05 and from the closed forms otherwise (relative error ≲ 2e-13 at the switch). The mass Σp drifts by O(h³) per step; it is renormalised to 1 after every step and the largest
 * relative correction is reported ({@link Result#maxMassDefect()}). Steps are geometric in t (ratio
 * 10^{1/stepsPerDecade}; the local error is O((h/t)²) per unit ln t), starting from
 * t = 1e-3/max k_i, so one run covers any number of decades at a fixed cost per decade.
 * Measured accuracy: see the tests ({@code AgingSolverTest}) and README.
 *
 * <p>Not thread-safe (holds scratch arrays); cheap to construct.
 */
public final class AgingSolver {
    private final TrapModel model;
    private final double tI, tF;
    private final int n;
    private final double lo, width;
    private final double[] s, r, k, logR;
    private final double[] sums = new double[3];

    /**
     * @param model the model
     * @param tInitial T_I, the equilibrium temperature before the quench
     * @param tFinal T_F, the bath temperature after it
     * @param bins number of S bins (≥ 16)
     * @throws IllegalArgumentException for invalid temperatures or bins
     */
    public AgingSolver(TrapModel model, double tInitial, double tFinal, int bins) {
        if (bins < 16) throw new IllegalArgumentException("aging: need at least 16 bins, got " + bins);
        this.model = model;
        this.tI = model.checkTemperature(tInitial);
        this.tF = model.checkTemperature(tFinal);
        this.n = bins;
        double sI = Math.sqrt(model.varS(tI)), sF = Math.sqrt(model.varS(tF));
        double mI = model.meanS(tI), mF = model.meanS(tF);
        double a = Math.min(model.s0() - 12 * model.sigma0(), Math.min(mI - 12 * sI, mF - 12 * sF));
        double b = Math.max(model.s0() + 12 * model.sigma0(), Math.max(mI + 12 * sI, mF + 12 * sF));
        this.lo = a;
        this.width = (b - a) / n;
        s = new double[n]; r = new double[n]; k = new double[n]; logR = new double[n];
        double sum = 0;
        double c = 1 / (Math.sqrt(2) * model.sigma0());
        for (int i = 0; i < n; i++) {
            double e0 = lo + i * width, e1 = lo + (i + 1) * width;
            s[i] = 0.5 * (e0 + e1);
            r[i] = 0.5 * Erf.erf((e0 - model.s0()) * c, (e1 - model.s0()) * c);
            sum += r[i];
        }
        for (int i = 0; i < n; i++) {
            r[i] /= sum;
            logR[i] = Math.log(r[i]);
            k[i] = model.rate(s[i], tF);
            if (!Double.isFinite(k[i])) throw new org.softglass.core.util.NumericalFailure(String.format(
                    "aging: the rate k(S = %.4g, T_F = %.4g) overflows (ln k = %.4g); the barrier parameters give unbounded rates on the S grid",
                    s[i], tF, model.logRate(s[i], tF)));
        }
    }

    /** Bin centres s_i (a copy). */
    public double[] centers() { return s.clone(); }

    /** Bin width Δ. */
    public double binWidth() { return width; }

    /** The bin masses r_i of ϱ (a copy). */
    public double[] rhoMasses() { return r.clone(); }

    /** The rates k_i = k(s_i, T_F) (a copy). */
    public double[] rates() { return k.clone(); }

    /**
     * The stationary state of the discretised master equation at temperature T: p_i ∝ r_i/k(s_i,T),
     * normalised; at T = T_I the initial condition of {@link #run}.
     */
    public double[] stationary(double temperature) {
        model.checkTemperature(temperature);
        double[] p = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { p[i] = logR[i] - model.logRate(s[i], temperature); max = Math.max(max, p[i]); }
        double sum = 0;
        for (int i = 0; i < n; i++) { p[i] = Math.exp(p[i] - max); sum += p[i]; }
        for (int i = 0; i < n; i++) p[i] /= sum;
        return p;
    }

    /** A snapshot of the distribution: time and P_tw(s_i) = p_i/Δ. */
    public record Snapshot(double time, double[] density) {}

    /**
     * The aging run.
     *
     * @param times output times t_w
     * @param meanS ⟨S(t_w)⟩
     * @param varS Var S(t_w)
     * @param flux J(t_w) = Σ k_i p_i, rearrangements per site per unit time
     * @param snapshots P_tw(S) at every {@code snapshotEvery}-th output time (and the last)
     * @param steps time steps taken
     * @param maxMassDefect largest |Σp − 1| corrected after a step
     */
    public record Result(double[] times, double[] meanS, double[] varS, double[] flux, List<Snapshot> snapshots,
                         long steps, double maxMassDefect) {}

    /**
     * Integrates from t = 0 (p = {@code initial}, or the discrete equilibrium at T_I when null) to twMax.
     *
     * @param twMin first output time (&gt; 0)
     * @param twMax last output time (&gt; twMin)
     * @param outputsPerDecade output times per decade (log-spaced; ≥ 1)
     * @param stepsPerOutput geometric time steps between outputs (≥ 1); steps per decade =
     *     outputsPerDecade × stepsPerOutput
     * @param snapshotEvery keep P_tw(S) every this many outputs (0: none but the last)
     * @param initial initial p_i summing to 1 (not modified), or null
     * @param progress called with the number of outputs done, or null
     */
    public Result run(double twMin, double twMax, int outputsPerDecade, int stepsPerOutput, int snapshotEvery,
                      double[] initial, IntConsumer progress) {
        if (!(twMin > 0) || !(twMax > twMin) || !Double.isFinite(twMax))
            throw new IllegalArgumentException("aging: need 0 < tw-min < tw-max, got " + twMin + ", " + twMax);
        if (outputsPerDecade < 1 || stepsPerOutput < 1) throw new IllegalArgumentException("aging: outputs per decade and steps per output must be >= 1");
        if (initial != null && initial.length != n) throw new IllegalArgumentException("aging: initial state has " + initial.length + " bins, expected " + n);
        double decades = Math.log10(twMax / twMin);
        int nOut = Math.max(2, (int) Math.round(decades * outputsPerDecade) + 1);
        double[] tw = org.softglass.core.util.Grids.logSpaced(twMin, twMax, nOut);
        double[] p = initial == null ? stationary(tI) : initial.clone();
        double[] e = new double[n], pa = new double[n], pb = new double[n];
        double kmax = 0;
        for (double v : k) kmax = Math.max(kmax, v);
        double ratio = Math.pow(tw[1] / tw[0], 1.0 / stepsPerOutput);
        double tFirst = Math.min(twMin, 1e-3 / kmax);
        double j = 0;
        for (int i = 0; i < n; i++) j += k[i] * p[i];
        double[] state = {0, j, 0}; // t, J, max defect
        long steps = 0;
        // prelude: 0 -> tFirst, then geometric up to twMin
        steps += step(p, e, pa, pb, tFirst, state);
        while (state[0] < twMin) {
            double next = Math.min(twMin, state[0] * ratio);
            if (next < twMin && twMin / next < 1 + 1e-9) next = twMin;
            steps += step(p, e, pa, pb, next - state[0], state);
            state[0] = next;
        }
        double[] mean = new double[nOut], var = new double[nOut], flux = new double[nOut];
        List<Snapshot> snaps = new ArrayList<>();
        for (int o = 0; o < nOut; o++) {
            if (o > 0) {
                for (int q = 1; q <= stepsPerOutput; q++) {
                    double next = q == stepsPerOutput ? tw[o] : tw[o - 1] * Math.pow(ratio, q);
                    steps += step(p, e, pa, pb, next - state[0], state);
                    state[0] = next;
                }
            }
            double m1 = 0, m2 = 0;
            for (int i = 0; i < n; i++) m1 += s[i] * p[i];
            for (int i = 0; i < n; i++) { double d = s[i] - m1; m2 += d * d * p[i]; }
            mean[o] = m1; var[o] = m2; flux[o] = state[1];
            if ((snapshotEvery > 0 && o % snapshotEvery == 0) || o == nOut - 1) {
                double[] dens = new double[n];
                for (int i = 0; i < n; i++) dens[i] = p[i] / width;
                snaps.add(new Snapshot(tw[o], dens));
            }
            if (progress != null) progress.accept(o + 1);
        }
        return new Result(tw, mean, var, flux, List.copyOf(snaps), steps, state[2]);
    }

    /** One step of length h; state = {t (advanced by the caller, except for the first step), J, max defect}. */
    private int step(double[] p, double[] e, double[] pa, double[] pb, double h, double[] state) {
        if (state[0] == 0) state[0] = h;
        double jn = state[1];
        coefficients(k, r, p, h, e, pa, pb, 0, n, sums);
        double j1 = (sums[0] + jn * sums[1]) / sums[2];
        double mass = 0;
        for (int i = 0; i < n; i++) {
            p[i] = p[i] * e[i] + r[i] * (jn * pa[i] + j1 * pb[i]);
            mass += p[i];
        }
        double inv = 1 / mass;
        for (int i = 0; i < n; i++) p[i] *= inv;
        state[1] = j1 * inv;
        state[2] = Math.max(state[2], Math.abs(mass - 1));
        return 1;
    }

    /**
     * Pass 1 of a step on bins [from, to): e_i = E, pa_i = h(a − b), pb_i = h b; t = {Σ k p E, Σ k r pa, Σ r a}.
     * Reads k, r, p; writes e, pa, pb, t.
     */
    static void coefficients(double[] k, double[] r, double[] p, double h, double[] e, double[] pa, double[] pb,
                      int from, int to, double[] t) {
        double kpe = 0, kra = 0, den = 0;
        for (int i = from; i < to; i++) {
            double z = k[i] * h, ee = Math.exp(-z), a1, b1;
            if (z < 0.05) {
                a1 = 1 - z * (1.0 / 2 - z * (1.0 / 6 - z * (1.0 / 24 - z * (1.0 / 120 - z * (1.0 / 720 - z * (1.0 / 5040 - z * (1.0 / 40320)))))));
                b1 = 1.0 / 2 - z * (1.0 / 6 - z * (1.0 / 24 - z * (1.0 / 120 - z * (1.0 / 720 - z * (1.0 / 5040 - z * (1.0 / 40320 - z * (1.0 / 362880)))))));
            } else {
                double inv = 1 / z;
                a1 = (1 - ee) * inv;
                b1 = (1 - a1) * inv;
            }
            e[i] = ee;
            pa[i] = h * (a1 - b1);
            pb[i] = h * b1;
            kpe += k[i] * p[i] * ee;
            kra += k[i] * r[i] * pa[i];
            den += r[i] * a1;
        }
        t[0] = kpe; t[1] = kra; t[2] = den;
    }
}
