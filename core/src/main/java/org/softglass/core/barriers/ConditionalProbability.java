package org.softglass.core.barriers;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.random.RandomDataGenerator;

/**
 * P(S) and P(R|S) in softness bins at one temperature ({@code 001} Fig. 2; DESIGN §4), with
 * bootstrap errors.
 *
 * <p>For bin k with n_k samples of which r_k rearrange: P(R|S_k) = r_k/n_k, P(S_k) = n_k/(N w)
 * (a density, N = all finite samples including those outside the bins), and S̄_k the mean S of the
 * bin's samples (the abscissa used by the fits). The error of P(R|S_k) is the standard deviation over
 * B bootstrap replicates; resampling the bin's n_k samples with replacement gives
 * r_k* ~ Binomial(n_k, r_k/n_k), which is drawn directly (seeded; identical for a seed). The error of
 * P(S_k) is the multinomial sqrt(n_k(1 − n_k/N))/(N w).
 *
 * @param bins the binning
 * @param count n_k
 * @param events r_k
 * @param meanS S̄_k (NaN for empty bins)
 * @param density P(S_k)
 * @param densityErr its error
 * @param p P(R|S_k) (NaN for empty bins)
 * @param pErr bootstrap error of P(R|S_k) (0 when r_k = 0 or r_k = n_k: the bootstrap cannot see it)
 * @param total N
 */
public record ConditionalProbability(SoftnessBins bins, long[] count, long[] events, double[] meanS, double[] density,
                                     double[] densityErr, double[] p, double[] pErr, long total) {

    /**
     * @param s softness of each sample (non-finite values are skipped; not modified)
     * @param rearranging whether each sample rearranges (not modified)
     * @param bootstrap number of replicates B (≥ 2)
     * @param seed seed of the replicates
     */
    public static ConditionalProbability compute(double[] s, boolean[] rearranging, SoftnessBins bins, int bootstrap, long seed) {
        if (s.length != rearranging.length) throw new IllegalArgumentException("softness (" + s.length + ") and labels (" + rearranging.length + ") differ in length");
        if (bootstrap < 2) throw new IllegalArgumentException("bootstrap needs at least 2 replicates, got " + bootstrap);
        int nb = bins.n();
        long[] n = new long[nb], r = new long[nb];
        double[] sum = new double[nb];
        long total = 0;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) continue;
            total++;
            int k = bins.index(s[i]);
            if (k < 0) continue;
            n[k]++;
            sum[k] += s[i];
            if (rearranging[i]) r[k]++;
        }
        double w = bins.width();
        double[] mean = new double[nb], dens = new double[nb], densErr = new double[nb], p = new double[nb], pErr = new double[nb];
        RandomDataGenerator rng = new RandomDataGenerator(seed);
        for (int k = 0; k < nb; k++) {
            mean[k] = n[k] > 0 ? sum[k] / n[k] : Double.NaN;
            dens[k] = total > 0 ? n[k] / (total * w) : Double.NaN;
            densErr[k] = total > 0 ? Math.sqrt(n[k] * (1 - (double) n[k] / total)) / (total * w) : Double.NaN;
            p[k] = n[k] > 0 ? (double) r[k] / n[k] : Double.NaN;
            if (n[k] == 0 || r[k] == 0 || r[k] == n[k]) continue;
            if (n[k] > Integer.MAX_VALUE) throw new IllegalArgumentException("bin " + k + " holds more than 2^31 samples");
            BinomialDistribution b = new BinomialDistribution((int) n[k], p[k]);
            double m1 = 0, m2 = 0;
            for (int t = 0; t < bootstrap; t++) {
                double v = (double) rng.nextDeviate(b) / n[k];
                m1 += v; m2 += v * v;
            }
            m1 /= bootstrap;
            pErr[k] = Math.sqrt(Math.max(0, (m2 - bootstrap * m1 * m1) / (bootstrap - 1)));
        }
        return new ConditionalProbability(bins, n, r, mean, dens, densErr, p, pErr, total);
    }
}
