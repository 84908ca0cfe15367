package org.softglass.core.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Persistence;
import org.softglass.core.space.Box;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trsp.TrspAnalysis;

/**
 * The inherent-state overlap Q(t), the dynamical susceptibility χ4(t), the four-point structure
 * factor S4(q, t) with its Ornstein–Zernike length ξ4, and the block susceptibility χ4,ℓ(t) of an MD
 * inherent-structure trajectory: the MD side of the comparison with the TRSP lattice model
 * ({@code 002} §VII A, eqs 31–34, App. H) and the trap-like model ({@code 000}: "Q̄ or χ4 computed on
 * IS positions"), DESIGN §7b.
 *
 * <p><b>Overlap.</b> With u_i(f) the path of particle i through the IS frames (below) and a the
 * displacement threshold (σ),
 * <pre>  I_i(t0, k) = 1 if |u_i(t0 + k') − u_i(t0)| &lt; a for every k' = 0..k, else 0</pre>
 * ("1 while particle i has not rearranged", {@code 002} eq 31: once the IS position has left the ball of
 * radius a around its origin position the particle counts as rearranged, even if it comes back, as the
 * TRSP site that has once been part of a rearranging cluster). So I_i(t0, 0) = 1 and Q(0) = 1 exactly.
 * Over the n selected particles and the origins t0 = 0, s, 2s, … (s the origin stride) with t0 + k &lt; F,
 * <pre>  Q(t0, k) = (1/n) Σ_i I_i(t0, k),   Q(k) = ⟨Q(t0, k)⟩,   χ4(k) = n ⟨(Q(t0, k) − Q(k))²⟩   (eq 32),</pre>
 * the plain mean and biased variance over the n_k origins, as {@link Persistence} (same conventions:
 * the blocked standard error of Q ({@link Persistence#blockedError}), τ_Q where Q = 1/e
 * ({@link Persistence#tauQ}), τ_χ and χ4* from the χ4 peak over lags ≥ 1 with ≥ 2 origins refined by
 * {@link TrspAnalysis#peak}, the TRSP model's function). For independent particles χ4 = Q(1 − Q) up to
 * O(1/n_k); if all particles move together χ4 = n Q(1 − Q).
 *
 * <p><b>Periodic images.</b> u_i(0) = x_i(0) and u_i(f) = u_i(f − 1) + mic(x_i(f) − x_i(f − 1)), mic the
 * minimum image in the box: the path is rebuilt from consecutive frames, so wrapped and unwrapped dumps
 * give the same result, image flags are not needed, and a particle crossing the box boundary is not
 * mistaken for a jump of one box length. It assumes no particle's IS moves by more than half a box
 * length between consecutive frames (IS frames are ≲ τ_α apart; a KA IS jump is ≲ 1 σ).
 *
 * <p><b>S4 and ξ4</b> ({@code 002} eqs 33–34). At one lag k* (the grid lag of the χ4 maximum unless
 * given), with r_i the IS position at the origin,
 * <pre>  Q̃(q, t0) = (1/n) Σ_i e^{i q·r_i(t0)} I_i(t0, k*),   S4(q) = n (⟨|Q̃|²⟩ − |⟨Q̃⟩|²),</pre>
 * for q = 2πm/L along each of the three axes, m = 1..nq, the averages pooled over the three axes and
 * the origins, exactly as the TRSP recorder ({@code trsp.OverlapStats#s4}) does on its lattice. ξ4 and
 * S4(0) come from the TRSP model's Ornstein–Zernike fit ({@link TrspAnalysis#ornsteinZernike}:
 * S4 = S4(0)/(1 + q²ξ4²), least squares on 1/S4 = A + B q²). The error of ξ4 is a delete-one-block
 * jackknife over J contiguous blocks of origins (NaN when a jackknife fit fails or there are fewer
 * than 2 origins per block). The box must be cubic (the three axes share the q grid).
 *
 * <p><b>Block χ4</b> ({@code 002} App. H, Figs 13–16; the block analysis of ref. [46]). The box is cut
 * into m³ sub-boxes of sides L_a/m (ℓ = (V/m³)^⅓); particle i belongs to the sub-box holding its
 * (wrapped) IS position at the origin. With ρ = n/V and N_ℓ = ρℓ³ the mean number per block,
 * <pre>  Q_B(t0, k) = (1/N_ℓ) Σ_{i ∈ B} I_i(t0, k),   χ4,ℓ(k) = N_ℓ (⟨Q_B²⟩ − ⟨Q_B⟩²),</pre>
 * averaged over all blocks and origins: the TRSP recorder's Q_B and χ4,ℓ = ℓ³ Var Q_B at lattice
 * density 1. For m = 1 it is χ4 itself. χ4*(ℓ) is the peak of χ4,ℓ as for χ4.
 *
 * <p><b>Cost.</b> First-exit lags: O(n·(F/s)·min(F, exit lag)) distance checks, parallel over particles;
 * overlap and block sums O(F/s · n · (nl + blocks)), parallel over origins into per-origin arrays reduced
 * in origin order; S4 O(F/s · n · 3nq) trigonometric terms. Every value is computed by one worker and
 * all sums run in a fixed order, so the result is bit-identical for any thread count.
 */
