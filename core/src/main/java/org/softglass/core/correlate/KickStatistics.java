package org.softglass.core.correlate;

import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.fit.LineSums;
import org.softglass.core.stats.Descriptive;

/**
 * Softness changes ΔS = S(t_R + δt) − S(t_R − δt) around rearrangements as a function of the
 * distance r̃ to the nearest rearranging particle ({@code 002} §V, Fig. 3, eq 30, App. E), with the
 * r → ∞ background of undetected rearrangements subtracted from the variances (eqs E1–E2) and from
 * the pair covariance.
 *
 * <p><b>Observed quantities</b>, per r̃ bin (and for the rearrangers themselves, r̃ = 0): the line
 * ⟨ΔS⟩ = α + βS fitted over the bin's samples gives η_obs = −β ({@code 002} eq 10,
 * ⟨ΔS⟩ = η(A − S)); the residual e = ΔS − α − βS has variance σ²_obs(r̃, S) in each S bin (residuals,
 * so the spread of S inside an S bin does not inflate it). The background (samples with r̃ ≥ r_bg)
 * gives η2 and σ2²(S) the same way.
 *
 * <p><b>Background subtraction of the variances</b> (App. E, σ² the softness variance):
 * η = η1 + η2 − η1η2 (E1) ⇒ η1 = (η_obs − η2)/(1 − η2);
 * σ²_obs = σ1² + σ2² − σ1²σ2²/σ² (E2) ⇒ σ1² = (σ²_obs − σ2²)/(1 − σ2²/σ²), per S bin, then averaged
 * over S bins weighted by counts → σ̃²(r̃) (Fig. 3c). The corrected mean in an S bin is
 * (⟨ΔS⟩_obs − ⟨ΔS⟩_bg)/(1 − η2) (the same composition rule applied to the means; its slope is −η1).
 *
 * <p><b>Pair covariance and its composition rule.</b> App. E's model: the event's kick
 * ΔS1_i = η1(r̃_i)(A − S_i) + ξ_i with ⟨ξ_i ξ_j⟩ = K_Δ(i, j) = σ1(r̃_i)σ1(r̃_j)ρ(r_ij) (eq 30), then a
 * background kick acting on S + ΔS1, ΔS2_i = η2(A2 − S_i − ΔS1_i) + ζ_i, with ζ independent of ξ and
 * of S but spatially correlated, ⟨ζ_i ζ_j⟩ = B(r_ij) at any distance from the event. Their sum is
 * ΔS_i = const − (η1 + η2 − η1η2) S_i + (1 − η2) ξ_i + ζ_i, so the residual about the line of the
 * particle's own r̃ class is e_i = (1 − η2) ξ_i + ζ_i and, for a rearranger 0 and a particle j at
 * distance r from it,
 * <pre>  cov_obs(r) = cov(e_0, e_j) = (1 − η2)² σ1(0) σ1(r̃_j) ρ(r) + B(r),</pre>
 * while two particles both at r̃ ≥ r_bg (ξ = 0) give cov_bg(r) = B(r). Hence
 * <pre>  ρ̃(r) = [cov_obs(r) − cov_bg(r)] / ((1 − η2)² σ̃(0) σ̃(r̃_j)),</pre>
 * evaluated separately for each class r̃_j of the partner (0 when it is itself a rearranger, else its
 * r̃ bin; r̃_j ≤ r) and averaged over the classes weighted by their pair counts. The variances obey
 * the same rule, σ²_obs = (1 − η2)² σ1² + σ2², which is E2 because the background satisfies detailed
 * balance (eq 18, σ2² = σ²η2(2 − η2) ⇔ (1 − η2)² = 1 − σ2²/σ²). {@code 002} writes
 * ⟨ΔS(0)ΔS(r)⟩/σ̃(0)σ̃(r̃) for ρ̃: the raw product also carries η1(0)η1(r̃)C_S(r) from the mean
 * reversion of correlated softness and the background's B(r), which is why the raw version can
 * exceed 1 (the demo gave ρ(r) up to 3.6); here the covariance of the residuals, the ξ that K_Δ
 * describes, is used. A pair's residuals use the line of each particle's own class (rearranger,
 * r̃ bin, background), so the S dependence is removed consistently with η1(r̃).
 *
 * <p>Errors: delete-one-group jackknife over groups of frames chosen by the caller ({@link #group};
 * contiguous blocks of time, so that correlated neighbouring windows fall in one group). The samples
 * of one frame are far from independent (the background ΔS field is correlated over the whole box
 * and all pairs of a rearrangement share its ΔS_0), which first-order formulas that count samples or
 * pairs as independent miss by a factor of several. Not thread-safe.
 */
