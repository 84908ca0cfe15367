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
 * pairs of species pair XY are (j in X, k in Y, k after j when X = Y). For each j and each distinct ξ
 * the partners k form a prefix of the candidates: the pruning bound
 * {@code B = r_j² + r_k² + max(0, r_k − r_j)²} grows with r_k, and partners with {@code B > ξ² T_ξ}
 * are skipped (see {@link DescriptorSpec} for T and the error bound). Within the range the term is
 * {@code f_j exp(−c s_jk) (1 + λ cos θ)^ζ} with c = 2/ξ², {@code f = exp(−c r²)} (once per neighbour and ξ)
 * and {@code s_jk = r_k² − r_j·r_k} (once per pair, shared by every ξ), which equals
 * {@code exp(−(r_j² + r_k² + r_jk²)/ξ²)(1 + λ cos θ)^ζ} exactly since r_jk² = r_j² + r_k² − 2 r_j·r_k.
 * The pruning (B ≤ ξ² T, T ≤ 320.7 for τ ≥ 1e-120, ζ ≤ 64, |λ| ≤ 1) keeps c r_j² ≤ c B ≤ 2T ≤ 641.4 and
 * the pair exponent −c s_jk within [−2.25 T, T/2]: above, since r_j·r_k − r_k² ≤ r_j²/4 ≤ B/4; below, since
 * r_k² + r_j r_k ≤ 1.125 B (for r_k ≥ r_j, B = 2r_k² − 2r_j r_k + 2r_j² and 1.125B − r_k² − r_j r_k =
 * 1.25 r_k² − 3.25 r_j r_k + 2.25 r_j² &gt; 0, its discriminant being negative; for r_k &lt; r_j,
 * r_k² + r_j r_k &lt; B). When 2.25 T &gt; 640 (only for τ ≲ 1e-104, with large ζ) the pair exponents are shifted up by
 * σ = 2.25 T − 640 and the scale multiplied by e^−σ, so the Vector-API exp sees |x| ≤ 640; for every
 * larger τ, σ = 0 and the factor is exactly 1. One exp per pair and ξ
 * serves every (λ, ζ) of that ξ; (1 + λ cos θ)^ζ is computed once per pair and distinct (λ, ζ).
 * The sum order depends only on the positions, so every row is the same for any thread count.
 */
