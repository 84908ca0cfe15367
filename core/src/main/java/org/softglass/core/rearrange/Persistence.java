package org.softglass.core.rearrange;

import java.util.Arrays;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trsp.TrspAnalysis;
import org.softglass.core.util.Grids;

/**
 * Persistence Q(t) and the dynamical susceptibility χ4(t) of the particles' rearrangements, measured
 * on MD p_hop (the MD side of the comparison with the trap-like model, {@code 000} eqs 14–17, and the
 * TRSP lattice model, {@code 002} eqs 31–32).
 *
 * <p><b>Definition.</b> Particle i is <em>rearranging at frame f</em> when {@code p_hop_i(f) > p_c}
 * (strict; default p_c = 0.2, the P(R|S) threshold of DESIGN §4). Its persistence over the lag of k
 * frames from origin t0 is
 * <pre>  n_i(t0, k) = 1 if i is not rearranging at any frame f ∈ [t0, t0 + k], else 0,</pre>
 * the indicator q_i / I_i of {@code 000} eq 14 and {@code 002} eq 31 ("has not rearranged"). Over the N
 * selected particles
 * <pre>  Q(t0, k) = (1/N) Σ_i n_i(t0, k),
 *  Q(k)  = ⟨Q(t0, k)⟩,     χ4(k) = N ⟨(Q(t0, k) − Q(k))²⟩     ({@code 000} eq 15, {@code 002} eq 32: N Var Q),</pre>
 * where ⟨·⟩ is the plain mean over the n_k origins t0 for which every frame of [t0, t0 + k] is defined
 * (not NaN) for every selected particle (the variance is the biased one, divided by n_k). The lag k is
 * shown as the time t = k Δ (τ), Δ the frame spacing; so Q(0) = 1 − (fraction rearranging at one
 * frame), not 1. For independent particles χ4 = Q(1 − Q) up to O(1/n_k) ({@code 000} eq 17 with m = 1);
 * if all particles rearrange together, χ4 = N Q(1 − Q).
 *
 * <p><b>Summary numbers.</b> τ_Q: the first time Q falls to 1/e, by linear interpolation of Q in ln t
 * between the two lags around the crossing (in t if the lower one is lag 0); NaN if never reached.
 * τ_χ, χ4*: the peak of χ4 over the lags k ≥ 1 with at least 2 origins, refined by a parabola in
 * (ln t, χ4) through the grid maximum and its neighbours ({@link TrspAnalysis#peak}, as for the TRSP model).
 *
 * <p><b>Error of Q.</b> Q(t0, k) is correlated over origins (windows overlap for |t0 − t0'| ≤ k, and
 * the dynamics has its own memory), so its standard error is blocked (Flyvbjerg &amp; Petersen 1989):
 * the n_k values in origin order are cut into ⌊n_k/b⌋ consecutive blocks of b = 1, 2, 4, … origins
 * (the last n_k mod b dropped), the naive standard error of the block means is taken at every b that
 * leaves at least {@value #MIN_BLOCKS} blocks, and the largest is reported; NaN if n_k &lt; {@value #MIN_BLOCKS}.
 * When n_k is not large against {@value #MIN_BLOCKS}·(k + τ_Q/Δ) no block is long enough to decorrelate
 * and the error is an underestimate; independent trajectories are then the only honest error.
 *
 * <p><b>Cost.</b> One backward pass per particle finds, for each frame f, the next frame ≥ f at which the
 * particle rearranges; n_i(t0, k) = [next_i(t0) &gt; t0 + k]. The waiting times are histogrammed per
 * frame over the lag bins, so the whole computation is O(F·N + F·L·T) (L lags, T threads), memory
 * T·F·(L + 1) ints besides the input. Particles are split over the workers; the per-worker counts are
 * integers, so the result is bit-identical for every thread count.
 */
public final class Persistence {
    /** The default threshold p_c (σ²): p_hop &gt; 0.2 counts as rearranging (DESIGN §4, P(R|S)). */
    public static final double DEFAULT_PC = 0.2;
    /** Minimum number of blocks for the blocked standard error of Q. */
    public static final int MIN_BLOCKS = 16;

    private Persistence() {}