public final class KickStatistics {
    private static final int LINE = 6, PAIR = 15;
    private final SoftnessBins rBins, sBins;
    private final double rBackground;
    private final int slots, ns, nr;    // slot 0 = rearrangers (r̃ = 0), 1..nr = r̃ bins, nr+1 = background
    // one flat array of additive sums per jackknife group (layout: see the offsets below)
    private final double[][] groups;
    private final int cellOff, pairOff, bgOff, size;
    private double[] cur;

    /**
     * @param rBins bins of r̃ &gt; 0 (distance to the nearest rearranging particle) and of pair distances r
     * @param sBins bins of S (before the rearrangement)
     * @param rBackground samples with r̃ ≥ this form the background
     * @param jackknifeGroups number of groups of frames for the jackknife errors (≥ 2; {@link #group})
     */
    public KickStatistics(SoftnessBins rBins, SoftnessBins sBins, double rBackground, int jackknifeGroups) {
        if (jackknifeGroups < 2) throw new IllegalArgumentException("the jackknife needs at least 2 groups, got " + jackknifeGroups);
        this.rBins = rBins; this.sBins = sBins; this.rBackground = rBackground;
        nr = rBins.n();
        slots = nr + 2;
        ns = sBins.n();
        cellOff = slots * LINE;                              // line sums per slot: n, ΣS, ΣS², ΣΔ, ΣSΔ, ΣΔ²
        pairOff = cellOff + slots * ns * LINE;               // the same per slot and S bin
        bgOff = pairOff + nr * (nr + 1) * PAIR;              // pair moments per [pair-distance bin][partner class]
        size = bgOff + nr * PAIR;                            // background pair moments per pair-distance bin
        groups = new double[jackknifeGroups][size];
        cur = groups[0];
    }

    /** Subsequent samples go to jackknife group g (0 ≤ g &lt; groups); give each group a contiguous block of frames. */
    public void group(int g) { cur = groups[g]; }

    /** The background distance r_bg: samples (and both particles of a background pair) with r̃ ≥ it are background. */
    public double backgroundDistance() { return rBackground; }

    /** Adds one sample: a particle at distance r̃ (0 = a rearranger) with S before and change ΔS. Non-finite values are skipped. */
    public void add(double r, double s, double ds) {
        if (!Double.isFinite(r) || !Double.isFinite(s) || !Double.isFinite(ds)) return;
        if (r == 0) put(0, s, ds);
        else {
            int k = rBins.index(r);
            if (k >= 0) put(k + 1, s, ds);
        }
        if (r >= rBackground) put(slots - 1, s, ds);
    }

    /**
     * Adds a pair: a rearranger (S_0 before, ΔS_0) and a particle at distance r from it whose own
     * distance to the nearest rearranger is r̃ (0 when it rearranges too), with S_r, ΔS_r. Pairs whose
     * r or r̃ &gt; 0 falls outside the r bins, or with non-finite values, are skipped.
     */
    public void addPair(double r, double rTilde, double s0, double ds0, double sr, double dsr) {
        if (!Double.isFinite(s0) || !Double.isFinite(ds0) || !Double.isFinite(sr) || !Double.isFinite(dsr) || !Double.isFinite(rTilde)) return;
        int k = rBins.index(r);
        if (k < 0) return;
        int m = rTilde == 0 ? 0 : rBins.index(rTilde) + 1;
        if (m < 0) return;
        PairMoments.add(cur, pairOff + (k * (nr + 1) + m) * PAIR, s0, ds0, sr, dsr);
    }

