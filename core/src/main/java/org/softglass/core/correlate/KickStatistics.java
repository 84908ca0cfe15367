package org.softglass.core.correlate;

import org.softglass.core.barriers.SoftnessBins;

/**
 * Softness changes ΔS = S(t_R + δt) − S(t_R − δt) around rearrangements as a function of the
 * distance r to the nearest rearranging particle ({@code 002} §V, Fig. 3, App. E), with the r → ∞
 * background of undetected rearrangements subtracted by eqs E1–E2.
 *
 * <p><b>Observed quantities</b>, per r bin (and for the rearrangers themselves, r = 0): the line
 * ⟨ΔS⟩ = α + βS fitted over the bin's samples gives η_obs = −β ({@code 002} eq 10,
 * ⟨ΔS⟩ = η(A − S)); the residual variance about that line in each S bin is σ²_obs(r, S) (residuals,
 * so the spread of S inside an S bin does not inflate it). The background (samples with r ≥ r_bg)
 * gives η2 and σ2²(S) the same way.
 *
 * <p><b>Background subtraction</b> (App. E, with σ² the softness variance):
 * η = η1 + η2 − η1η2 (E1) ⇒ η1 = (η_obs − η2)/(1 − η2);
 * σ²_obs = σ1² + σ2² − σ1²σ2²/σ² (E2) ⇒ σ1² = (σ²_obs − σ2²)/(1 − σ2²/σ²), per S bin, then averaged
 * over S bins weighted by counts → σ̃²(r) (Fig. 3c). The corrected mean in an S bin is
 * (⟨ΔS⟩_obs − ⟨ΔS⟩_bg)/(1 − η2) (the same composition rule applied to the means; its slope is −η1).
 * ρ̃(r) = cov(ΔS_0, ΔS_r)/((1 − η2)² σ̃(0) σ̃(r)) for a rearranger's ΔS_0 and a particle's ΔS_r at
 * distance r from it; {@code 002} writes ⟨ΔS(0)ΔS(r)⟩/σ̃(0)σ̃(r): the covariance (means removed)
 * is used here, and the factor (1 − η2)² undoes the damping of the correlated part by a later
 * background event under the same E1–E2 model (it is 1 without background).
 *
 * <p>Errors (first order): var(σ²_obs) = 2σ⁴/(n − 1) per S bin (Gaussian), propagated through E2
 * and the average; η from the line's slope error; ρ from var(sample covariance) = (var a · var b + cov²)/(n − 1)
 * and the relative errors of σ̃(0), σ̃(r). Not thread-safe.
 */
public final class KickStatistics {
    private final SoftnessBins rBins, sBins;
    private final double rBackground;
    private final int slots, ns;        // slot 0 = rearrangers (r = 0), 1..nr = r bins, nr+1 = background
    private final double[][] line;      // per slot: n, ΣS, ΣS², ΣΔ, ΣSΔ, ΣΔ²
    private final double[][][] cell;    // per slot and S bin: the same sums
    private final double[][] pairs;     // per r bin: n, Σa, Σb, Σab, Σa², Σb²

    /**
     * @param rBins bins of r &gt; 0 (distance to the nearest rearranging particle)
     * @param sBins bins of S (before the rearrangement)
     * @param rBackground samples with r ≥ this form the background
     */
    public KickStatistics(SoftnessBins rBins, SoftnessBins sBins, double rBackground) {
        this.rBins = rBins; this.sBins = sBins; this.rBackground = rBackground;
        slots = rBins.n() + 2;
        ns = sBins.n();
        line = new double[slots][6];
        cell = new double[slots][ns][6];
        pairs = new double[rBins.n()][6];
    }

    /** Adds one sample: a particle at distance r (0 = a rearranger) with S before and change ΔS. Non-finite values are skipped. */
    public void add(double r, double s, double ds) {
        if (!Double.isFinite(r) || !Double.isFinite(s) || !Double.isFinite(ds)) return;
        if (r == 0) put(0, s, ds);
        else {
            int k = rBins.index(r);
            if (k >= 0) put(k + 1, s, ds);
        }
        if (r >= rBackground) put(slots - 1, s, ds);
    }

