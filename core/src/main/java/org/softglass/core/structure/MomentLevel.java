package org.softglass.core.structure;

/**
 * The angular functions of one ξ by a truncated moment expansion, O(n) in the neighbour count n instead
 * of the O(n²) pair sum; used by {@link CentreWorker} for a large ξ, where the expansion is short.
 *
 * <p><b>Expansion.</b> With f = exp(−c r²), c = 2/ξ², and d = r_j·r_k, the term of (ξ, λ, ζ) for the pair
 * (j, k) is {@code f_j f_k e^{c d} (1 + λ d/(r_j r_k))^ζ} (exactly exp(−(r_j² + r_k² + r_jk²)/ξ²)(1 + λ cos θ)^ζ).
 * The binomial expansion of the angular factor is exact for integer ζ; e^{cd} is replaced by its Taylor
 * polynomial of order M. With {@code d^p = Σ_{|α|=p} (p!/α!) r_j^α r_k^α} (see {@link Monomials}) every
 * product separates:
 * <pre>
 *   Σ_{j∈X, k∈Y} term ≈ Σ_{m=0}^{M} c^m/m! Σ_{l=0}^{ζ} C(ζ,l) λ^l Σ_{|α| = m+l} (m+l)!/α! · A^X_{l,α} A^Y_{l,α},
 *   A^X_{l,α} = Σ_{j∈X} f_j r_j^{−l} r_j^α   (moments, {@link DescriptorKernel#moments}).
 * </pre>
 * For X = Y the unordered pairs are (full sum − diagonal)/2, the diagonal of the truncated series being
 * {@code (1 + λ)^ζ Σ_j f_j² P_M(c r_j²)} (d_jj = r_j², P_M the Taylor polynomial of e^x).
 *
 * <p><b>Truncation.</b> |e^x − P_M(x)| ≤ |x|^{M+1}/(M+1)! e^{|x|} with |x| = c|d| ≤ c r_j r_k, and
 * f_j f_k e^{|x|} ≤ exp(−c(r_j² + r_k²)/2) ≤ 1, so each pair's error is at most
 * {@code (1 + |λ|)^ζ (c rmax²)^{M+1}/(M+1)!}. M is the smallest order that makes this ≤ τ for every triplet of
 * the ξ: the error of a feature stays within the stated n(n−1)/2 · τ of {@link DescriptorSpec} (no pair of
 * this ξ is skipped: the expansion is used only for a ξ whose truncation rule keeps every pair). Round-off:
 * the moments are sums of terms bounded by the |term| sums (Cauchy–Schwarz on Σ_α (p!/α!)|r_j^α r_k^α| ≤
 * (r_j r_k)^p), ~10⁻¹⁵ of them. The order of every sum depends only on the positions.
 *
 * <p>Not thread-safe; one per {@link CentreWorker}.
 */
final class MomentLevel {
    /**
     * The largest number of moments per neighbour (K, all l together) for which the expansion is used: its cost
     * is ≈ K multiply-adds per neighbour against ≈ n/2 pair evaluations of ≈ 25 operations each for the pair sum
     * (n ≈ 630 for ka-266), so it wins by a wide margin up to K ≈ 1000–2000 (ka-266's ξ = 14.638: K = 865).
     */
    static final int MAX_COMPONENTS = 1200;
    /** The largest Taylor order considered. */
    static final int MAX_ORDER = 16;

    final int order;
    private final double c;
    private final int lmax, lanes;
    private final int[] trips, zeta;
    private final double[] lambda, taylor, invFact;
    private final Monomials mono;
    private final int[] lo, hi;
    private final double[] scratch, diag;
    private final double[][][] acc;   // [group][l][monomial · lanes + lane]
    private final double[][] sums;    // [l][degree]: the contraction of one species pair
    private double[][] w = new double[0][];

    private MomentLevel(double xi, int order, int[] trips, double[] lambda, int[] zeta, int groups, int lanes) {
        this.c = 2 / (xi * xi);
        this.order = order;
        this.trips = trips;
        this.lambda = lambda;
        this.zeta = zeta;
        this.lanes = lanes;
        int lm = 0;
        for (int z : zeta) lm = Math.max(lm, z);
        lmax = lm;
        mono = new Monomials(order + lmax);
        lo = new int[lmax + 1];
        hi = new int[lmax + 1];
        for (int l = 0; l <= lmax; l++) {
            lo[l] = Monomials.start(l);
            hi[l] = Monomials.start(order + l + 1);
        }
        taylor = new double[order + 1];
        invFact = new double[order + 1];
        taylor[0] = invFact[0] = 1;
        for (int m = 1; m <= order; m++) {
            taylor[m] = taylor[m - 1] * c / m;
            invFact[m] = invFact[m - 1] / m;
        }
        scratch = new double[4 * mono.count * lanes];
        diag = new double[groups];
        acc = new double[groups][lmax + 1][];
        for (int g = 0; g < groups; g++) for (int l = 0; l <= lmax; l++) acc[g][l] = new double[hi[l] * lanes];
        sums = new double[lmax + 1][order + lmax + 1];
    }

