package org.softglass.core.trap;

import org.softglass.core.stats.Descriptive;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stochastic check of the trap-like model: M independent sites simulated exactly (continuous-time
 * Monte Carlo). A site of softness S waits an exponential time of rate k(S,T) (eq 4), rearranges, and
 * draws its new softness from ϱ(S) = N(S0, σ0²); nothing else is approximated, so averages over sites
 * agree with the quadrature ({@link Relaxation}) and the master equation ({@link AgingSolver}) within
 * sampling error: a fraction f of M sites has standard error √(f(1−f)/M), a mean of S has σ_S/√M.
 *
 * <p>Random numbers: one {@link SplittableRandom} seeded with {@code seed}; sites are simulated in order,
 * so the same seed gives the same result. Stateless; thread-safe.
 */
public final class SiteSimulation {
    private SiteSimulation() {}

    /**
     * The overlap of M sites started in equilibrium at T: each S_i is drawn from P_T(S) (eqs 10–11) and
     * q_i(t) = 1 until the site's first rearrangement, an exponential time of rate k(S_i,T).
     *
     * @param times times t ≥ 0 (not modified)
     * @return Q(t) = (1/M) Σ q_i(t) at each time
     */
    public static double[] overlap(TrapModel model, double t, int sites, long seed, double[] times) {
        model.checkTemperature(t);
        if (sites < 1) throw new IllegalArgumentException("need at least 1 site, got " + sites);
        SplittableRandom rng = new SplittableRandom(seed);
        double mu = model.meanS(t), sd = Math.sqrt(model.varS(t));
        double[] first = new double[sites];
        for (int i = 0; i < sites; i++) {
            double s = mu + sd * rng.nextGaussian();
            first[i] = rng.nextExponential() / model.rate(s, t);
        }
        Arrays.sort(first);
        double[] q = new double[times.length];
        for (int j = 0; j < times.length; j++) {
            q[j] = (double) (sites - countAtMost(first, times[j])) / sites;
        }
        return q;
    }

    /** The number of entries of the sorted array a that are ≤ x. */
    private static int countAtMost(double[] a, double x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /**
     * Mean softness and its standard error at the given times.
     *
     * @param times t_w
     * @param mean ⟨S(t_w)⟩ over sites
     * @param stdError sample standard deviation of S(t_w) / √M
     * @param rearrangements total number of rearrangements simulated
     */
    public record Aging(double[] times, double[] mean, double[] stdError, long rearrangements) {}

    /**
     * Aging: M sites start from equilibrium at T_I (P_{T_I}, eqs 10–11), then evolve at T_F; the
     * softness of every site is recorded at each t_w.
     *
     * @param times increasing t_w ≥ 0 (not modified)
     */
    public static Aging aging(TrapModel model, double tInitial, double tFinal, int sites, long seed, double[] times) {
        model.checkTemperature(tInitial);
        model.checkTemperature(tFinal);
        if (sites < 2) throw new IllegalArgumentException("need at least 2 sites, got " + sites);
        for (int j = 1; j < times.length; j++) if (!(times[j] > times[j - 1])) throw new IllegalArgumentException("times must increase");
        SplittableRandom rng = new SplittableRandom(seed);
        double mu = model.meanS(tInitial), sd = Math.sqrt(model.varS(tInitial));
        int nt = times.length;
        double[] sum = new double[nt], sum2 = new double[nt];
        long events = 0;
        for (int i = 0; i < sites; i++) {
            double s = mu + sd * rng.nextGaussian();
            double now = rng.nextExponential() / model.rate(s, tFinal);   // time of the next rearrangement
            for (int j = 0; j < nt; j++) {
                while (now <= times[j]) {
                    s = model.s0() + model.sigma0() * rng.nextGaussian();
                    now += rng.nextExponential() / model.rate(s, tFinal);
                    events++;
                }
                sum[j] += s;
                sum2[j] += s * s;
            }
        }
        double[] mean = new double[nt], err = new double[nt];
        for (int j = 0; j < nt; j++) {
            mean[j] = sum[j] / sites;
            err[j] = Descriptive.standardErrorFromSums(sites, sum[j], sum2[j]);   // s_{n−1}/√n over the sites
        }
        return new Aging(times.clone(), mean, err, events);
    }
}