    /** Adds a pair: a rearranger's ΔS_0 and the ΔS_r of a particle at distance r from it. */
    public void addPair(double r, double ds0, double dsr) {
        if (!Double.isFinite(ds0) || !Double.isFinite(dsr)) return;
        int k = rBins.index(r);
        if (k < 0) return;
        double[] p = pairs[k];
        p[0]++; p[1] += ds0; p[2] += dsr; p[3] += ds0 * dsr; p[4] += ds0 * ds0; p[5] += dsr * dsr;
    }

    private void put(int slot, double s, double ds) {
        acc(line[slot], s, ds);
        int k = sBins.index(s);
        if (k >= 0) acc(cell[slot][k], s, ds);
    }

    private static void acc(double[] a, double s, double d) {
        a[0]++; a[1] += s; a[2] += s * s; a[3] += d; a[4] += s * d; a[5] += d * d;
    }

    /**
     * Per r bin (index 0 = the rearrangers, r = 0; index i ≥ 1 = r bin i − 1):
     *
     * @param r r of each row (0, then bin centres)
     * @param n samples per row
     * @param eta corrected η1(r)
     * @param etaErr its error
     * @param sigma corrected σ̃(r) (0 when the corrected variance is ≤ 0; see {@code negative})
     * @param sigmaErr its error
     * @param negative rows whose corrected variance came out ≤ 0 (within noise of no kick)
     * @param rho ρ̃(r) (row 0: 1 by definition)
     * @param rhoErr its error
     * @param sCenters S-bin mean S of the background (for the mean table)
     * @param meanDs corrected ⟨ΔS⟩ per row and S bin (NaN where the cell has fewer than minCount samples)
     * @param eta2 background η2
     * @param sigma2bg background σ2² per S bin
     * @param backgroundN background samples
     */
    public record Result(double[] r, long[] n, double[] eta, double[] etaErr, double[] sigma, double[] sigmaErr, boolean[] negative,
                         double[] rho, double[] rhoErr, double[] sCenters, double[][] meanDs, double eta2, double[] sigma2bg,
                         long backgroundN) {}

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
        int bg = slots - 1;
        if (line[bg][0] < Math.max(3, minCount)) throw new IllegalArgumentException("background (r >= " + rBackground + ") has only " + (long) line[bg][0] + " samples; choose a smaller background distance (dense events or a small box leave few particles that far)");
        double[] lb = fitLine(line[bg]);
        double eta2 = -lb[1];
        double damp = 1 - eta2;
        double[] sig2bg = new double[ns];
        for (int k = 0; k < ns; k++) {
            sig2bg[k] = residualVariance(cell[bg][k], lb);
            if (cell[bg][k][0] >= minCount && sig2bg[k] >= sigma2) {
                throw new IllegalArgumentException("background variance of dS " + sig2bg[k] + " in " + sBins.label(k) + " reaches the softness variance "
                        + sigma2 + "; E2 cannot be inverted");
            }
        }
        int rows = slots - 1;
        double[] r = new double[rows], eta = new double[rows], etaErr = new double[rows], sig = new double[rows], sigErr = new double[rows];
        double[] rho = new double[rows], rhoErr = new double[rows];
        long[] n = new long[rows];
        boolean[] neg = new boolean[rows];
        double[][] meanDs = new double[rows][ns];
        double[] sc = new double[ns];
        for (int k = 0; k < ns; k++) sc[k] = cell[bg][k][0] > 0 ? cell[bg][k][1] / cell[bg][k][0] : sBins.center(k);
        for (int i = 0; i < rows; i++) {
            r[i] = i == 0 ? 0 : rBins.center(i - 1);
            double[] a = line[i];
            n[i] = (long) a[0];
            java.util.Arrays.fill(meanDs[i], Double.NaN);
            if (a[0] < 3) { eta[i] = etaErr[i] = sig[i] = sigErr[i] = Double.NaN; continue; }
            double[] l = fitLine(a);
            eta[i] = (-l[1] - eta2) / damp;
            etaErr[i] = l[2] / damp;
            double w = 0, v = 0, ve = 0;
            for (int k = 0; k < ns; k++) {
                double[] c = cell[i][k];
                if (c[0] < minCount || cell[bg][k][0] < minCount) continue;
                double obs = residualVariance(c, l);
                double corr = (obs - sig2bg[k]) / (1 - sig2bg[k] / sigma2);
                double ce = obs * Math.sqrt(2 / (c[0] - 1)) / (1 - sig2bg[k] / sigma2);
                w += c[0]; v += c[0] * corr; ve += c[0] * c[0] * ce * ce;
                double sMean = c[1] / c[0];
                meanDs[i][k] = (c[3] / c[0] - (lb[0] + lb[1] * sMean)) / damp;
            }
            if (w == 0) { sig[i] = sigErr[i] = Double.NaN; continue; }
            double s2 = v / w, s2e = Math.sqrt(ve) / w;
            neg[i] = s2 <= 0;
            sig[i] = Math.sqrt(Math.max(0, s2));
            sigErr[i] = sig[i] > 0 ? s2e / (2 * sig[i]) : Math.sqrt(s2e);
        }
        rho[0] = 1; rhoErr[0] = 0;
        for (int i = 1; i < rows; i++) {
            double[] p = pairs[i - 1];
            if (p[0] < 3 || !(sig[0] > 0) || !(sig[i] > 0)) { rho[i] = rhoErr[i] = Double.NaN; continue; }
            double cov = (p[3] - p[1] * p[2] / p[0]) / (p[0] - 1);
            double va = (p[4] - p[1] * p[1] / p[0]) / (p[0] - 1), vb = (p[5] - p[2] * p[2] / p[0]) / (p[0] - 1);
            double norm = damp * damp * sig[0] * sig[i];
            rho[i] = cov / norm;
            // first order: var(sample cov) = (va vb + cov²)/(n − 1), plus the relative errors of σ̃(0), σ̃(r)
            double rel = Math.pow(sigErr[0] / sig[0], 2) + Math.pow(sigErr[i] / sig[i], 2);
            rhoErr[i] = Math.sqrt((va * vb + cov * cov) / (p[0] - 1) / (norm * norm) + rho[i] * rho[i] * rel);
        }
        return new Result(r, n, eta, etaErr, sig, sigErr, neg, rho, rhoErr, sc, meanDs, eta2, sig2bg, (long) line[bg][0]);
    }

    /** {α, β, σ(β)} of the least-squares line ΔS = α + βS over the sums a. */
    private static double[] fitLine(double[] a) {
        double n = a[0], sxx = a[2] - a[1] * a[1] / n, sxy = a[4] - a[1] * a[3] / n;
        if (!(sxx > 0)) throw new IllegalArgumentException("all samples of a distance bin have the same S; cannot fit dS against S");
        double b = sxy / sxx, al = (a[3] - b * a[1]) / n;
        double syy = a[5] - a[3] * a[3] / n;
        double res = Math.max(0, syy - b * sxy) / Math.max(1, n - 2);
        return new double[] {al, b, Math.sqrt(res / sxx)};
    }

    /** Variance (n − 1 divisor) of the residuals ΔS − α − βS of the samples summed in c. */
    private static double residualVariance(double[] c, double[] l) {
        double n = c[0];
        if (n < 2) return Double.NaN;
        double al = l[0], b = l[1];
        double se = c[3] - al * n - b * c[1];
        double se2 = c[5] + al * al * n + b * b * c[2] - 2 * al * c[3] - 2 * b * c[4] + 2 * al * b * c[1];
        return Math.max(0, (se2 - se * se / n) / (n - 1));
    }
}