    /**
     * The expansion for the triplets {@code trips} of one ξ, or null when it does not pay: its order M (see the
     * class comment) above {@link #MAX_ORDER} or more than {@link #MAX_COMPONENTS} moments per neighbour.
     * The caller uses it only for a ξ whose truncation rule keeps every pair.
     */
    static MomentLevel plan(DescriptorSpec spec, double xi, int[] trips, int lanes) {
        double[] la = new double[trips.length];
        int[] ze = new int[trips.length];
        double worst = 0;
        int lm = 0;
        for (int t = 0; t < trips.length; t++) {
            DescriptorSpec.Angular a = spec.angular().get(trips[t]);
            la[t] = a.lambda();
            ze[t] = a.zeta();
            worst = Math.max(worst, a.zeta() * Math.log1p(Math.abs(a.lambda())));
            lm = Math.max(lm, a.zeta());
        }
        int m = order(2 / (xi * xi) * spec.rmax() * spec.rmax(), worst, Math.log(spec.tolerance()));
        if (m < 0 || components(m, lm) > MAX_COMPONENTS) return null;
        return new MomentLevel(xi, m, trips.clone(), la, ze, spec.speciesCount(), lanes);
    }

    /**
     * The smallest M ≤ {@link #MAX_ORDER} with {@code worst + (M+1) ln X − ln (M+1)! ≤ lnTau} (the per-pair
     * error bound (1 + |λ|)^ζ X^{M+1}/(M+1)! ≤ τ, X = c rmax²), or −1.
     */
    static int order(double x, double worst, double lnTau) {
        double lnFact = 0;
        for (int m = 0; m <= MAX_ORDER; m++) {
            lnFact += Math.log(m + 1);
            if (worst + (m + 1) * Math.log(x) - lnFact <= lnTau) return m;
        }
        return -1;
    }

    /** Moments per neighbour for order M and largest ζ: Σ_{l ≤ ζ} (monomials of degree l … M + l). */
    static int components(int m, int zetaMax) {
        int k = 0;
        for (int l = 0; l <= zetaMax; l++) k += Monomials.start(m + l + 1) - Monomials.start(l);
        return k;
    }

    /**
     * Adds this ξ's features of the centre whose neighbours {@code nb} holds to lane 0 of the accumulators
     * {@code out[(pair · nTrip + t) · lanes]} (pair: unordered species pair in {@link DescriptorSpec} order,
     * t: triplet index). Modifies only out and this object's scratch.
     */
    void compute(Neighbourhood nb, DescriptorKernel kernel, double[] out, int nTrip) {
        int groups = diag.length;
        if (w.length == 0 || w[0].length < nb.x.length) w = new double[lmax + 1][nb.x.length];
        for (int g = 0; g < groups; g++) {
            int gs = nb.start[g], ge = nb.start[g + 1];
            double dg = 0;
            for (int j = gs; j < ge; j++) {
                double x = c * nb.r2[j], f = Math.exp(-x), wl = f;
                for (int l = 0; l <= lmax; l++, wl *= nb.ir[j]) w[l][j] = wl;
                double p = invFact[order];   // P_M(x) = Σ_{m ≤ M} x^m/m! by Horner
                for (int m = order - 1; m >= 0; m--) p = p * x + invFact[m];
                dg += f * f * p;
            }
            diag[g] = dg;
            for (double[] a : acc[g]) java.util.Arrays.fill(a, 0.0);
            // the padding lanes of w beyond ge are read but blended away; keep them finite
            for (int l = 0; l <= lmax; l++) java.util.Arrays.fill(w[l], ge, Math.min(w[l].length, ge + lanes), 0.0);
            if (ge > gs) kernel.moments(nb.x, nb.y, nb.z, gs, ge, w, lo, hi, scratch, acc[g]);
            for (int l = 0; l <= lmax; l++) {   // lanes summed in ascending order, into lane 0
                double[] a = acc[g][l];
                for (int i = lo[l]; i < hi[l]; i++) {
                    double s = 0;
                    for (int q = 0; q < lanes; q++) s += a[i * lanes + q];
                    a[i * lanes] = s;
                }
            }
        }
        int pair = 0;
        for (int a = 0; a < groups; a++) {
            for (int b = a; b < groups; b++, pair++) {
                for (int l = 0; l <= lmax; l++) {
                    double[] ma = acc[a][l], mb = acc[b][l];
                    for (int p = l; p <= order + l; p++) {
                        double s = 0;
                        for (int i = Monomials.start(p), e = Monomials.start(p + 1); i < e; i++) {
                            s += mono.multinomial[i] * ma[i * lanes] * mb[i * lanes];
                        }
                        sums[l][p] = s;
                    }
                }
                for (int t = 0; t < trips.length; t++) {
                    double v = 0;
                    for (int m = order; m >= 0; m--) {
                        double inner = 0, bin = 1, lp = 1;
                        for (int l = 0; l <= zeta[t]; l++) {
                            inner += bin * lp * sums[l][m + l];
                            bin = bin * (zeta[t] - l) / (l + 1);
                            lp *= lambda[t];
                        }
                        v += taylor[m] * inner;
                    }
                    if (a == b) v = (v - ScalarDescriptorKernel.ipow(1 + lambda[t], zeta[t]) * diag[a]) / 2;
                    out[(pair * nTrip + trips[t]) * lanes] += v;
                }
            }
        }
    }
}
