package org.softglass.core.correlate;

import org.softglass.core.stats.Descriptive;
import org.softglass.core.space.Box;

/**
 * The softness covariance C_S(r) ({@code 002} §V, Fig. 2b, eq 29):
 * C(r) = ⟨δS_i δS_j⟩ over pairs i ≠ j whose minimum-image distance lies in the bin of r, and
 * C(0) = ⟨δS_i²⟩ = σ², with δS = S − ⟨S⟩ and ⟨S⟩ the mean given to the constructor (the mean over
 * all frames used). This is the covariance K_ij = C(|r_i − r_j|) of DESIGN §7 (not normalised by
 * σ²: {@code 002} eq 29 has C0 = σ²).
 *
 * <p>Frames are added one at a time ({@link #add}); pairs closer than rmax are found with a
 * linked-cell grid of side ≥ rmax when the box holds at least 3 cells per axis (O(n) per frame),
 * otherwise by brute force over all pairs (O(n²)); both visit each unordered pair once. Errors: with F ≥ 2 frames,
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
        if (rmax > 0.5 * box.minLength() + 1e-12) throw new org.softglass.core.util.InvalidParameter("{rmax} = " + rmax + " exceeds half the smallest box length (" + box.minLength() + " / 2 = " + 0.5 * box.minLength() + "); lower {rmax}");
        int n = s.length;
        double[] fs = new double[nb];
        long[] fc = new long[nb];
        double self = 0;
        long selfN = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = s[i] - mean;
            if (!Double.isFinite(d[i])) continue;
            self += d[i] * d[i]; selfN++;
            selfSum2 += d[i] * d[i] * d[i] * d[i];
        }
        int[] cells = cellsPerAxis(box);
        if (cells == null) {
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) pair(box, x, y, z, d, i, j, fs, fc);
        } else {
            cellPairs(box, cells, x, y, z, d, fs, fc);
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

    /** Cells per axis of side ≥ rmax when every axis has at least 3 (so the 27-cell stencil is unique), else null (brute force). */
    private int[] cellsPerAxis(Box box) {
        int[] c = new int[3];
        for (int a = 0; a < 3; a++) {
            c[a] = (int) Math.floor(box.length(a) / (rmax * (1 + 1e-9)));
            if (c[a] < 3) return null;
        }
        return c;
    }

    /** All pairs closer than rmax via a linked-cell grid of side ≥ rmax (each unordered pair once). */
    private void cellPairs(Box box, int[] nc, double[] x, double[] y, double[] z, double[] d, double[] fs, long[] fc) {
        int n = d.length, ncell = nc[0] * nc[1] * nc[2];
        int[] cell = new int[n], start = new int[ncell + 1], order = new int[n];
        double[][] p = {x, y, z};
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int a = 2; a >= 0; a--) {
                double f = (box.wrap(p[a][i], a) - box.lo(a)) / box.length(a);
                c = c * nc[a] + Math.min(nc[a] - 1, Math.max(0, (int) (f * nc[a])));
            }
            cell[i] = c;
            start[c + 1]++;
        }
        for (int c = 0; c < ncell; c++) start[c + 1] += start[c];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) order[fill[cell[i]]++] = i;   // stable: ascending i within a cell
        for (int cz = 0; cz < nc[2]; cz++) for (int cy = 0; cy < nc[1]; cy++) for (int cx = 0; cx < nc[0]; cx++) {
            int c = (cz * nc[1] + cy) * nc[0] + cx;
            for (int dz = -1; dz <= 1; dz++) for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                int o = ((Math.floorMod(cz + dz, nc[2])) * nc[1] + Math.floorMod(cy + dy, nc[1])) * nc[0] + Math.floorMod(cx + dx, nc[0]);
                if (o < c) continue;
                for (int a = start[c]; a < start[c + 1]; a++) {
                    int i = order[a];
                    for (int b = o == c ? a + 1 : start[o]; b < start[o + 1]; b++) pair(box, x, y, z, d, i, order[b], fs, fc);
                }
            }
        }
    }

    private void pair(Box box, double[] x, double[] y, double[] z, double[] d, int i, int j, double[] fs, long[] fc) {
        if (!Double.isFinite(d[i]) || !Double.isFinite(d[j])) return;
        double d2 = box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]);
        if (d2 >= rmax * rmax || d2 == 0) return;
        double r = Math.sqrt(d2);
        int k = (int) (r / dr);
        if (k >= nb) return;
        rSum[k] += r;
        double prod = d[i] * d[j];
        fs[k] += prod; fc[k]++;
        sum2[k] += prod * prod;
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

    /** s_{n−1}/√n over the f frame means when f ≥ 2, else over the n single products when n ≥ 2, else NaN. */
    private static double err(long f, double fs, double fs2, long n, double s, double s2) {
        if (f >= 2) return Descriptive.standardErrorFromSums(f, fs, fs2);
        if (n >= 2) return Descriptive.standardErrorFromSums(n, s, s2);
        return Double.NaN;
    }
}
