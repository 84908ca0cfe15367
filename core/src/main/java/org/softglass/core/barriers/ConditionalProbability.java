package org.softglass.core.barriers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softglass.core.stats.Descriptive;

/**
 * P(S) and P(R|S) in softness bins at one temperature ({@code 001} Fig. 2; DESIGN §4), with
 * block-bootstrap errors (DESIGN §7b).
 *
 * <p>For bin k with n_k samples of which r_k rearrange: P(R|S_k) = r_k/n_k, P(S_k) = n_k/(N w)
 * (a density, N = all finite samples including those outside the bins), and S̄_k the mean S of the
 * bin's samples (the abscissa used by the fits). The error of P(S_k) is the multinomial
 * sqrt(n_k(1 − n_k/N))/(N w).
 *
 * <p><b>Error of P(R|S_k): block bootstrap.</b> A sample is one particle in one frame, and the samples
 * are not independent: a rearrangement keeps p_hop above the threshold for several consecutive
 * frames of one particle ({@code 002} §V: the mean duration τ_R spans several frames, see
 * {@link RearrangementDuration}), and a particle's softness persists from frame to frame. Resampling
 * particle-frames one by one treats the frames of one event as independent evidence and makes the
 * error too small by about √(frames per event). DESIGN §7b therefore asks for "a block bootstrap
 * (blocks of particles or of time longer than one event)". The caller assigns every sample a block;
 * the block is resampled whole. {@code barriers} uses <em>particles</em> as blocks (each particle's
 * full time series at the temperature): every event lies inside one block however long it lasts,
 * whereas time blocks of fixed length cut events at their edges and, with the few tens of frames of a
 * run, would give few blocks. What a particle block does not capture is correlation between
 * neighbouring particles (facilitation); the χ²/dof scaling of the fits (DESIGN §7b,
 * {@link ArrheniusFit}, {@link OnsetFit}) covers what is left.
 *
 * <p>Replicate b draws M blocks with replacement (M = number of blocks holding a finite sample),
 * sums their per-bin counts, r*_k = Σ r_{jk}, n*_k = Σ n_{jk}, and records P*_k = r*_k/n*_k; the
 * error of P(R|S_k) is the standard deviation (divisor B' − 1) over the B' replicates in which bin k
 * is not empty. Memory is O(nonzero (block, bin) pairs): the per-block bin counts are kept, never a
 * resampled copy of the data; time O(B × nonzero pairs). The draws come from one
 * {@link SplittableRandom} seeded with {@code seed}, in a fixed order, so the errors are identical
 * for a seed whatever the thread count.
 *
 * @param bins the binning
 * @param count n_k
 * @param events r_k
 * @param meanS S̄_k (NaN for empty bins)
 * @param density P(S_k)
 * @param densityErr its error
 * @param p P(R|S_k) (NaN for empty bins)
 * @param pErr block-bootstrap error of P(R|S_k) (0 when r_k = 0 or r_k = n_k: the bootstrap cannot
 *     see it; NaN when fewer than 2 replicates had the bin non-empty)
 * @param total N
 * @param blocks number of bootstrap blocks M (blocks holding at least one finite sample; N for the
 *     independent-sample bootstrap)
 */
