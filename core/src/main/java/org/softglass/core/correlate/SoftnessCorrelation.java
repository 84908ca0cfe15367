package org.softglass.core.correlate;

import org.softglass.core.space.Box;

/**
 * The softness covariance C_S(r) ({@code 002} §V, Fig. 2b, eq 29):
 * C(r) = ⟨δS_i δS_j⟩ over pairs i ≠ j whose minimum-image distance lies in the bin of r, and
 * C(0) = ⟨δS_i²⟩ = σ², with δS = S − ⟨S⟩ and ⟨S⟩ the mean given to the constructor (the mean over
 * all frames used). This is the covariance K_ij = C(|r_i − r_j|) of DESIGN §7 (not normalised by
 * σ²: {@code 002} eq 29 has C0 = σ²).
 *
 * <p>Frames are added one at a time ({@link #add}); pairs are enumerated by brute force, O(n²) per
 * frame (n = particles with a softness; a few thousand per frame is fast). Errors: with F ≥ 2 frames,
 * the standard deviation of the per-frame bin averages over √F (frames as independent blocks);
 * with one frame, the standard error of the pair products (an underestimate: pairs are correlated).
 */
public final class SoftnessCorrelation {
    private final double rmax, dr, mean;
    private final int nb;
    private final double[] sum, sum2, frameSum, frameSum2, rSum;
    private final long[] count, frames;
    private double selfSum, selfSum2, selfFrameSum, selfFrameSum2;
    private long selfCount, frameCount;

    /**
     * @param rmax largest distance (exclusive), at most half the smallest box length for a unique min image
     * @param dr bin width
     * @param mean ⟨S⟩ subtracted from every S
     */
    public SoftnessCorrelation(double rmax, double dr, double mean) {
        if (!(dr > 0) || !(rmax > dr)) throw new IllegalArgumentException("need 0 < dr < rmax, got dr = " + dr + ", rmax = " + rmax);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean softness must be finite");
        this.rmax = rmax; this.dr = dr; this.mean = mean;
        nb = (int) Math.ceil(rmax / dr - 1e-9);
        sum = new double[nb]; sum2 = new double[nb]; rSum = new double[nb]; frameSum = new double[nb]; frameSum2 = new double[nb];
        count = new long[nb]; frames = new long[nb];
    }

    /**
     * Adds one frame: positions {@code x, y, z} (length n, any periodic image) and softness {@code s}
     * (length n); none is modified. Non-finite S are skipped.
     *
     * @throws IllegalArgumentException if rmax exceeds half the smallest box length
     */
    public void add(Box box, double[] x, double[] y, double[] z, double[] s) {
        if (rmax > 0.5 * box.minLength() + 1e-12) throw new IllegalArgumentException("rmax = " + rmax + " exceeds half the smallest box length (" + box.minLength() + " / 2 = " + 0.5 * box.minLength() + "); lower --rmax");
        int n = s.length;
        double[] fs = new double[nb];
        long[] fc = new long[nb];
        double r2max = rmax * rmax, self = 0;
        long selfN = 0;
        for (int i = 0; i < n; i++) {
            double si = s[i] - mean;
            if (!Double.isFinite(si)) continue;
            self += si * si; selfN++;
            selfSum2 += si * si * si * si;
            for (int j = i + 1; j < n; j++) {
                double sj = s[j] - mean;
                if (!Double.isFinite(sj)) continue;
                double d2 = box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]);
                if (d2 >= r2max || d2 == 0) continue;
                double d = Math.sqrt(d2);
                int k = (int) (d / dr);
                if (k >= nb) continue;
                rSum[k] += d;
                double prod = si * sj;
                fs[k] += prod; fc[k]++;
                sum2[k] += prod * prod;
            }
        }
        if (selfN == 0) return;
        frameCount++;
        selfSum += self; selfCount += selfN;
        double sm = self / selfN;
        selfFrameSum += sm; selfFrameSum2 += sm * sm;
        for (int k = 0; k < nb; k++) {
            if (fc[k] == 0) continue;
            sum[k] += fs[k]; count[k] += fc[k];
            double m = fs[k] / fc[k];
            frameSum[k] += m; frameSum2[k] += m * m; frames[k]++;
        }
    }

    /**
     * The correlation function.
     *
     * @param r bin centres (r &gt; 0)
     * @param rMean mean pair distance in each bin (the abscissa for fits; NaN without pairs)
     * @param c C(r) (NaN in bins without pairs)
     * @param err its error (NaN where undetermined)
     * @param pairs pair counts
     * @param c0 C(0) = σ²
     * @param c0Err its error
     * @param frames frames added
     */
    public record Result(double[] r, double[] rMean, double[] c, double[] err, long[] pairs, double c0, double c0Err, long frames) {}

    /** The accumulated C(r). */
    public Result result() {
        if (selfCount == 0) throw new IllegalStateException("no frames with finite softness were added");
        double[] r = new double[nb], rm = new double[nb], c = new double[nb], e = new double[nb];
        for (int k = 0; k < nb; k++) {
            r[k] = (k + 0.5) * dr;
            c[k] = count[k] > 0 ? sum[k] / count[k] : Double.NaN;
            rm[k] = count[k] > 0 ? rSum[k] / count[k] : Double.NaN;
            e[k] = err(frames[k], frameSum[k], frameSum2[k], count[k], sum[k], sum2[k]);
        }
        double c0 = selfSum / selfCount;
        double c0e = err(frameCount, selfFrameSum, selfFrameSum2, selfCount, selfSum, selfSum2);
        return new Result(r, rm, c, e, count.clone(), c0, c0e, frameCount);
    }

    private static double err(long f, double fs, double fs2, long n, double s, double s2) {
        if (f >= 2) {
            double m = fs / f;
            return Math.sqrt(Math.max(0, (fs2 - f * m * m) / (f - 1)) / f);
        }
        if (n >= 2) {
            double m = s / n;
            return Math.sqrt(Math.max(0, (s2 - n * m * m) / (n - 1)) / n);
        }
        return Double.NaN;
    }
}