    /**
     * Adds a background pair: two particles at distance r from each other, at distances r̃1, r̃2 from
     * the nearest rearranger, with their S and ΔS. Kept only when r̃1 and r̃2 are both ≥ the background
     * distance and r falls in the r bins.
     */
    public void addBackgroundPair(double r, double rTilde1, double s1, double ds1, double rTilde2, double s2, double ds2) {
        if (!(rTilde1 >= rBackground) || !(rTilde2 >= rBackground)) return;
        if (!Double.isFinite(s1) || !Double.isFinite(ds1) || !Double.isFinite(s2) || !Double.isFinite(ds2)) return;
        int k = rBins.index(r);
        if (k >= 0) PairMoments.add(cur, bgOff + k * PAIR, s1, ds1, s2, ds2);
    }

    private void put(int slot, double s, double ds) {
        acc(cur, slot * LINE, s, ds);
        int k = sBins.index(s);
        if (k >= 0) acc(cur, cellOff + (slot * ns + k) * LINE, s, ds);
    }

    private static void acc(double[] a, int o, double s, double d) {
        a[o]++; a[o + 1] += s; a[o + 2] += s * s; a[o + 3] += d; a[o + 4] += s * d; a[o + 5] += d * d;
    }

    /**
     * Per r bin (index 0 = the rearrangers, r = 0; index i ≥ 1 = r bin i − 1). The σ and η columns are
     * per r̃ (distance of the sample to the nearest rearranger), the ρ and covariance columns per pair
     * distance r. Errors are delete-one-group jackknife errors over the groups of frames.
     *
     * @param r r of each row (0, then bin centres)
     * @param n samples per row
     * @param eta corrected η1(r̃)
     * @param etaErr its error
     * @param sigma corrected σ̃(r̃) (0 when the corrected variance is ≤ 0; see {@code negative})
     * @param sigmaErr its error
     * @param negative rows whose corrected variance came out ≤ 0 (within noise of no kick)
     * @param rho ρ̃(r) (row 0: 1 by definition), background covariance subtracted
     * @param rhoErr its error
     * @param pairs rearranger–partner pairs at distance r (row 0: 0)
     * @param covObs observed residual covariance cov_obs(r) averaged over partner classes (NaN without pairs)
     * @param backgroundPairs background pairs at distance r (row 0: 0)
     * @param covBackground background residual covariance cov_bg(r) (NaN with fewer than 3 background pairs)
     * @param sCenters S-bin mean S of the background (for the mean table)
     * @param meanDs corrected ⟨ΔS⟩ per row and S bin (NaN where the cell has fewer than minCount samples)
     * @param eta2 background η2
     * @param sigma2bg background σ2² per S bin
     * @param backgroundN background samples
     * @param jackknifeGroups groups with samples that entered the errors
     */
    public record Result(double[] r, long[] n, double[] eta, double[] etaErr, double[] sigma, double[] sigmaErr, boolean[] negative,
                         double[] rho, double[] rhoErr, long[] pairs, double[] covObs, long[] backgroundPairs, double[] covBackground,
                         double[] sCenters, double[][] meanDs, double eta2, double[] sigma2bg, long backgroundN, int jackknifeGroups) {}

    /** The estimates of one set of sums (all groups, or all but one). */
    private record Estimate(double[] eta, double[] sigma, boolean[] negative, double[] rho, long[] pairs, double[] covObs, long[] bgPairs,
                            double[] covBg, double[] sCenters, double[][] meanDs, double eta2, double[] sig2bg, long bgN) {}

