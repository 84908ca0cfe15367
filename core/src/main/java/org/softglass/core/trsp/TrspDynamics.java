package org.softglass.core.trsp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One trajectory of the TRSP model: continuous-time Gillespie dynamics of the softness field
 * ({@code 002} §VI). Each cluster c fires with rate P0(R|S̄_c)/τ_R held in a {@link SumTree}; the
 * waiting time is exponential with the total rate; a firing applies ΔS = H(μ' − S) + η through the
 * cluster shape's {@link WindowedKick}, after which the rates of every cluster that shares a changed
 * site are recomputed (O(|W| log n) per event).
 *
 * <p>Cluster index c = shapeIndex·N + anchor. The model of the dynamics (temperature, μ, rates, kicks)
 * is fixed; the initial field is given (equilibrium of T_I for aging runs). Deterministic for a given
 * seed. Not thread-safe: run independent trajectories on independent instances.
 */
public final class TrspDynamics {

    /** Receives each event and regular snapshots of the field. */
    public interface Observer {
        /**
         * Called for each snapshot time t_k = k·interval (k ≥ 0) reached before the next event; the
         * field is constant between events, so regular snapshots sample the time average without bias.
         *
         * @param t the snapshot time
         * @param s the field; do not modify
         */
        default void snapshot(double t, double[] s) {}

        /**
         * Called once per rearrangement, after the field was updated.
         *
         * @param t       the event time
         * @param sites   the m sites of the firing cluster; do not modify
         * @param before  S at those sites just before the event; do not modify
         * @param after   S at those sites just after; do not modify
         */
        default void event(double t, int[] sites, double[] before, double[] after) {}
    }

    private final TrspModel model;
    private final Lattice lat;
    private final List<ClusterShape> shapes;
    private final WindowedKick[] kicks;
    private final int[][][] affected;  // per event shape: {shapeIndex, dx, dy, dz} of clusters sharing a row site
    private final int[][][] shapeOffsets;
    private final double[] s;
    private final SumTree tree;
    private final SplittableRandom rng;
    private double time;
    private long events;
    private final int[] rowSites, colSites, clusterSites;
    private final double[] delta, before, after;
    private final int[] members;         // members[c·m + j]: site j of cluster c
    private final int m;
    private final int[] dirty;
    private final double[] dirtyRates;

    /**
     * @param model   the model at the run temperature
     * @param kicks   one kick per shape of {@code model.shapes()}, in that order
     * @param initial the initial field (length N; copied)
     * @param seed    the random seed
     */
    public TrspDynamics(TrspModel model, List<WindowedKick> kicks, double[] initial, long seed) {
        this.model = model;
        this.lat = model.lattice();
        this.shapes = model.shapes();
        if (kicks.size() != shapes.size()) throw new IllegalArgumentException("need one kick per cluster shape");
        this.kicks = kicks.toArray(new WindowedKick[0]);
        int n = lat.sites();
        if (initial.length != n) throw new IllegalArgumentException("initial field must have N = " + n + " values");
        s = initial.clone();
        rng = new SplittableRandom(seed);
        shapeOffsets = new int[shapes.size()][][];
        for (int k = 0; k < shapes.size(); k++) {
            ClusterShape sh = shapes.get(k);
            shapeOffsets[k] = new int[sh.size()][];
            for (int j = 0; j < sh.size(); j++) shapeOffsets[k][j] = sh.offset(j);
        }
        affected = new int[shapes.size()][][];
        int maxRows = 0, maxCols = 0;
        for (int k = 0; k < shapes.size(); k++) {
            WindowedKick w = this.kicks[k];
            if (w.shape() != shapes.get(k)) throw new IllegalArgumentException("kick " + k + " is for " + w.shape() + ", expected " + shapes.get(k));
            maxRows = Math.max(maxRows, w.rowCount());
            maxCols = Math.max(maxCols, w.columnCount());
            Set<List<Integer>> set = new LinkedHashSet<>();
            for (int a = 0; a < w.rowCount(); a++) {
                int[] r = w.rowOffset(a);
                for (int k2 = 0; k2 < shapes.size(); k2++)
                    for (int[] o : shapeOffsets[k2]) {
                        // wrap into a canonical offset so a window spanning the lattice lists each cluster once
                        int dx = lat.minImage(r[0] - o[0]), dy = lat.minImage(r[1] - o[1]), dz = lat.minImage(r[2] - o[2]);
                        set.add(List.of(k2, dx, dy, dz));
                    }
            }
            affected[k] = set.stream().map(l -> new int[]{l.get(0), l.get(1), l.get(2), l.get(3)}).toArray(int[][]::new);
        }
        rowSites = new int[maxRows];
        colSites = new int[maxCols];
        delta = new double[maxRows];
        m = model.clusterSize();
        clusterSites = new int[m];
        before = new double[m];
        after = new double[m];
        members = new int[shapes.size() * n * m];
        for (int k = 0; k < shapes.size(); k++)
            for (int a = 0; a < n; a++)
                for (int j = 0; j < m; j++) {
                    int[] o = shapeOffsets[k][j];
                    members[(k * n + a) * m + j] = lat.shift(a, o[0], o[1], o[2]);
                }
        int maxAffected = 0;
        for (int[][] a : affected) maxAffected = Math.max(maxAffected, a.length);
        dirty = new int[maxAffected];
        dirtyRates = new double[maxAffected];
        tree = new SumTree(shapes.size() * n);
        double[] rates = new double[shapes.size() * n];
        for (int c = 0; c < rates.length; c++) rates[c] = rate(c);
        tree.setAll(rates);
    }

    private double rate(int cluster) {
        double sum = 0;
        int base = cluster * m;
        for (int j = 0; j < m; j++) sum += s[members[base + j]];
        return model.clusterRate(sum / m);
    }

    /** The current field (live; do not modify). */
    public double[] field() { return s; }

    /** The current time. */
    public double time() { return time; }

    /** Events so far. */
    public long events() { return events; }

    /** The total rate Σ_c P0(R|S̄_c)/τ_R. */
    public double totalRate() { return tree.total(); }

    /**
     * Runs until time {@code tEnd}, calling {@code observer} for snapshots at multiples of
     * {@code interval} in [current time, tEnd] and for every event before tEnd.
     *
     * @param tEnd     end time (&gt; current time)
     * @param interval snapshot interval (&gt; 0), or +∞ for none
     * @param observer receiver (may be a no-op)
     */
    public void run(double tEnd, double interval, Observer observer) {
        if (interval == Double.POSITIVE_INFINITY) {
            run(tEnd, new double[0], observer);
            return;
        }
        long k0 = (long) Math.ceil(time / interval), k1 = (long) Math.floor(tEnd / interval);
        double[] times = new double[(int) Math.max(0, k1 - k0 + 1)];
        for (int i = 0; i < times.length; i++) times[i] = (k0 + i) * interval;
        run(tEnd, times, observer);
    }

    /**
     * Runs until time {@code tEnd}, with snapshots at the given times (ascending; those before the
     * current time or after tEnd are skipped) and every event before tEnd.
     */
    public void run(double tEnd, double[] snapshotTimes, Observer observer) {
        int next = 0;
        while (next < snapshotTimes.length && snapshotTimes[next] < time) next++;
        while (true) {
            double total = tree.total();
            double dt = -Math.log(1 - rng.nextDouble()) / total;
            double tNext = time + dt;
            while (next < snapshotTimes.length && snapshotTimes[next] <= Math.min(tNext, tEnd)) observer.snapshot(snapshotTimes[next++], s);
            if (tNext > tEnd) {
                time = tEnd; // memoryless: discarding the partial waiting time leaves the process exact
                return;
            }
            time = tNext;
            fire(tree.find(rng.nextDouble() * total), observer);
        }
    }

    /**
     * Runs exactly {@code count} events (no snapshots); for benchmarks and equilibration by events.
     *
     * @param count    number of rearrangements
     * @param observer receiver of the events
     */
    public void runEvents(long count, Observer observer) {
        for (long e = 0; e < count; e++) {
            double total = tree.total();
            time += -Math.log(1 - rng.nextDouble()) / total;
            fire(tree.find(rng.nextDouble() * total), observer);
        }
    }

    private void fire(int cluster, Observer observer) {
        int n = lat.sites();
        int k = cluster / n, anchor = cluster % n;
        int[][] off = shapeOffsets[k];
        for (int j = 0; j < off.length; j++) {
            clusterSites[j] = lat.shift(anchor, off[j][0], off[j][1], off[j][2]);
            before[j] = s[clusterSites[j]];
        }
        WindowedKick w = kicks[k];
        w.rowSites(lat, anchor, rowSites);
        w.columnSites(lat, anchor, colSites);
        w.meanChange(s, colSites, delta);
        w.addNoise(rng, delta);
        for (int a = 0; a < w.rowCount(); a++) s[rowSites[a]] += delta[a];
        int[][] aff = affected[k];
        for (int q = 0; q < aff.length; q++) {
            int[] c = aff[q];
            int id = c[0] * n + lat.shift(anchor, c[1], c[2], c[3]);
            dirty[q] = id;
            dirtyRates[q] = rate(id);
        }
        tree.setBatch(dirty, dirtyRates, aff.length);
        for (int j = 0; j < off.length; j++) after[j] = s[clusterSites[j]];
        events++;
        observer.event(time, clusterSites, before, after);
    }
}