public final class InherentOverlap {
    /**
     * Default threshold a = 0.3 σ_AA: the displacement threshold of the KA overlap function in the
     * four-point literature (Lačević et al., J. Chem. Phys. 119, 7372 (2003)), about the cage size
     * (the plateau √MSD of KA near T = 0.6 is ≈ 0.1–0.2 σ). On IS positions the vibrations are gone, so
     * a smaller value would also count the small IS shifts a particle suffers when a neighbour
     * rearranges: per 2 τ frame the median IS displacement of an A particle is 0.14 σ at T = 0.61 in the
     * smoke run, and 0.3 σ is the 90th percentile there.
     */
    public static final double DEFAULT_THRESHOLD = 0.3;
    /** Default number of wave numbers per axis for S4 (q = 2πm/L, m = 1..4). */
    public static final int DEFAULT_NQ = 4;
    /** Default number of jackknife blocks of origins for the error of ξ4. */
    public static final int DEFAULT_JACKKNIFE = 10;

    private InherentOverlap() {}

    /**
     * @param threshold      a (σ), finite, &gt; 0
     * @param species        selected species (0-based, as {@link Trajectory#species}), −1 for all
     * @param lags           lags in frames, strictly increasing, ≥ 0 (lags with no origin give NaN)
     * @param originStride   s ≥ 1: origins every s frames
     * @param nq             wave numbers per axis for S4, ≥ 0 (0: no S4)
     * @param blockDivisions sub-box divisions m ≥ 1 per axis for the block χ4 (may be empty)
     * @param s4Lag          lag (frames) of S4, or null for the grid lag of the χ4 maximum
     * @param jackknife      J ≥ 2 blocks of origins for the errors of τ_Q, χ4* and ξ4
     */
    public record Options(double threshold, int species, int[] lags, int originStride, int nq, int[] blockDivisions,
                          Integer s4Lag, int jackknife) {
        public Options {
            if (!(threshold > 0) || !Double.isFinite(threshold)) throw new IllegalArgumentException("threshold a must be finite and > 0, got " + threshold);
            if (species < -1) throw new IllegalArgumentException("species must be >= 0 or -1 for all, got " + species);
            if (lags == null || lags.length == 0) throw new IllegalArgumentException("need at least one lag");
            for (int j = 0; j < lags.length; j++) {
                if (lags[j] < 0 || (j > 0 && lags[j] <= lags[j - 1])) {
                    throw new IllegalArgumentException("lags must be >= 0 and strictly increasing, got " + Arrays.toString(lags));
                }
            }
            if (originStride < 1) throw new IllegalArgumentException("origin stride must be >= 1, got " + originStride);
            if (nq < 0) throw new IllegalArgumentException("nq must be >= 0, got " + nq);
            for (int m : blockDivisions) if (m < 1) throw new IllegalArgumentException("block divisions must be >= 1, got " + m);
            if (s4Lag != null && s4Lag < 0) throw new IllegalArgumentException("S4 lag must be >= 0, got " + s4Lag);
            if (jackknife < 2) throw new IllegalArgumentException("jackknife blocks must be >= 2, got " + jackknife);
            lags = lags.clone();
            blockDivisions = blockDivisions.clone();
        }
    }

    /**
     * S4 at one lag and its Ornstein–Zernike fit.
     *
     * @param lag     the lag k* (frames)
     * @param time    t* = k* Δ (τ)
     * @param origins origins averaged
     * @param q       the wave numbers q_m = 2πm/L (σ⁻¹), m = 1..nq
     * @param s4      S4(q_m)
     * @param s4Zero  S4(0) of the fit (NaN if refused)
     * @param xi4     ξ4 (σ), NaN when the fit resolves no decay
     * @param xi4Err  jackknife standard error of ξ4 (σ), NaN when not available
     */
    public record S4(int lag, double time, int origins, double[] q, double[] s4, double s4Zero, double xi4, double xi4Err) {}