public record ConditionalProbability(SoftnessBins bins, long[] count, long[] events, double[] meanS, double[] density,
                                     double[] densityErr, double[] p, double[] pErr, long total, int blocks) {

    /**
     * The independent-sample bootstrap (the error of the earlier versions): every sample its own
     * block. Resampling the bin's n_k samples with replacement gives r*_k ~ Binomial(n_k, r_k/n_k),
     * which is drawn directly (O(B × bins)). Right only for independent samples; for frames of a
     * trajectory use {@link #compute(double[], boolean[], int[], SoftnessBins, int, long)} with particle
     * blocks — this version understates the error there by about √(frames per event).
     */
    public static ConditionalProbability compute(double[] s, boolean[] rearranging, SoftnessBins bins, int bootstrap, long seed) {
        if (bootstrap < 2) throw new IllegalArgumentException("bootstrap needs at least 2 replicates, got " + bootstrap);
        ConditionalProbability c = counts(s, rearranging, null, bins);
        org.hipparchus.random.RandomDataGenerator rng = new org.hipparchus.random.RandomDataGenerator(seed);
        for (int k = 0; k < bins.n(); k++) {
            long n = c.count[k], r = c.events[k];
            if (n == 0) { c.pErr[k] = Double.NaN; continue; }
            if (r == 0 || r == n) continue;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("bin " + k + " holds more than 2^31 samples");
            var b = new org.hipparchus.distribution.discrete.BinomialDistribution((int) n, c.p[k]);
            double m1 = 0, m2 = 0;
            for (int t = 0; t < bootstrap; t++) {
                double v = (double) rng.nextDeviate(b) / n;
                m1 += v; m2 += v * v;
            }
            c.pErr[k] = Math.sqrt(Descriptive.varianceFromSums(bootstrap, m1, m2, Descriptive.Divisor.SAMPLE));   // spread of the replicates, n − 1
        }
        return c;
    }

    /**
     * @param s softness of each sample (non-finite values are skipped; not modified)
     * @param rearranging whether each sample rearranges (not modified)
     * @param block bootstrap block of each sample, ≥ 0 (e.g. {@link #denseBlocks} of the particle ids;
     *     not modified)
     * @param bootstrap number of replicates B (≥ 2)
     * @param seed seed of the replicates
     */
    public static ConditionalProbability compute(double[] s, boolean[] rearranging, int[] block, SoftnessBins bins, int bootstrap, long seed) {
        if (s.length != block.length) throw new IllegalArgumentException("softness (" + s.length + ") and blocks (" + block.length + ") differ in length");
        if (bootstrap < 2) throw new IllegalArgumentException("bootstrap needs at least 2 replicates, got " + bootstrap);
        int maxBlock = -1, inBins = 0;
        for (int i = 0; i < s.length; i++) {
            if (block[i] < 0) throw new IllegalArgumentException("sample " + i + " has block " + block[i] + ", expected >= 0");
            if (Double.isFinite(s[i])) maxBlock = Math.max(maxBlock, block[i]);
        }
        int nb = bins.n();
        ConditionalProbability c0 = counts(s, rearranging, block, bins);
        long[] n = c0.count, r = c0.events;
        for (long v : n) inBins += (int) v;
        double[] pErr = c0.pErr;
        BlockCounts bc = BlockCounts.of(s, rearranging, block, bins, inBins, maxBlock + 1);
        double[] m1 = new double[nb], m2 = new double[nb];
        int[] valid = new int[nb];
        long[] ns = new long[nb], rs = new long[nb];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < bootstrap; b++) {
            Arrays.fill(ns, 0);
            Arrays.fill(rs, 0);
            for (int d = 0; d < bc.present.length; d++) {
                int j = bc.present[rng.nextInt(bc.present.length)];
                for (int e = bc.start[j]; e < bc.start[j + 1]; e++) { ns[bc.bin[e]] += bc.n[e]; rs[bc.bin[e]] += bc.r[e]; }
            }
            for (int k = 0; k < nb; k++) {
                if (ns[k] == 0) continue;
                double v = (double) rs[k] / ns[k];
                valid[k]++;   // Welford: m1 running mean, m2 sum of squared deviations
                double dv = v - m1[k];
                m1[k] += dv / valid[k];
                m2[k] += dv * (v - m1[k]);
            }
        }
        for (int k = 0; k < nb; k++) {
            if (n[k] == 0) pErr[k] = Double.NaN;
            else if (r[k] == 0 || r[k] == n[k]) pErr[k] = 0;
            else pErr[k] = valid[k] >= 2 ? Math.sqrt(m2[k] / (valid[k] - 1)) : Double.NaN;
        }
        return new ConditionalProbability(bins, n, r, c0.meanS, c0.density, c0.densityErr, c0.p, pErr, c0.total, bc.present.length);
    }

    /**
     * The counts, S̄_k, P(S_k) and P(R|S_k), with pErr all 0 (to be filled) and {@code blocks} = N for
     * the independent-sample bootstrap ({@code block} null), −1 otherwise (to be filled).
     */
    private static ConditionalProbability counts(double[] s, boolean[] rearranging, int[] block, SoftnessBins bins) {
        if (s.length != rearranging.length) throw new IllegalArgumentException("softness (" + s.length + ") and labels (" + rearranging.length + ") differ in length");
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
        for (int k = 0; k < nb; k++) {
            mean[k] = n[k] > 0 ? sum[k] / n[k] : Double.NaN;
            dens[k] = total > 0 ? n[k] / (total * w) : Double.NaN;
            densErr[k] = total > 0 ? Math.sqrt(n[k] * (1 - (double) n[k] / total)) / (total * w) : Double.NaN;
            p[k] = n[k] > 0 ? (double) r[k] / n[k] : Double.NaN;
        }
        return new ConditionalProbability(bins, n, r, mean, dens, densErr, p, pErr, total, block == null ? (int) Math.min(total, Integer.MAX_VALUE) : -1);
    }

    /**
     * Dense block indices 0..M−1 from arbitrary labels (e.g. particle ids): equal labels get equal
     * indices, in ascending order of label.
     *
     * @param labels one label per sample (not modified)
     */
    public static int[] denseBlocks(long[] labels) {
        long[] u = labels.clone();
        Arrays.sort(u);
        int m = 0;
        for (int i = 0; i < u.length; i++) if (i == 0 || u[i] != u[i - 1]) u[m++] = u[i];
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) out[i] = Arrays.binarySearch(u, 0, m, labels[i]);
        return out;
    }

    /**
     * Per-block bin counts in compressed rows: block j's nonzero bins are entries start[j]..start[j+1]−1
     * with their bin, n_{jk} and r_{jk}; {@code present} lists the blocks holding a finite sample
     * (in or out of the bins: a particle whose softness lies outside the bins is still drawn).
     */
    private record BlockCounts(int[] start, int[] bin, long[] n, long[] r, int[] present) {
        static BlockCounts of(double[] s, boolean[] rearranging, int[] block, SoftnessBins bins, int inBins, int nBlocks) {
            int nb = bins.n();
            long[] key = new long[inBins];   // (block, bin, rearranging) packed, sorted to group
            boolean[] has = new boolean[nBlocks];
            int q = 0;
            for (int i = 0; i < s.length; i++) {
                if (!Double.isFinite(s[i])) continue;
                has[block[i]] = true;
                int k = bins.index(s[i]);
                if (k < 0) continue;
                key[q++] = ((long) block[i] * nb + k) * 2 + (rearranging[i] ? 1 : 0);
            }
            Arrays.sort(key);
            int entries = 0;
            for (int i = 0; i < q; i++) if (i == 0 || key[i] / 2 != key[i - 1] / 2) entries++;
            int[] start = new int[nBlocks + 1], bin = new int[entries];
            long[] n = new long[entries], r = new long[entries];
            int e = -1;
            for (int i = 0; i < q; i++) {
                long cell = key[i] / 2;
                if (i == 0 || cell != key[i - 1] / 2) {
                    e++;
                    bin[e] = (int) (cell % nb);
                    start[(int) (cell / nb) + 1]++;
                }
                n[e]++;
                r[e] += key[i] & 1;
            }
            for (int j = 0; j < nBlocks; j++) start[j + 1] += start[j];
            int m = 0;
            for (boolean h : has) if (h) m++;
            int[] present = new int[m];
            m = 0;
            for (int j = 0; j < nBlocks; j++) if (has[j]) present[m++] = j;
            return new BlockCounts(start, bin, n, r, present);
        }
    }
}
