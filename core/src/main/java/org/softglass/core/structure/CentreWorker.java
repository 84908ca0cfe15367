package org.softglass.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the descriptor row of one centre at a time (one instance per worker thread): gathers
 * the neighbours ({@link Neighbourhood}), then evaluates the radial and angular sums of
 * {@link DescriptorSpec} with a {@link DescriptorKernel}.
 *
 * <p><b>Angular evaluation.</b> With neighbours grouped by species and sorted by r, the unordered
 * pairs of species pair XY are (j in X, k in Y, k after j when X = Y). Each pair enters a list as
 * {@code e = (r_j² + r_k² + r_jk²)/2} and cos θ ({@link DescriptorKernel#pairs}); the term of triplet
 * (ξ, λ, ζ) is {@code exp(−c e)(1 + λ cos θ)^ζ}, c = 2/ξ². The truncation rule of {@link DescriptorSpec}
 * keeps a pair for ξ iff {@code c e ≤ T_ξ = ln(1/τ) + max ζ ln(1 + |λ|)} over the triplets of that ξ, i.e.
 * iff {@code e ≤ E_ξ = ξ² T_ξ / 2}: a threshold on e alone, so the kept sets of the distinct ξ are nested.
 * The ξ are visited in order of decreasing E_ξ ("levels"); each level sums its triplets over the list
 * (one exp per pair serves every (λ, ζ) of that ξ: a level whose ζ are all ≤ 2 accumulates the power sums
 * Σ w cos^l, l ≤ 2, and combines them by the binomial expansion ({@link DescriptorKernel#levelPowerSums}); a
 * level with one λ and ζ among 1, 2, 4, 8, 16 builds them by squaring in the loop
 * ({@link DescriptorKernel#levelChain}); otherwise {@link DescriptorKernel#level} reads the factors (1 + λ cos θ)^ζ, computed once per distinct
 * (λ, ζ) for the current list and reused by the next levels until the list shrinks) and compacts the list
 * in place to the pairs with e ≤ E of the next level, so every pair is evaluated only for the ξ that keep it.
 * Compaction is skipped where it cannot remove anything: e ≤ 3 rmax² for every pair (r_jk &lt; 2 rmax).
 * The list is filled with the pairs of consecutive j until it holds {@link #CHUNK} pairs, then the levels
 * run over it; partners k of j stop at the first k whose bound {@code (r_j² + r_k² + max(0, r_k − r_j)²)/2}
 * (≤ e, increasing with r_k) exceeds the largest E. Every kept pair has {@code 0 ≤ c e ≤ T ≤ 320.7}
 * (τ ≥ 1e-120, ζ ≤ 64, |λ| ≤ 1) inside the range of the Vector-API exp. A ξ whose rule keeps every pair
 * (E_ξ ≥ 3 rmax²) and whose moment expansion is short ({@link MomentLevel#plan}: ka-266's ξ = 14.638, Taylor
 * order 9 at τ = 1e-12) is evaluated by that expansion in O(n) instead, with a per-pair error ≤ τ, so the
 * bound of {@link DescriptorSpec} still holds. The sum order depends only on the positions, so every row is
 * the same for any thread count.
 */
final class CentreWorker {
    /** Pairs gathered before the levels run over the list (the list then stays within L1/L2). */
    static final int CHUNK = 2048;

    private final DescriptorSpec spec;
    private final DescriptorKernel kernel;
    private final int lanes, nSpecies, nTrip, radialPerSpecies;
    final Neighbourhood nb;
    // radial: classes of equal w with centres sorted ascending, and the column of each
    private final double[] radW, radDelta;
    private final double[][] radMu;
    private final int[][] radCol;
    // angular: distinct ξ in order of decreasing E (levels), their c = 2/ξ² and triplets; per triplet λ and ζ
    private final int nXi;
    private final double[] levC, levE, levNext;
    private final int[][] levTrip;
    private final boolean[] levPoly;   // every ζ of the level ≤ 2: power sums S_0, S_1, S_2 (levelPowerSums)
    private final boolean[] levChain;  // else one λ and distinct ζ among 1, 2, 4, 8, 16: levelChain
    private final int[][] chainTrip;   // for those, the triplet of ζ = 1, 2, 4, 8, 16 (−1: none)
    private double[] pacc;             // their lane accumulators: [(pair · nXi + q) · 3 + l] · lanes + lane
    private final double pairMax, boundMax;
    private final MomentLevel[] moment;   // the ξ evaluated by moment expansions
    // distinct (λ, ζ) factors, the factor of each triplet, and whether fac[p] holds the current list's values
    private final double[] facLambda;
    private final int[] facZeta, tripFac;
    private final boolean[] facValid;
    private double[] le = new double[0], lc = le, acc;
    private double[][] fac;

    CentreWorker(DescriptorSpec spec, DescriptorKernel kernel) {
        this.spec = spec;
        this.kernel = kernel;
        this.lanes = kernel.lanes();
        this.nSpecies = spec.speciesCount();
        this.nTrip = spec.angular().size();
        this.radialPerSpecies = spec.radial().size();
        this.nb = new Neighbourhood(spec.species(), Math.max(8, 2 * lanes));
        double logTau = Math.log(1 / spec.tolerance());
        // radial classes
        Map<Double, List<Integer>> byW = new LinkedHashMap<>();
        for (int c = 0; c < radialPerSpecies; c++) byW.computeIfAbsent(spec.radial().get(c).w(), k -> new ArrayList<>()).add(c);
        int nw = byW.size();
        radW = new double[nw]; radDelta = new double[nw]; radMu = new double[nw][]; radCol = new int[nw][];
        int q = 0;
        for (Map.Entry<Double, List<Integer>> e : byW.entrySet()) {
            List<Integer> cols = new ArrayList<>(e.getValue());
            cols.sort((a, b) -> Double.compare(spec.radial().get(a).mu(), spec.radial().get(b).mu()));
            radW[q] = e.getKey();
            radDelta[q] = Math.sqrt(e.getKey() * logTau);
            radMu[q] = cols.stream().mapToDouble(c -> spec.radial().get(c).mu()).toArray();
            radCol[q] = cols.stream().mapToInt(Integer::intValue).toArray();
            q++;
        }
        // angular levels and factors
        Map<Double, List<Integer>> byXi = new LinkedHashMap<>();
        Map<List<Double>, Integer> facIndex = new LinkedHashMap<>();
        tripFac = new int[nTrip];
        for (int t = 0; t < nTrip; t++) {
            DescriptorSpec.Angular a = spec.angular().get(t);
            byXi.computeIfAbsent(a.xi(), k -> new ArrayList<>()).add(t);
            tripFac[t] = facIndex.computeIfAbsent(List.of(a.lambda(), (double) a.zeta()), k -> facIndex.size());
        }
        facLambda = new double[facIndex.size()];
        facZeta = new int[facIndex.size()];
        facValid = new boolean[facIndex.size()];
        for (Map.Entry<List<Double>, Integer> e : facIndex.entrySet()) {
            facLambda[e.getValue()] = e.getKey().get(0);
            facZeta[e.getValue()] = (int) Math.round(e.getKey().get(1));
        }
        double[][] lev = new double[byXi.size()][];   // {E, c, first-seen index, ξ}
        List<int[]> trips = new ArrayList<>();
        q = 0;
        for (Map.Entry<Double, List<Integer>> e : byXi.entrySet()) {
            double xi2 = e.getKey() * e.getKey(), worst = 0;
            for (int t : e.getValue()) {
                DescriptorSpec.Angular a = spec.angular().get(t);
                worst = Math.max(worst, a.zeta() * Math.log1p(Math.abs(a.lambda())));
            }
            lev[q] = new double[] {xi2 * (logTau + worst) / 2, 2 / xi2, q, e.getKey()};
            trips.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            q++;
        }
        // decreasing E; ties in first-seen order (a stable, position-independent order)
        Arrays.sort(lev, (a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[2], b[2]));
        // e = (r_j² + r_k² + r_jk²)/2 < (rmax² + rmax² + 4 rmax²)/2 = 3 rmax² (with a margin for round-off)
        double eAll = 3 * spec.rmax() * spec.rmax() * (1 + 1e-12);
        // a ξ that keeps every pair goes to a moment expansion when that is short (MomentLevel), the rest to pair levels
        List<MomentLevel> mom = new ArrayList<>();
        List<double[]> pairLev = new ArrayList<>();
        for (double[] l : lev) {
            int[] tr = trips.get((int) l[2]);
            MomentLevel ml = l[0] >= eAll ? MomentLevel.plan(spec, l[3], tr, lanes) : null;
            if (ml != null) mom.add(ml);
            else pairLev.add(l);
        }
        moment = mom.toArray(new MomentLevel[0]);
        nXi = pairLev.size();
        levE = new double[nXi]; levC = new double[nXi]; levNext = new double[nXi]; levTrip = new int[nXi][];
        levPoly = new boolean[nXi];
        levChain = new boolean[nXi];
        chainTrip = new int[nXi][];
        for (q = 0; q < nXi; q++) {
            levE[q] = pairLev.get(q)[0];
            levC[q] = pairLev.get(q)[1];
            levTrip[q] = trips.get((int) pairLev.get(q)[2]);
            levPoly[q] = Arrays.stream(levTrip[q]).allMatch(t -> spec.angular().get(t).zeta() <= 2);
            levChain[q] = !levPoly[q] && chain(spec, levTrip[q]);
            chainTrip[q] = new int[] {-1, -1, -1, -1, -1};
            if (levChain[q]) for (int t : levTrip[q]) chainTrip[q][Integer.numberOfTrailingZeros(spec.angular().get(t).zeta())] = t;
        }
        pacc = new double[spec.pairCount() * nXi * 3 * lanes];
        for (q = 0; q < nXi; q++) {
            double next = q + 1 < nXi ? levE[q + 1] : Double.POSITIVE_INFINITY;
            levNext[q] = next >= eAll || next >= levE[q] ? Double.POSITIVE_INFINITY : next;
        }
        pairMax = nXi == 0 || levE[0] >= eAll ? Double.POSITIVE_INFINITY : levE[0];
        boundMax = nXi == 0 ? 0 : 2 * levE[0];
        acc = new double[spec.pairCount() * nTrip * lanes];
        allocate(nb.capacity() + nb.pad);
    }

    private void allocate(int len) {
        le = new double[CHUNK + len + 2 * lanes];
        lc = new double[le.length];
        fac = new double[facLambda.length][le.length];
    }

    /**
     * Writes the M features of slot i of frame f into {@code out[off .. off + M)}.
     */
    void compute(FrameGeometry f, int i, double[] out, int off) {
        nb.gather(f, i);
        if (le.length < CHUNK + nb.x.length + 2 * lanes) allocate(nb.x.length);
        radial(out, off);
        if (nTrip > 0) angular(out, off + nSpecies * radialPerSpecies);
    }

    private void radial(double[] out, int off) {
        double[] r = nb.r;
        for (int g = 0; g < nSpecies; g++) {
            int gs = nb.start[g], ge = nb.start[g + 1];
            int base = off + g * radialPerSpecies;
            for (int q = 0; q < radW.length; q++) {
                double[] mu = radMu[q];
                int[] col = radCol[q];
                double delta = radDelta[q], invW = 1 / radW[q];
                int lo = gs, hi = gs;
                for (int m = 0; m < mu.length; m++) {
                    double a = mu[m] - delta, b = mu[m] + delta;
                    while (lo < ge && r[lo] < a) lo++;
                    if (hi < lo) hi = lo;
                    while (hi < ge && r[hi] <= b) hi++;
                    out[base + col[m]] = kernel.radialSum(r, lo, hi, mu[m], invW);
                }
            }
        }
    }

    private void angular(double[] out, int off) {
        double[] x = nb.x, y = nb.y, z = nb.z, r = nb.r, r2 = nb.r2, ir = nb.ir;
        Arrays.fill(acc, 0.0);
        Arrays.fill(pacc, 0.0);
        for (MomentLevel m : moment) m.compute(nb, kernel, acc, nTrip);
        int pair = 0;
        for (int a = 0; a < nSpecies; a++) {
            for (int b = a; b < nSpecies; b++, pair++) {
                int bs = nb.start[b], be = nb.start[b + 1];
                int accBase = pair * nTrip * lanes, n = 0;
                if (nXi == 0) continue;
                for (int j = nb.start[a], je = nb.start[a + 1]; j < je; j++) {
                    int k0 = a == b ? j + 1 : bs;
                    if (k0 >= be) continue;
                    int kmax = prefix(r, r2, k0, be, r[j], r2[j], boundMax);
                    if (kmax == k0) continue;
                    n = kernel.pairs(x[j], y[j], z[j], r2[j], ir[j], x, y, z, r2, ir, k0, kmax, pairMax, le, lc, n);
                    if (n >= CHUNK) {
                        levels(n, accBase, pair);
                        n = 0;
                    }
                }
                levels(n, accBase, pair);
            }
        }
        combinePowerSums();
        for (int c = 0, cols = spec.pairCount() * nTrip; c < cols; c++) {
            double s = 0;
            for (int l = 0; l < lanes; l++) s += acc[c * lanes + l];
            out[off + c] = s;
        }
    }

    /**
     * Runs the levels over the pair list [0, n) of species pair {@code pair}: each ξ's sums, then the compaction
     * to the next ξ's pairs. A level whose ζ are all ≤ 2 accumulates the power sums Σ w cos^l, l ≤ 2
     * ({@link DescriptorKernel#levelPowerSums}, combined by {@link #combinePowerSums}); the others read the
     * factors (1 + λ cos)^ζ from arrays ({@link DescriptorKernel#power}), computed once per distinct (λ, ζ) and list.
     */
    private void levels(int n, int accBase, int pair) {
        Arrays.fill(facValid, false);
        for (int q = 0; q < nXi && n > 0; q++) {
            int[] trips = levTrip[q];
            int m;
            if (levPoly[q]) {
                int o = (pair * nXi + q) * 3 * lanes;
                m = kernel.levelPowerSums(le, lc, n, levC[q], pacc, o, o + lanes, o + 2 * lanes, levNext[q]);
                if (m != n) Arrays.fill(facValid, false);
                n = m;
                continue;
            }
            if (levChain[q]) {
                int[] ct = chainTrip[q];   // the triplet of ζ = 1, 2, 4, 8, 16, or −1
                m = kernel.levelChain(le, lc, n, levC[q], facLambda[tripFac[trips[0]]], acc, chainOffset(ct[0], accBase),
                        chainOffset(ct[1], accBase), chainOffset(ct[2], accBase), chainOffset(ct[3], accBase),
                        chainOffset(ct[4], accBase), levNext[q]);
                if (m != n) Arrays.fill(facValid, false);
                n = m;
                continue;
            }
            for (int t : trips) {
                int p = tripFac[t];
                if (!facValid[p]) {
                    kernel.power(lc, 0, n, facLambda[p], facZeta[p], fac[p]);
                    facValid[p] = true;
                }
            }
            for (int t = 0; t < trips.length; ) {
                int left = trips.length - t, cnt = left >= 4 ? 4 : left >= 2 ? 2 : 1;
                int t0 = trips[t], t1 = cnt > 1 ? trips[t + 1] : t0, t2 = cnt > 2 ? trips[t + 2] : t0, t3 = cnt > 2 ? trips[t + 3] : t0;
                double next = t + cnt == trips.length ? levNext[q] : Double.POSITIVE_INFINITY;
                m = kernel.level(le, lc, n, levC[q], cnt, fac[tripFac[t0]], fac[tripFac[t1]], fac[tripFac[t2]], fac[tripFac[t3]],
                        acc, accBase + t0 * lanes, accBase + t1 * lanes, accBase + t2 * lanes, accBase + t3 * lanes, next);
                if (m != n) Arrays.fill(facValid, false);   // the list shrank: factors are recomputed for it
                n = m;
                t += cnt;
            }
        }
    }

    /** Whether the triplets share one λ and have distinct ζ among 1, 2, 4, 8, 16 (a {@link DescriptorKernel#levelChain} level). */
    private static boolean chain(DescriptorSpec spec, int[] trips) {
        int seen = 0;
        for (int t : trips) {
            DescriptorSpec.Angular a = spec.angular().get(t);
            int z = a.zeta();
            if (a.lambda() != spec.angular().get(trips[0]).lambda() || Integer.bitCount(z) != 1 || z > 16 || (seen & z) != 0) return false;
            seen |= z;
        }
        return true;
    }

    private int chainOffset(int trip, int accBase) { return trip < 0 ? -1 : accBase + trip * lanes; }

    /**
     * Adds the power-sum levels' features to the lane accumulators, lane by lane:
     * {@code Σ w (1 + λ cos)^ζ = S_0 + ζ λ S_1 + [ζ = 2] λ² S_2} (exact binomial expansion for ζ ≤ 2; round-off
     * ≤ a few ε · Σ w (1 + |λ cos|)^ζ, the same order as evaluating (1 + λ cos)^ζ per pair).
     */
    private void combinePowerSums() {
        for (int pair = 0, pairs = spec.pairCount(); pair < pairs; pair++) {
            for (int q = 0; q < nXi; q++) {
                if (!levPoly[q]) continue;
                int o = (pair * nXi + q) * 3 * lanes;
                for (int t : levTrip[q]) {
                    double la = facLambda[tripFac[t]];
                    int z = facZeta[tripFac[t]];
                    double c1 = z * la, c2 = z == 2 ? la * la : 0;
                    int a = (pair * nTrip + t) * lanes;
                    for (int l = 0; l < lanes; l++) {
                        acc[a + l] += pacc[o + l] + c1 * pacc[o + lanes + l] + c2 * pacc[o + 2 * lanes + l];
                    }
                }
            }
        }
    }

    /**
     * The first k in [k0, end) whose bound {@code rj² + r_k² + max(0, r_k − rj)²} (≤ 2e, since
     * r_jk ≥ |r_k − r_j|) exceeds thr (the bound grows with r_k, and r is ascending), or end.
     */
    private static int prefix(double[] r, double[] r2, int k0, int end, double rj, double rj2, double thr) {
        int lo = k0, hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double e = r[mid] - rj;
            double bound = rj2 + r2[mid] + (e > 0 ? e * e : 0);
            if (bound > thr) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