    /**
     * Block susceptibility of one sub-box size.
     *
     * @param divisions m (sub-boxes per axis)
     * @param side      ℓ = (V/m³)^⅓ (σ)
     * @param perBlock  N_ℓ = n ℓ³/V, mean selected particles per block
     * @param chi4      χ4,ℓ per lag of the grid (NaN where no origin)
     * @param tauChi    position of the χ4,ℓ peak (τ)
     * @param chi4Star  χ4,ℓ* (the peak value)
     */
    public record Block(int divisions, double side, double perBlock, double[] chi4, double tauChi, double chi4Star) {}

    /**
     * @param lags         lags (frames)
     * @param times        t = kΔ (τ)
     * @param q            Q(k) (NaN where no origin); Q(0) = 1
     * @param qErr         blocked standard error of Q
     * @param chi4         χ4(k) = n Var Q
     * @param origins      n_k
     * @param particles    n (selected)
     * @param frames       F
     * @param frameSpacing Δ (τ)
     * @param threshold    a (σ)
     * @param tauQ         τ_Q (τ), NaN if Q stays above 1/e
     * @param tauQErr      delete-one-block jackknife error of τ_Q over J contiguous blocks of origins (τ);
     *                     NaN when some replica does not reach Q = 1/e or a block holds no origin
     * @param tauChi       τ_χ (τ)
     * @param chi4Star     χ4*
     * @param chi4StarErr  jackknife error of χ4* (same blocks), NaN when not available
     * @param peakResolved whether the χ4 maximum lies inside the lag grid (a lag on each side); when false,
     *                     τ_χ is the first (or last) lag and only a bound: frames too far apart (or the run
     *                     too short) to resolve the peak
     * @param s4           S4 and ξ4, or null when nq = 0 or no origin at the S4 lag
     * @param blocks       block χ4 per division
     */
    public record Result(int[] lags, double[] times, double[] q, double[] qErr, double[] chi4, int[] origins, int particles,
                         int frames, double frameSpacing, double threshold, double tauQ, double tauQErr, double tauChi,
                         double chi4Star, double chi4StarErr, boolean peakResolved, S4 s4, List<Block> blocks) {}

