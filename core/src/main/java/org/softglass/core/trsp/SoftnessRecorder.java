package org.softglass.core.trsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Softness statistics of one trajectory ({@code 002} App. F).
 *
 * <ul>
 *   <li>Time averages from regular snapshots (the field is piecewise constant, so snapshots at fixed
 *       times are an unbiased estimate of the time-weighted average of App. F2; sampling at events would
 *       bias towards rearranging configurations): ⟨S⟩, C_S(r) = ⟨(S_i − ⟨S⟩)(S_j − ⟨S⟩)⟩ for every
 *       lattice distance r = |r_i − r_j| ≤ rMax, and the occupancy histogram of S on fixed bins.</li>
 *   <li>Per event, for each rearranging site: the bin of S before (A) and after (B) — the transition
 *       counts n(A, B) of the detailed-balance test of App. F1 — and the count of rearrangements by the
 *       bin of S before, which with the occupancy gives the measured per-site P(R|S).</li>
 *   <li>The mean ⟨S⟩ of every snapshot in order (⟨S(t)⟩ during aging).</li>
 * </ul>
 */
public final class SoftnessRecorder implements TrspDynamics.Observer {
    private final Lattice lat;
    private final double binLo, binWidth;
    private final int bins;
    private final int[] dist2;          // the distinct squared distances ≤ rMax²
    private final int[][][] flat;       // displacement vectors per distance class (half space)
    private final double[] corrSum;     // Σ S_i S_{i+d} per class, normalised per pair
    private double sSum;
    private long snapshots;
    private final long[] occupancy, rearrangements;
    private final long[][] transitions;
    private final List<double[]> series = new ArrayList<>(); // {t, ⟨S⟩}

    /**
     * @param lat   lattice
     * @param rMax  largest distance for C_S(r) (lattice units)
     * @param binLo lower edge of the S bins
     * @param binHi upper edge
     * @param bins  number of bins (values outside are clamped into the end bins)
     */
    public SoftnessRecorder(Lattice lat, double rMax, double binLo, double binHi, int bins) {
        this.lat = lat;
        this.binLo = binLo;
        this.bins = bins;
        this.binWidth = (binHi - binLo) / bins;
        int rm = (int) Math.floor(rMax);
        java.util.TreeMap<Integer, List<int[]>> cls = new java.util.TreeMap<>();
        for (int dx = -rm; dx <= rm; dx++)
            for (int dy = -rm; dy <= rm; dy++)
                for (int dz = -rm; dz <= rm; dz++) {
                    int d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 > rMax * rMax || 2 * Math.sqrt(d2) > lat.side()) continue;
                    // half space (d = 0 kept once) so each unordered pair is counted once
                    if (dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0)))) continue;
                    cls.computeIfAbsent(d2, k -> new ArrayList<>()).add(new int[]{dx, dy, dz});
                }
        dist2 = cls.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<List<int[]>> v = new ArrayList<>(cls.values());
        int[][][] tmp = new int[dist2.length][][];
        for (int k = 0; k < dist2.length; k++) tmp[k] = v.get(k).toArray(int[][]::new);
        flat = tmp;
        corrSum = new double[dist2.length];
        occupancy = new long[bins];
        rearrangements = new long[bins];
        transitions = new long[bins][bins];
    }


    /** Bin of S. */
    public int bin(double s) { return Math.min(bins - 1, Math.max(0, (int) Math.floor((s - binLo) / binWidth))); }

    /** Centre of bin b. */
    public double binCentre(int b) { return binLo + (b + 0.5) * binWidth; }

    /** Number of bins. */
    public int bins() { return bins; }

    @Override
    public void snapshot(double t, double[] s) {
        int n = lat.sites();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += s[i];
            occupancy[bin(s[i])]++;
        }
        sSum += sum / n;
        series.add(new double[]{t, sum / n});
        for (int k = 0; k < dist2.length; k++) {
            double c = 0;
            for (int[] d : flat[k])
                for (int i = 0; i < n; i++) c += s[i] * s[lat.shift(i, d[0], d[1], d[2])];
            corrSum[k] += c / ((double) n * flat[k].length);
        }
        snapshots++;
    }

    @Override
    public void event(double t, int[] sites, double[] before, double[] after) {
        for (int j = 0; j < sites.length; j++) {
            int a = bin(before[j]), b = bin(after[j]);
            rearrangements[a]++;
            transitions[a][b]++;
        }
    }

    /** Number of snapshots. */
    public long snapshots() { return snapshots; }

    /** Time-averaged ⟨S⟩. */
    public double meanS() { return sSum / snapshots; }

    /** The distances r of {@link #correlation}. */
    public double[] distances() {
        double[] r = new double[dist2.length];
        for (int k = 0; k < r.length; k++) r[k] = Math.sqrt(dist2[k]);
        return r;
    }

    /**
     * C_S(r) = ⟨S_i S_j⟩ − ⟨S⟩² with ⟨S⟩ the mean over this run (a covariance estimate with the
     * O(ξ³/N) bias of a fluctuating sample mean).
     */
    public double[] correlation() {
        double m = meanS();
        double[] c = new double[dist2.length];
        for (int k = 0; k < c.length; k++) c[k] = corrSum[k] / snapshots - m * m;
        return c;
    }

    /** ⟨S_i S_j⟩ per distance of {@link #distances} (time average, not centred). */
    public double[] secondMoment() {
        double[] c = new double[dist2.length];
        for (int k = 0; k < c.length; k++) c[k] = corrSum[k] / snapshots;
        return c;
    }

    /** Occupancy counts per bin (site × snapshot). */
    public long[] occupancy() { return occupancy.clone(); }

    /** Rearranging-site counts per bin of S before the event. */
    public long[] rearrangements() { return rearrangements.clone(); }

    /** Transition counts n(A, B) (a copy). */
    public long[][] transitions() {
        long[][] c = new long[bins][];
        for (int a = 0; a < bins; a++) c[a] = transitions[a].clone();
        return c;
    }

    /** {t, ⟨S⟩} of every snapshot, in order. */
    public List<double[]> series() { return series; }
}