final class CentreWorker {
    private final DescriptorSpec spec;
    private final DescriptorKernel kernel;
    private final int lanes, nSpecies, nTrip, radialPerSpecies;
    final Neighbourhood nb;
    // radial: classes of equal w with centres sorted ascending, and the column of each
    private final double[] radW, radDelta;
    private final double[][] radMu;
    private final int[][] radCol;
    // angular: distinct ξ (q), distinct (λ, ζ) factors (p), triplets of each ξ in chunks of 4/2/1
    private final int nXi, nFac;
    private final double[] xiC, xiThr, xiShift, xiShiftScale, facLambda;
    private final int[] facZeta;
    private final int[][] xiTrip;       // triplet indices of each ξ
    private final int[] tripFac;         // factor of each triplet
    private final int[][] facXi;         // ξ classes that use each factor
    private double[][] fq, fac;
    private double[] sjk, cos, acc;
    private final int[] kq;

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
        // angular classes
        Map<Double, List<Integer>> byXi = new LinkedHashMap<>();
        Map<List<Double>, Integer> facIndex = new LinkedHashMap<>();
        tripFac = new int[nTrip];
        for (int t = 0; t < nTrip; t++) {
            DescriptorSpec.Angular a = spec.angular().get(t);
            byXi.computeIfAbsent(a.xi(), k -> new ArrayList<>()).add(t);
            tripFac[t] = facIndex.computeIfAbsent(List.of(a.lambda(), (double) a.zeta()), k -> facIndex.size());
        }
        nXi = byXi.size();
        nFac = facIndex.size();
        xiC = new double[nXi]; xiThr = new double[nXi]; xiShift = new double[nXi]; xiShiftScale = new double[nXi];
        xiTrip = new int[nXi][];
        q = 0;
        for (Map.Entry<Double, List<Integer>> e : byXi.entrySet()) {
            double xi2 = e.getKey() * e.getKey();
            double worst = 0;
            for (int t : e.getValue()) {
                DescriptorSpec.Angular a = spec.angular().get(t);
                worst = Math.max(worst, a.zeta() * Math.log1p(Math.abs(a.lambda())));
            }
            xiC[q] = 2 / xi2;
            xiThr[q] = xi2 * (logTau + worst);
            // pair exponents −c s lie in [−2.25 T, T/2] (class comment): shift them up only when the lower end
            // would leave the exp's range ±640 (τ ≲ 1e-104); exactly 0 (and factor 1) otherwise
            xiShift[q] = Math.max(0, 2.25 * (logTau + worst) - 640);
            xiShiftScale[q] = Math.exp(-xiShift[q]);
            xiTrip[q] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            q++;
        }
        facLambda = new double[nFac]; facZeta = new int[nFac];
        for (Map.Entry<List<Double>, Integer> e : facIndex.entrySet()) {
            facLambda[e.getValue()] = e.getKey().get(0);
            facZeta[e.getValue()] = (int) Math.round(e.getKey().get(1));
        }
        facXi = new int[nFac][];
        for (int p = 0; p < nFac; p++) {
            int pp = p;
            facXi[p] = java.util.stream.IntStream.range(0, nXi)
                    .filter(x -> Arrays.stream(xiTrip[x]).anyMatch(t -> tripFac[t] == pp)).toArray();
        }
        kq = new int[nXi];
        acc = new double[spec.pairCount() * nTrip * lanes];
        allocate(nb.capacity() + nb.pad);
    }

    private void allocate(int len) {
        fq = new double[nXi][len];
        fac = new double[nFac][len];
        sjk = new double[len];
        cos = new double[len];
    }

    /**
     * Writes the M features of slot i of frame f into {@code out[off .. off + M)}.
     */
    void compute(FrameGeometry f, int i, double[] out, int off) {
        nb.gather(f, i);
        int n = nb.n;
        if (sjk.length < nb.x.length) allocate(nb.x.length);
        radial(out, off);
        if (nTrip > 0) angular(out, off + nSpecies * radialPerSpecies, n);
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

    private void angular(double[] out, int off, int n) {
        double[] x = nb.x, y = nb.y, z = nb.z, r = nb.r, r2 = nb.r2, ir = nb.ir;
        for (int q = 0; q < nXi; q++) kernel.expScaled(r2, 0, n, -xiC[q], fq[q]);
        Arrays.fill(acc, 0.0);
        int pair = 0;
        for (int a = 0; a < nSpecies; a++) {
            for (int b = a; b < nSpecies; b++, pair++) {
                int bs = nb.start[b], be = nb.start[b + 1];
                int accBase = pair * nTrip * lanes;
                for (int j = nb.start[a], je = nb.start[a + 1]; j < je; j++) {
                    int k0 = a == b ? j + 1 : bs;
                    if (k0 >= be) continue;
                    double rj = r[j], rj2 = r2[j];
                    int kmax = k0;
                    for (int q = 0; q < nXi; q++) {
                        kq[q] = prefix(r, r2, k0, be, rj, rj2, xiThr[q]);
                        kmax = Math.max(kmax, kq[q]);
                    }
                    if (kmax == k0) continue;
                    kernel.dotCos(x[j], y[j], z[j], ir[j], x, y, z, r2, ir, k0, kmax, sjk, cos);
                    for (int p = 0; p < nFac; p++) {
                        int kp = k0;
                        for (int q : facXi[p]) kp = Math.max(kp, kq[q]);
                        if (kp > k0) kernel.power(cos, k0, kp, facLambda[p], facZeta[p], fac[p]);
                    }
                    for (int q = 0; q < nXi; q++) {
                        int kend = kq[q];
                        if (kend <= k0) continue;
                        int[] trips = xiTrip[q];
                        double scale = fq[q][j] * xiShiftScale[q];
                        for (int t = 0; t < trips.length; ) {
                            int left = trips.length - t, cnt = left >= 4 ? 4 : left >= 2 ? 2 : 1;
                            int t0 = trips[t], t1 = cnt > 1 ? trips[t + 1] : t0, t2 = cnt > 2 ? trips[t + 2] : t0, t3 = cnt > 2 ? trips[t + 3] : t0;
                            kernel.gaussianSums(sjk, xiC[q], xiShift[q], k0, kend, scale, cnt,
                                    fac[tripFac[t0]], fac[tripFac[t1]], fac[tripFac[t2]], fac[tripFac[t3]],
                                    acc, accBase + t0 * lanes, accBase + t1 * lanes, accBase + t2 * lanes, accBase + t3 * lanes);
                            t += cnt;
                        }
                    }
                }
            }
        }
        for (int c = 0, cols = spec.pairCount() * nTrip; c < cols; c++) {
            double s = 0;
            for (int l = 0; l < lanes; l++) s += acc[c * lanes + l];
            out[off + c] = s;
        }
    }

    /**
     * The first k in [k0, end) whose pruning bound {@code rj² + r_k² + max(0, r_k − rj)²} exceeds thr
     * (the bound grows with r_k, and r is ascending), or end.
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