    /**
     * Q(t), χ4(t) on a lag grid, with the summary numbers.
     *
     * @param lags        lags k (frames), strictly increasing, ≥ 0
     * @param times       t = k Δ (τ)
     * @param q           Q(k), NaN where no origin
     * @param qErr        blocked standard error of Q(k) (see the class comment), NaN where fewer than
     *                    {@value #MIN_BLOCKS} origins
     * @param chi4        χ4(k) = N Var Q, NaN where no origin
     * @param origins     n_k, the number of origins averaged at each lag
     * @param particles   N, the number of selected particles
     * @param frameSpacing Δ (τ)
     * @param pc          the threshold p_c (σ²)
     * @param tauQ        τ_Q (τ), Q(τ_Q) = 1/e; NaN if Q stays above 1/e
     * @param tauChi      τ_χ (τ), the position of the χ4 peak; NaN if no lag ≥ 1 has 2 origins
     * @param chi4Star    χ4* = χ4(τ_χ); NaN as τ_χ
     */
    public record Result(int[] lags, double[] times, double[] q, double[] qErr, double[] chi4, int[] origins,
                         int particles, double frameSpacing, double pc, double tauQ, double tauChi, double chi4Star) {}

    /**
     * Computes Q(k) and χ4(k) for the given lags.
     *
     * @param phop      p_hop (σ²), F × N row-major: {@code phop[f·N + i]} is particle column i at frame f
     *                  (the layout of {@code phop.npy}); NaN where undefined. Not modified.
     * @param frames    F ≥ 2
     * @param particles N (columns) ≥ 1
     * @param times     the F frame times (τ), uniformly spaced (|t_f − t_0 − fΔ| ≤ 1e-6 Δ), Δ &gt; 0. Not modified.
     * @param pc        threshold p_c &gt; 0 (finite)
     * @param mask      the selected columns ({@code mask[i]}), or null for all; at least one. Not modified.
     * @param lags      lags in frames, at least one, strictly increasing, ≥ 0; lags with no valid origin give NaN. Not modified.
     * @param par       the worker team (any thread count gives the same result)
     * @throws IllegalArgumentException for inconsistent sizes, p_c ≤ 0, non-uniform times, an empty mask or bad lags
     */
    public static Result compute(double[] phop, int frames, int particles, double[] times, double pc,
                                 boolean[] mask, int[] lags, Parallel par) {
        int[] sel = selected(phop, frames, particles, mask);
        double spacing = spacing(times, frames);
        if (!(pc > 0) || !Double.isFinite(pc)) throw new IllegalArgumentException("p_c must be finite and > 0, got " + pc);
        checkLags(lags);
        int nl = lags.length, n = sel.length, F = frames;
        int maxLag = lags[nl - 1];
        // bin[d] = number of lags < d, d = min(waiting time, cap): a particle whose next rearrangement
        // is d frames after t0 persists at exactly the lags k < d (lags ≥ F have no origin)
        int cap = Math.min(maxLag, F) + 1;
        int[] bin = new int[cap + 1];
        for (int d = 0, j = 0; d <= cap; d++) {
            while (j < nl && lags[j] < d) j++;
            bin[d] = j;
        }
        int w = nl + 1, threads = par.threads();
        int[][] hist = new int[threads][];
        int[][] undefined = new int[threads][];
        int chunk = Math.max(16, (n + 4 * threads - 1) / (4 * threads));
        par.forChunksStatic(n, chunk, (worker, c, from, to) -> {
            if (hist[worker] == null) {
                hist[worker] = new int[F * w];
                undefined[worker] = new int[F];
            }
            int[] h = hist[worker], u = undefined[worker];
            int m = to - from;
            int[] next = new int[m];
            Arrays.fill(next, Integer.MAX_VALUE / 2);
            for (int f = F - 1; f >= 0; f--) {
                int row = f * particles;
                for (int s = 0; s < m; s++) {
                    double p = phop[row + sel[from + s]];
                    if (p > pc) next[s] = f;
                    else if (Double.isNaN(p)) u[f]++;
                    h[f * w + bin[Math.min(next[s] - f, cap)]]++;
                }
            }
        });
        // count[f][b] summed over workers (integers: exact in any order), then turned into suffix sums
        // Σ_{b' ≥ b}: the survivors of lag j from origin f are count[f][j + 1]
        int[] count = new int[F * w];
        boolean[] defined = new boolean[F];
        Arrays.fill(defined, true);
        for (int t = 0; t < threads; t++) {
            if (hist[t] == null) continue;
            for (int i = 0; i < count.length; i++) count[i] += hist[t][i];
            for (int f = 0; f < F; f++) if (undefined[t][f] > 0) defined[f] = false;
        }
        for (int f = 0; f < F; f++) for (int b = w - 2; b >= 0; b--) count[f * w + b] += count[f * w + b + 1];
        // nextUndefined[f]: first frame ≥ f with an undefined selected particle (F if none)
        int[] nextUndefined = new int[F + 1];
        nextUndefined[F] = F;
        for (int f = F - 1; f >= 0; f--) nextUndefined[f] = defined[f] ? nextUndefined[f + 1] : f;

        LagStatistics st = lagStatistics(lags, spacing, n, F, (j, k, series) -> {
            int no = 0;
            for (int t0 = 0; t0 + k < F; t0++) {
                if (nextUndefined[t0] <= t0 + k) continue;
                series[no++] = (double) count[t0 * w + j + 1] / n;
            }
            return no;
        });
        double tauQ = tauQ(st.t(), st.q());
        double[] peak = peak(st.t(), st.chi4(), st.origins());
        return new Result(lags.clone(), st.t(), st.q(), st.qErr(), st.chi4(), st.origins(), n, spacing, pc, tauQ, peak[0], peak[1]);
    }