    /**
     * Computes the overlap, χ4, S4/ξ4 and the block χ4 of an IS trajectory.
     *
     * @param traj IS positions (wrapped or unwrapped, σ), frames Δ = {@code traj.dt()} apart; not modified
     * @param o    the options
     * @param par  the worker team (any thread count gives the same result)
     * @throws IllegalArgumentException no selected particle, a non-cubic box with nq &gt; 0
     */
    public static Result compute(Trajectory traj, Options o, Parallel par) {
        int[] sel = selected(traj, o.species());
        int n = sel.length, F = traj.frames(), nl = o.lags().length, s = o.originStride();
        Box box = traj.box();
        if (o.nq() > 0 && !cubic(box)) throw new IllegalArgumentException("S4 needs a cubic box, got " + box);
        double[][] path = paths(traj, sel, par);
        int maxLag = Math.min(o.lags()[nl - 1], F - 1);
        int no = (F - 1) / s + 1;    // origins t0 = 0, s, …, ≤ F − 1
        int[] exit = firstExits(path, n, F, s, no, maxLag, o.threshold(), par);
        int[] lags = o.lags();
        // bin[d] = number of lags < d: a particle leaving at lag d persists at exactly those lags
        int cap = maxLag + 1;
        int[] bin = new int[cap + 1];
        for (int d = 0, j = 0; d <= cap; d++) {
            while (j < nl && lags[j] < d) j++;
            bin[d] = j;
        }
        int nb = o.blockDivisions().length;
        double[] qOrigin = new double[no * nl];
        double[][] bSum = new double[nb][no * nl], bSq = new double[nb][no * nl];
        double rho = n / box.volume();
        par.forChunksStatic(no, Math.max(1, (no + 4 * par.threads() - 1) / (4 * par.threads())), (w, c, from, to) -> {
            int[] h = new int[nl + 1];
            for (int a = from; a < to; a++) {
                int t0 = a * s;
                Arrays.fill(h, 0);
                for (int p = 0; p < n; p++) h[bin[Math.min(exit[a * n + p], cap)]]++;
                for (int j = 0, left = n - h[0]; j < nl; j++) {   // survivors of lag j: Σ_{b > j} h[b]
                    qOrigin[a * nl + j] = (double) left / n;
                    left -= h[j + 1];
                }
                for (int b = 0; b < nb; b++) {
                    int m = o.blockDivisions()[b], cells = m * m * m;
                    double perBlock = rho * box.volume() / cells;
                    int[] hb = new int[cells * (nl + 1)];
                    double[] x = traj.positions()[t0];
                    for (int p = 0; p < n; p++) {
                        int i = sel[p];
                        int cell = cell(box, x, i, m);
                        hb[cell * (nl + 1) + bin[Math.min(exit[a * n + p], cap)]]++;
                    }
                    for (int cl = 0; cl < cells; cl++) {
                        int left = 0;
                        for (int v = 1; v <= nl; v++) left += hb[cl * (nl + 1) + v];
                        for (int j = 0; j < nl; j++) {
                            double qb = left / perBlock;
                            bSum[b][a * nl + j] += qb;
                            bSq[b][a * nl + j] += qb * qb;
                            left -= hb[cl * (nl + 1) + j + 1];
                        }
                    }
                }
            }
        });
        double spacing = traj.dt();
        Persistence.LagStatistics st = Persistence.lagStatistics(lags, spacing, n, no, (j, k, series) -> {
            int m = 0;
            for (int a = 0; a < no && a * s + k < F; a++) series[m++] = qOrigin[a * nl + j];
            return m;
        });
        double[] t = st.t(), q = st.q(), qErr = st.qErr(), chi4 = st.chi4();
        int[] origins = st.origins();
        double tauQ = Persistence.tauQ(t, q);
        double[] peak = peak(t, chi4, origins);
        double[] jack = jackknife(qOrigin, no, s, F, lags, t, n, o.jackknife());
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            int m = o.blockDivisions()[b], cells = m * m * m;
            double perBlock = rho * box.volume() / cells;
            double[] c = new double[nl];
            for (int j = 0; j < nl; j++) {
                double sum = 0, sq = 0;
                long cnt = 0;
                for (int a = 0; a < no && a * s + lags[j] < F; a++) {
                    sum += bSum[b][a * nl + j];
                    sq += bSq[b][a * nl + j];
                    cnt += cells;
                }
                double mean = sum / cnt;
                c[j] = cnt == 0 ? Double.NaN : perBlock * (sq / cnt - mean * mean);
            }
            double[] pk = peak(t, c, origins);
            blocks.add(new Block(m, Math.cbrt(box.volume() / cells), perBlock, c, pk[0], pk[1]));
        }
        S4 s4 = null;
        if (o.nq() > 0) {
            int lag = o.s4Lag() != null ? o.s4Lag() : (int) peak[2] >= 0 ? lags[(int) peak[2]] : -1;
            if (lag >= 0 && lag <= maxLag) s4 = structureFactor(traj, sel, exit, lag, o, par);
        }
        return new Result(lags.clone(), t, q, qErr, chi4, origins, n, F, spacing, o.threshold(), tauQ, jack[0], peak[0], peak[1], jack[1],
                peak[3] == 1, s4, blocks);
    }

    /**
     * Delete-one-block jackknife of τ_Q and χ4*: origin a belongs to block ⌊aJ/n_o⌋ (contiguous in time,
     * so the correlation between overlapping windows stays inside a block); replica b recomputes Q(k) and
     * χ4(k) from the origins outside block b and σ² = (J−1)/J Σ_b (θ_b − θ̄)². Returns {σ(τ_Q), σ(χ4*)},
     * NaN where a replica has no value.
     */
    private static double[] jackknife(double[] qOrigin, int no, int s, int F, int[] lags, double[] t, int n, int jb) {
        int nl = lags.length;
        if (no < jb) return new double[] {Double.NaN, Double.NaN};
        double[] tau = new double[jb], star = new double[jb];
        double[] series = new double[no], q = new double[nl], c = new double[nl];
        int[] org = new int[nl];
        for (int b = 0; b < jb; b++) {
            for (int j = 0; j < nl; j++) {
                int m = 0;
                for (int a = 0; a < no && a * s + lags[j] < F; a++) if ((int) ((long) a * jb / no) != b) series[m++] = qOrigin[a * nl + j];
                org[j] = m;
                if (m == 0) {
                    q[j] = c[j] = Double.NaN;
                    continue;
                }
                double[] mv = Persistence.meanAndVariance(series, m);
                q[j] = mv[0];
                c[j] = n * mv[1];
            }
            tau[b] = Persistence.tauQ(t, q);
            star[b] = peak(t, c, org)[1];
        }
        return new double[] {spread(tau), spread(star)};
    }

    /** Delete-one-block jackknife standard error √((J−1)/J Σ_b (θ_b − θ̄)²) of the J replica values; NaN if any is not finite. */
    private static double spread(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return Double.NaN;
        return Descriptive.jackknifeError(v);
    }

    /** The lag grid of {@link Persistence#logLags}: 0, then log-spaced to maxLag. */
    public static int[] logLags(int maxLag, int perDecade) { return Persistence.logLags(maxLag, perDecade); }

    /** Sub-box divisions m ≥ 1 whose side ℓ = L_min/m is at least {@code minSide} (σ), ascending. */
    public static int[] divisions(Box box, double minSide) {
        int mMax = Math.max(1, (int) Math.floor(box.minLength() / minSide));
        int[] d = new int[mMax];
        for (int m = 1; m <= mMax; m++) d[m - 1] = m;
        return d;
    }

    private static int[] selected(Trajectory traj, int species) {
        int[] sel = new int[traj.size()];
        int n = 0;
        for (int i = 0; i < traj.size(); i++) if (traj.selected(i, species)) sel[n++] = i;
        if (n == 0) throw new IllegalArgumentException("no particle of species " + species);
        return Arrays.copyOf(sel, n);
    }

    private static boolean cubic(Box b) {
        double l = b.lx();
        return Math.abs(b.ly() - l) <= 1e-9 * l && Math.abs(b.lz() - l) <= 1e-9 * l;
    }

    /** u_p(f), F × 3n: the minimum-image path of each selected particle (class comment). */
    private static double[][] paths(Trajectory traj, int[] sel, Parallel par) {
        int n = sel.length, F = traj.frames();
        Box box = traj.box();
        double[][] x = traj.positions(), u = new double[F][3 * n];
        par.forChunksStatic(n, Math.max(16, (n + 4 * par.threads() - 1) / (4 * par.threads())), (w, c, from, to) -> {
            for (int p = from; p < to; p++) {
                int i = sel[p];
                for (int a = 0; a < 3; a++) u[0][3 * p + a] = x[0][3 * i + a];
                for (int f = 1; f < F; f++) {
                    for (int a = 0; a < 3; a++) {
                        u[f][3 * p + a] = u[f - 1][3 * p + a] + box.minimumImage(x[f][3 * i + a] - x[f - 1][3 * i + a], a);
                    }
                }
            }
        });
        return u;
    }

    /**
     * exit[o·n + p], origin o at frame t0 = o·s: the first lag k ≥ 1 (≤ maxLag) at which
     * |u_p(t0 + k) − u_p(t0)| ≥ a, else maxLag + 1 (persists over the whole grid or to the end of the
     * trajectory).
     */
    private static int[] firstExits(double[][] u, int n, int F, int s, int no, int maxLag, double a, Parallel par) {
        int[] exit = new int[no * n];
        double a2 = a * a;
        par.forChunksStatic(n, Math.max(16, (n + 4 * par.threads() - 1) / (4 * par.threads())), (w, c, from, to) -> {
            for (int p = from; p < to; p++) {
                for (int o = 0; o < no; o++) {
                    int t0 = o * s;
                    double x0 = u[t0][3 * p], y0 = u[t0][3 * p + 1], z0 = u[t0][3 * p + 2];
                    int k = 1, end = Math.min(maxLag, F - 1 - t0);
                    for (; k <= end; k++) {
                        double dx = u[t0 + k][3 * p] - x0, dy = u[t0 + k][3 * p + 1] - y0, dz = u[t0 + k][3 * p + 2] - z0;
                        if (dx * dx + dy * dy + dz * dz >= a2) break;
                    }
                    exit[o * n + p] = k <= end ? k : maxLag + 1;
                }
            }
        });
        return exit;
    }

    private static int cell(Box box, double[] x, int i, int m) {
        int cell = 0;
        for (int a = 2; a >= 0; a--) {
            double l = box.length(a);
            int c = (int) Math.floor((box.wrap(x[3 * i + a], a) - box.lo(a)) / (l / m));
            cell = cell * m + Math.min(m - 1, Math.max(0, c));
        }
        return cell;
    }

    /**
     * {τ_χ, χ4*, grid index of the maximum (−1 if none), 1 if the maximum has an eligible lag on each
     * side (else 0)} over lags ≥ 1 with ≥ 2 origins.
     */
    private static double[] peak(double[] t, double[] chi4, int[] origins) {
        int m = 0;
        int[] idx = new int[t.length];
        double[] tt = new double[t.length], cc = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            if (t[j] > 0 && origins[j] >= 2 && !Double.isNaN(chi4[j])) {
                idx[m] = j;
                tt[m] = t[j];
                cc[m++] = chi4[j];
            }
        }
        if (m == 0) return new double[] {Double.NaN, Double.NaN, -1, 0};
        double[] p = TrspAnalysis.peak(Arrays.copyOf(tt, m), Arrays.copyOf(cc, m));
        int k = (int) p[2];
        return new double[] {p[0], p[1], idx[k], k > 0 && k < m - 1 ? 1 : 0};
    }

    /** S4(q_m) at one lag, its OZ fit and the jackknife error of ξ4 (class comment). */
    private static S4 structureFactor(Trajectory traj, int[] sel, int[] exit, int lag, Options o, Parallel par) {
        int n = sel.length, F = traj.frames(), s = o.originStride(), nq = o.nq();
        int no = 0;
        while (no * s + lag < F) no++;           // the first origins of the exit table (t0 = a·s)
        if (no == 0) return null;
        double l = traj.box().lx();
        double[] qs = new double[nq];
        for (int m = 1; m <= nq; m++) qs[m - 1] = 2 * Math.PI * m / l;
        // per origin: for each axis and m, Re and Im of Q̃
        int w = 3 * nq * 2;
        double[] f = new double[no * w];
        par.forChunksStatic(no, Math.max(1, (no + 4 * par.threads() - 1) / (4 * par.threads())), (wk, c, from, to) -> {
            for (int a = from; a < to; a++) {
                int t0 = a * s;
                double[] x = traj.positions()[t0];
                for (int p = 0; p < n; p++) {
                    if (exit[a * n + p] <= lag) continue;        // I_p(t0, lag) = 0
                    int i = sel[p];
                    for (int ax = 0; ax < 3; ax++) {
                        double xa = x[3 * i + ax];
                        for (int m = 0; m < nq; m++) {
                            double ph = qs[m] * xa;
                            f[a * w + (ax * nq + m) * 2] += Math.cos(ph);
                            f[a * w + (ax * nq + m) * 2 + 1] += Math.sin(ph);
                        }
                    }
                }
                for (int v = 0; v < w; v++) f[a * w + v] /= n;
            }
        });
        double[] s4 = s4(f, no, nq, n, -1, -1);
        double[] oz = TrspAnalysis.ornsteinZernike(qs, s4);
        double err = Double.NaN;
        int jb = o.jackknife();
        if (no >= 2 * jb && Double.isFinite(oz[1])) {
            double[] xi = new double[jb];
            boolean ok = true;
            for (int b = 0; b < jb; b++) {
                int lo = (int) ((long) b * no / jb), hi = (int) ((long) (b + 1) * no / jb);
                xi[b] = TrspAnalysis.ornsteinZernike(qs, s4(f, no, nq, n, lo, hi))[1];
                ok &= Double.isFinite(xi[b]);
            }
            if (ok) err = spread(xi);
        }
        return new S4(lag, lag * traj.dt(), no, qs, s4, oz[0], oz[1], err);
    }

    /**
     * S4(q_m) = n(⟨Re² + Im²⟩ − ⟨Re⟩² − ⟨Im⟩²) pooled over the axes and the origins outside
     * [skipFrom, skipTo) (eq 34, as {@code trsp.OverlapStats#s4}).
     */
    private static double[] s4(double[] f, int no, int nq, int n, int skipFrom, int skipTo) {
        double[] out = new double[nq];
        int w = 3 * nq * 2;
        for (int m = 0; m < nq; m++) {
            double re = 0, im = 0, sq = 0;
            long cnt = 0;
            for (int a = 0; a < no; a++) {
                if (a >= skipFrom && a < skipTo) continue;
                for (int ax = 0; ax < 3; ax++) {
                    double r = f[a * w + (ax * nq + m) * 2], i = f[a * w + (ax * nq + m) * 2 + 1];
                    re += r;
                    im += i;
                    sq += r * r + i * i;
                    cnt++;
                }
            }
            double mr = re / cnt, mi = im / cnt;
            out[m] = n * (sq / cnt - mr * mr - mi * mi);
        }
        return out;
    }
}
