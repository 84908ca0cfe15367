package org.softglass.core.trsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulated overlap statistics over time origins and trajectories ({@code 002} §VII A, App. H):
 * the per-origin Q(t) series (kept, so errors can be bootstrapped over trajectories), sums for
 * S4(q, t) = N(⟨|Q̃(q,t)|²⟩ − |⟨Q̃(q,t)⟩|²) over the three axes, and block sums for the block
 * susceptibility χ4,ℓ(t) = ℓ³ (⟨Q_B²⟩ − ⟨Q_B⟩²). Merge the stats of independent trajectories with
 * {@link #merge}. Not thread-safe.
 */
public final class OverlapStats {
    private final int sites;
    private final double[] lags;
    private final int nq;
    private final int[] blockSides;
    private final List<double[]> q = new ArrayList<>();
    private final double[][] re, im, sq;   // [lag][k]
    private long planeSamples;               // axis × origin samples per lag
    private final double[][] bSum, bSq;    // [lag][block]
    private final long[] bCount;

    /**
     * @param sites      N
     * @param lags       lag grid
     * @param nq         wave numbers per axis
     * @param blockSides block sides ℓ
     */
    public OverlapStats(int sites, double[] lags, int nq, int[] blockSides) {
        this.sites = sites;
        this.lags = lags.clone();
        this.nq = nq;
        this.blockSides = blockSides.clone();
        re = new double[lags.length][nq + 1];
        im = new double[lags.length][nq + 1];
        sq = new double[lags.length][nq + 1];
        bSum = new double[lags.length][blockSides.length];
        bSq = new double[lags.length][blockSides.length];
        bCount = new long[blockSides.length];
    }

    /** The lag grid (a copy). */
    public double[] lags() { return lags.clone(); }

    /** The block sides (a copy). */
    public int[] blockSides() { return blockSides.clone(); }

    /** Number of completed origins. */
    public int origins() { return q.size(); }

    /** The Q(t) series of origin k (live). */
    public double[] originQ(int k) { return q.get(k); }

    /** N. */
    public int sites() { return sites; }

    /** Adds the axis plane sums of I_i(t) at lag index li (plane[a][x], a = axis). */
    void addPlanes(int li, double[][] plane, double[] cos, double[] sin) {
        int l = plane[0].length;
        for (int k = 1; k <= nq; k++)
            for (double[] p : plane) {
                double r = 0, m = 0;
                for (int x = 0; x < l; x++) {
                    r += p[x] * cos[k * l + x];
                    m += p[x] * sin[k * l + x];
                }
                r /= sites;
                m /= sites;
                re[li][k] += r;
                im[li][k] += m;
                sq[li][k] += r * r + m * m;
            }
        if (li == 0) planeSamples += 3;
    }

    /** Adds one origin: Q per lag and the block overlaps blockQ[lag][block][blockIndex]. */
    void addOrigin(double[] qSeries, double[][][] blockQ) {
        q.add(qSeries.clone());
        for (int li = 0; li < lags.length; li++)
            for (int b = 0; b < blockSides.length; b++)
                for (double v : blockQ[li][b]) {
                    bSum[li][b] += v;
                    bSq[li][b] += v * v;
                }
        for (int b = 0; b < blockSides.length; b++) bCount[b] += blockQ[0][b].length;
    }

    /** Adds another trajectory's statistics (same lattice, lags, nq, blocks) into this. */
    public void merge(OverlapStats o) {
        q.addAll(o.q);
        for (int li = 0; li < lags.length; li++) {
            for (int k = 0; k <= nq; k++) {
                re[li][k] += o.re[li][k];
                im[li][k] += o.im[li][k];
                sq[li][k] += o.sq[li][k];
            }
            for (int b = 0; b < blockSides.length; b++) {
                bSum[li][b] += o.bSum[li][b];
                bSq[li][b] += o.bSq[li][b];
            }
        }
        planeSamples += o.planeSamples;
        for (int b = 0; b < blockSides.length; b++) bCount[b] += o.bCount[b];
    }

    /** ⟨Q(t)⟩ over all origins. */
    public double[] meanQ() { return moments(q)[0]; }

    /** χ4(t) = N Var Q(t) over all origins (eq 32). */
    public double[] chi4() {
        double[][] m = moments(q);
        double[] c = new double[lags.length];
        for (int li = 0; li < lags.length; li++) c[li] = sites * (m[1][li] - m[0][li] * m[0][li]);
        return c;
    }

    /** χ4(t) from a subset of origins (e.g. a bootstrap resample). */
    public static double[] chi4(List<double[]> series, int sites) {
        double[][] m = moments(series);
        double[] c = new double[m[0].length];
        for (int li = 0; li < c.length; li++) c[li] = sites * (m[1][li] - m[0][li] * m[0][li]);
        return c;
    }

    private static double[][] moments(List<double[]> series) {
        int nl = series.getFirst().length;
        double[] mean = new double[nl], sq2 = new double[nl];
        for (double[] s : series)
            for (int li = 0; li < nl; li++) {
                mean[li] += s[li];
                sq2[li] += s[li] * s[li];
            }
        for (int li = 0; li < nl; li++) {
            mean[li] /= series.size();
            sq2[li] /= series.size();
        }
        return new double[][]{mean, sq2};
    }

    /** S4(q_k, t) at lag index li for k = 1..nq, q_k = 2πk/L (index 0 unused). */
    public double[] s4(int li) {
        double[] s = new double[nq + 1];
        for (int k = 1; k <= nq; k++) {
            double mr = re[li][k] / planeSamples, mi = im[li][k] / planeSamples;
            s[k] = sites * (sq[li][k] / planeSamples - mr * mr - mi * mi);
        }
        return s;
    }

    /** Block susceptibility χ4,ℓ(t) = ℓ³ Var(Q_B) for block index b, per lag. */
    public double[] blockChi4(int b) {
        double vol = Math.pow(blockSides[b], 3);
        double[] c = new double[lags.length];
        for (int li = 0; li < lags.length; li++) {
            double m = bSum[li][b] / bCount[b];
            c[li] = vol * (bSq[li][b] / bCount[b] - m * m);
        }
        return c;
    }
}