    /**
     * The lag grid of the command: 0, then {@code perDecade} log-spaced values per decade from 1 to
     * {@code maxLag} ({@link Grids#logSpaced}), rounded and de-duplicated; always contains 0, 1 and maxLag.
     *
     * @param maxLag    the largest lag (frames), ≥ 1
     * @param perDecade points per decade, ≥ 1
     */
    public static int[] logLags(int maxLag, int perDecade) {
        if (maxLag < 1) throw new IllegalArgumentException("the largest lag must be >= 1 frame, got " + maxLag);
        if (perDecade < 1) throw new org.softglass.core.util.InvalidParameter("{perDecade} must be >= 1, got " + perDecade);
        if (maxLag == 1) return new int[] {0, 1};
        int points = (int) Math.ceil(perDecade * Math.log10(maxLag)) + 1;
        double[] g = Grids.logSpaced(1, maxLag, Math.max(2, points));
        int[] out = new int[g.length + 1];
        int m = 1;
        for (double v : g) {
            int k = (int) Math.round(v);
            if (k > out[m - 1]) out[m++] = k;
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The longest run of consecutive frames at which every selected particle has a defined (non-NaN)
     * p_hop; the largest lag with an origin is this minus 1.
     *
     * @param phop      F × N row-major p_hop (σ²), NaN where undefined; not modified
     * @param frames    F
     * @param particles N
     * @param mask      selected columns, or null for all; not modified
     * @return the run length in frames (0 if no frame is defined)
     */
    public static int longestDefinedRun(double[] phop, int frames, int particles, boolean[] mask) {
        int[] sel = selected(phop, frames, particles, mask);
        int best = 0, run = 0;
        for (int f = 0; f < frames; f++) {
            boolean ok = true;
            for (int i : sel) {
                if (Double.isNaN(phop[f * particles + i])) { ok = false; break; }
            }
            run = ok ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static int[] selected(double[] phop, int frames, int particles, boolean[] mask) {
        if (frames < 1 || particles < 1) throw new IllegalArgumentException("need F >= 1 frames and N >= 1 particles, got " + frames + " x " + particles);
        if ((long) frames * particles != phop.length) {
            throw new IllegalArgumentException("p_hop has " + phop.length + " values, expected F x N = " + frames + " x " + particles);
        }
        if (mask != null && mask.length != particles) throw new IllegalArgumentException("mask has " + mask.length + " entries, expected N = " + particles);
        int[] sel = new int[particles];
        int n = 0;
        for (int i = 0; i < particles; i++) if (mask == null || mask[i]) sel[n++] = i;
        if (n == 0) throw new IllegalArgumentException("no particle selected");
        return Arrays.copyOf(sel, n);
    }

    private static double spacing(double[] times, int frames) {
        if (times.length != frames) throw new IllegalArgumentException("times has " + times.length + " entries, expected F = " + frames);
        if (frames < 2) throw new IllegalArgumentException("need at least 2 frames, got " + frames);
        double d = (times[frames - 1] - times[0]) / (frames - 1);
        if (!(d > 0) || !Double.isFinite(d)) throw new IllegalArgumentException("frame times must increase, got t_0 = " + times[0] + ", t_last = " + times[frames - 1]);
        for (int f = 0; f < frames; f++) {
            if (!(Math.abs(times[f] - times[0] - f * d) <= 1e-6 * d)) {
                throw new IllegalArgumentException("frame times must be uniformly spaced: t_" + f + " = " + times[f] + ", expected " + (times[0] + f * d));
            }
        }
        return d;
    }

    private static void checkLags(int[] lags) {
        if (lags.length == 0) throw new IllegalArgumentException("need at least one lag");
        for (int j = 0; j < lags.length; j++) {
            if (lags[j] < 0 || (j > 0 && lags[j] <= lags[j - 1])) {
                throw new IllegalArgumentException("lags must be >= 0 and strictly increasing, got " + Arrays.toString(lags));
            }
        }
    }

    /** The values of Q at one lag, one per time origin: what {@link #lagStatistics} reduces. */
    @FunctionalInterface
    public interface OriginSeries {
        /**
         * Writes Q of each usable time origin at lag index {@code j} (lag {@code k} frames) into {@code series}, in
         * origin order, and returns how many it wrote.
         */
        int fill(int j, int k, double[] series);
    }

    /**
     * Q(t) and χ4(t) of a lag grid from per-origin overlaps, as {@link Persistence} and
     * {@link org.softglass.core.dynamics.InherentOverlap} report them (all arrays indexed by lag).
     *
     * @param t       lag times, k × frame spacing
     * @param q       the mean of Q over the origins
     * @param qErr    its blocked standard error ({@link #blockedError})
     * @param chi4    N × the variance of Q over the origins (divisor: the origin count)
     * @param origins the origins averaged
     */
    public record LagStatistics(double[] t, double[] q, double[] qErr, double[] chi4, int[] origins) {}

    /**
     * Reduces the per-origin Q of every lag: mean, blocked error, χ4 = N Var Q and the origin count, in lag order.
     *
     * @param lags     lags in frames
     * @param spacing  time between frames
     * @param n        particles counted (N of χ4)
     * @param capacity the most origins one lag can have
     * @param series   the per-origin Q of lag j
     */
    public static LagStatistics lagStatistics(int[] lags, double spacing, int n, int capacity, OriginSeries series) {
        int nl = lags.length;
        double[] t = new double[nl], q = new double[nl], qErr = new double[nl], chi4 = new double[nl];
        int[] origins = new int[nl];
        double[] x = new double[capacity];
        for (int j = 0; j < nl; j++) {
            int k = lags[j];
            t[j] = k * spacing;
            int m = series.fill(j, k, x);
            origins[j] = m;
            double[] mv = meanAndVariance(x, m);
            q[j] = mv[0];
            chi4[j] = n * mv[1];
            qErr[j] = blockedError(x, m);
        }
        return new LagStatistics(t, q, qErr, chi4, origins);
    }

    /** {mean, biased variance (divisor n, {@link Descriptive.Divisor#POPULATION})} of x[0..n) by two passes, in index order; NaN for n = 0. */
    public static double[] meanAndVariance(double[] x, int n) {
        return new double[] {Descriptive.mean(x, n), Descriptive.variance(x, n, Descriptive.Divisor.POPULATION)};
    }

    /** The blocked standard error of the mean of x[0..n) (class comment); NaN if n &lt; MIN_BLOCKS. */
    public static double blockedError(double[] x, int n) {
        double best = Double.NaN;
        for (int b = 1; n / b >= MIN_BLOCKS; b *= 2) {
            int nb = n / b;
            double[] means = new double[nb];
            for (int c = 0; c < nb; c++) {
                double s = 0;
                for (int a = c * b; a < (c + 1) * b; a++) s += x[a];
                means[c] = s / b;
            }
            double[] mv = meanAndVariance(means, nb);
            double se = Math.sqrt(mv[1] / (nb - 1));
            if (!(se <= best)) best = se;
        }
        return best;
    }

    /**
     * τ_Q of a decreasing curve Q(t): the first time Q falls to 1/e, interpolated linearly in ln t between
     * the two points around the crossing (in t when the lower one is t = 0); the first time if Q starts
     * at or below 1/e; NaN if it never gets there. NaN values of Q are skipped. Modifies nothing.
     */
    public static double tauQ(double[] t, double[] q) {
        double level = Math.exp(-1);
        int prev = -1;
        for (int j = 0; j < t.length; j++) {
            if (Double.isNaN(q[j])) continue;
            if (q[j] <= level) {
                if (prev < 0) return t[j];
                double x0 = t[prev], x1 = t[j], y0 = q[prev], y1 = q[j];
                if (x0 > 0) {
                    double l0 = Math.log(x0), l1 = Math.log(x1);
                    return Math.exp(l0 + (l1 - l0) * (y0 - level) / (y0 - y1));
                }
                return x0 + (x1 - x0) * (y0 - level) / (y0 - y1);
            }
            prev = j;
        }
        return Double.NaN;
    }

    /** {τ_χ, χ4*} over lags ≥ 1 with ≥ 2 origins (class comment); NaNs if none. */
    private static double[] peak(double[] t, double[] chi4, int[] origins) {
        int m = 0;
        double[] tt = new double[t.length], cc = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            if (t[j] > 0 && origins[j] >= 2) {
                tt[m] = t[j];
                cc[m++] = chi4[j];
            }
        }
        if (m == 0) return new double[] {Double.NaN, Double.NaN};
        double[] p = TrspAnalysis.peak(Arrays.copyOf(tt, m), Arrays.copyOf(cc, m));
        return new double[] {p[0], p[1]};
    }
}