    /**
     * Evaluates the statistics.
     *
     * @param sigma2 the softness variance σ² (E2)
     * @param minCount fewest samples for an S bin to enter the average
     * @throws IllegalArgumentException when the background has too few samples, or its variance in an
     *     S bin reaches σ² (E2 cannot be inverted)
     */
    public Result result(double sigma2, long minCount) {
        if (!(sigma2 > 0)) throw new IllegalArgumentException("softness variance must be > 0, got " + sigma2);
        double[] total = new double[size];
        java.util.List<double[]> used = new java.util.ArrayList<>();
        for (double[] g : groups) {
            boolean any = false;
            for (int i = 0; i < size; i++) { total[i] += g[i]; any |= g[i] != 0; }
            if (any) used.add(g);
        }
        Estimate e = estimate(total, sigma2, minCount);
        int rows = slots - 1;
        double[] r = new double[rows];
        long[] n = new long[rows];
        for (int i = 0; i < rows; i++) { r[i] = i == 0 ? 0 : rBins.center(i - 1); n[i] = (long) total[i * LINE]; }
        // delete-one-group jackknife: var = (G − 1)/G Σ_g (θ_(g) − θ̄_(·))²; a replicate that cannot be evaluated makes the errors NaN
        int gN = used.size();
        double[][] eReps = new double[gN][], sReps = new double[gN][], rReps = new double[gN][];
        for (int g = 0; g < gN; g++) {
            double[] loo = total.clone();
            double[] grp = used.get(g);
            for (int i = 0; i < size; i++) loo[i] -= grp[i];
            try {
                Estimate x = estimate(loo, sigma2, minCount);
                eReps[g] = x.eta(); sReps[g] = x.sigma(); rReps[g] = x.rho();
            } catch (IllegalArgumentException ex) {
                eReps[g] = sReps[g] = rReps[g] = nan(rows);
            }
        }
        double[] rhoErr = jackknife(rReps, rows);
        rhoErr[0] = 0;
        return new Result(r, n, e.eta(), jackknife(eReps, rows), e.sigma(), jackknife(sReps, rows), e.negative(), e.rho(), rhoErr, e.pairs(),
                e.covObs(), e.bgPairs(), e.covBg(), e.sCenters(), e.meanDs(), e.eta2(), e.sig2bg(), e.bgN(), gN);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] jackknife(double[][] reps, int rows) {
        int g = reps.length;
        double[] err = new double[rows], column = new double[g];
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < g; q++) column[q] = reps[q][i];
            err[i] = Descriptive.jackknifeError(column);   // NaN for g < 2
        }
        return err;
    }

    private Estimate estimate(double[] a, double sigma2, long minCount) {
        int bg = slots - 1;
        double bgN = a[bg * LINE];
        if (bgN < Math.max(3, minCount)) throw new org.softglass.core.util.Refusal("background (r >= " + rBackground + ") has only " + (long) bgN + " samples; choose a smaller background distance (dense events or a small box leave few particles that far)");
        double[] lb = fitLine(a, bg * LINE);
        double eta2 = -lb[1];
        double damp = 1 - eta2;
        double[] sig2bg = new double[ns];
        for (int k = 0; k < ns; k++) {
            int c = cellOff + (bg * ns + k) * LINE;
            sig2bg[k] = residualVariance(a, c, lb);
            if (a[c] >= minCount && sig2bg[k] >= sigma2) {
                throw new org.softglass.core.util.NumericalFailure("background variance of dS " + sig2bg[k] + " in " + sBins.label(k) + " reaches the softness variance "
                        + sigma2 + "; E2 cannot be inverted");
            }
        }
        int rows = slots - 1;
        double[] eta = new double[rows], sig = new double[rows];
        double[] rho = new double[rows], covObs = new double[rows], covBg = new double[rows];
        long[] np = new long[rows], nb = new long[rows];
        boolean[] neg = new boolean[rows];
        double[][] meanDs = new double[rows][ns];
        double[][] lines = new double[rows][];
        double[] sc = new double[ns];
        for (int k = 0; k < ns; k++) {
            int c = cellOff + (bg * ns + k) * LINE;
            sc[k] = a[c] > 0 ? a[c + 1] / a[c] : sBins.center(k);
        }
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(meanDs[i], Double.NaN);
            if (a[i * LINE] < 3) { eta[i] = sig[i] = Double.NaN; continue; }
            double[] l = fitLine(a, i * LINE);
            lines[i] = l;
            eta[i] = (-l[1] - eta2) / damp;
            double w = 0, v = 0;
            for (int k = 0; k < ns; k++) {
                int c = cellOff + (i * ns + k) * LINE, cb = cellOff + (bg * ns + k) * LINE;
                if (a[c] < minCount || a[cb] < minCount) continue;
                double obs = residualVariance(a, c, l);
                w += a[c]; v += a[c] * (obs - sig2bg[k]) / (1 - sig2bg[k] / sigma2);
                meanDs[i][k] = (a[c + 3] / a[c] - (lb[0] + lb[1] * a[c + 1] / a[c])) / damp;
            }
            if (w == 0) { sig[i] = Double.NaN; continue; }
            double s2 = v / w;
            neg[i] = s2 <= 0;
            sig[i] = Math.sqrt(Math.max(0, s2));
        }
        rho[0] = 1; covObs[0] = covBg[0] = Double.NaN;
        double[] ub = PairMoments.residualA(lb[1]), vb = PairMoments.residualB(lb[1]);
        for (int i = 1; i < rows; i++) {
            int bo = bgOff + (i - 1) * PAIR;
            nb[i] = (long) PairMoments.n(a, bo);
            covBg[i] = nb[i] >= 3 ? PairMoments.cov(a, bo, ub, vb) : Double.NaN;
            // per partner class m: ρ_m = (cov_obs,m − cov_bg)/((1 − η2)² σ̃(0) σ̃(m)), averaged with weights n_m
            double wSum = 0, rhoSum = 0, covSum = 0;
            for (int m = 0; m <= nr; m++) {
                int po = pairOff + ((i - 1) * (nr + 1) + m) * PAIR;
                double pn = PairMoments.n(a, po);
                if (pn < 3 || lines[0] == null || lines[m] == null || !(sig[0] > 0) || !(sig[m] > 0)) continue;
                double c = PairMoments.cov(a, po, PairMoments.residualA(lines[0][1]), PairMoments.residualB(lines[m][1]));
                wSum += pn;
                covSum += pn * c;
                rhoSum += pn * (c - covBg[i]) / (damp * damp * sig[0] * sig[m]);
            }
            np[i] = (long) wSum;
            covObs[i] = wSum > 0 ? covSum / wSum : Double.NaN;
            rho[i] = wSum > 0 && Double.isFinite(covBg[i]) ? rhoSum / wSum : Double.NaN;
        }
        return new Estimate(eta, sig, neg, rho, np, covObs, nb, covBg, sc, meanDs, eta2, sig2bg, (long) bgN);
    }

    /** {α, β} of the least-squares line ΔS = α + βS over the sums at a[o..o+5]. */
    private static double[] fitLine(double[] a, int o) {
        LineSums sums = LineSums.at(a, o);
        if (!(sums.xSpread() > 0)) throw new org.softglass.core.util.Refusal("all samples of a distance bin have the same S; cannot fit dS against S");
        double b = sums.slope();
        return new double[] {sums.intercept(b), b};
    }

    /** Variance (n − 1 divisor) of the residuals ΔS − α − βS of the samples summed at a[o..o+5]. */
    private static double residualVariance(double[] a, int o, double[] l) {
        return LineSums.at(a, o).residualVariance(l[0], l[1]);
    }
}
