package org.softglass.core.trsp;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Records the overlap of one trajectory ({@code 002} eqs 31–34): for time origins t0 = k·Δ_origin,
 * I_i(t) = 1 while site i has not been part of a rearranging cluster in (t0, t0 + t]. For each origin
 * that completes its window [t0, t0 + t_max] it adds, at every lag t of the grid, Q(t) = N⁻¹Σ_i I_i(t),
 * the Fourier components Q̃(q, t) = N⁻¹Σ_i e^{iq·r_i} I_i(t) for q = 2πn/L along each axis
 * (n = 1..nq), and the block overlaps Q_B(t) of cubic sub-systems of side ℓ, into an
 * {@link OverlapStats}. Memory: N doubles per open origin.
 */
public final class OverlapRecorder implements TrspDynamics.Observer {
    private final Lattice lat;
    private final double[] lags;
    private final double originInterval;
    private final OverlapStats stats;
    private final Deque<Origin> open = new ArrayDeque<>();
    private long nextOrigin;
    private final double[] cos, sin;
    private final int nq;

    private record Origin(double t0, double[] firstHit) {}

    /**
     * @param lat            the lattice
     * @param lags           the lag grid (ascending, &gt; 0); t_max = the last lag
     * @param originInterval spacing of time origins (&gt; 0)
     * @param nq             number of wave numbers per axis for S4 (0 ≤ nq ≤ L/2)
     * @param blockSides     block sides ℓ (each dividing L) for the block χ4
     * @param startTime      the first origin is the first multiple of originInterval ≥ startTime
     */
    public OverlapRecorder(Lattice lat, double[] lags, double originInterval, int nq, int[] blockSides, double startTime) {
        this.lat = lat;
        this.lags = lags.clone();
        this.originInterval = originInterval;
        this.nq = nq;
        this.stats = new OverlapStats(lat.sites(), lags, nq, blockSides);
        for (int b : blockSides) if (lat.side() % b != 0) throw new IllegalArgumentException("block side " + b + " must divide L = " + lat.side());
        int l = lat.side();
        cos = new double[(nq + 1) * l];
        sin = new double[(nq + 1) * l];
        for (int q = 1; q <= nq; q++)
            for (int x = 0; x < l; x++) {
                cos[q * l + x] = Math.cos(2 * Math.PI * q * x / l);
                sin[q * l + x] = Math.sin(2 * Math.PI * q * x / l);
            }
        nextOrigin = (long) Math.ceil(startTime / originInterval);
    }

    /** The accumulated statistics. */
    public OverlapStats stats() { return stats; }

    private void advance(double t) {
        double tMax = lags[lags.length - 1];
        while (!open.isEmpty() && open.peekFirst().t0 + tMax < t) finish(open.pollFirst());
        while (nextOrigin * originInterval < t) {
            double[] f = new double[lat.sites()];
            Arrays.fill(f, Double.POSITIVE_INFINITY);
            open.addLast(new Origin(nextOrigin * originInterval, f));
            nextOrigin++;
        }
    }

    @Override
    public void snapshot(double t, double[] s) { advance(t); }

    @Override
    public void event(double t, int[] sites, double[] before, double[] after) {
        advance(t);
        for (Origin o : open)
            for (int i : sites) if (o.firstHit[i] == Double.POSITIVE_INFINITY) o.firstHit[i] = t - o.t0;
    }

    /** Closes the origins whose window ended by {@code tEnd}; call once when the run stops. */
    public void finish(double tEnd) {
        double tMax = lags[lags.length - 1];
        while (!open.isEmpty() && open.peekFirst().t0 + tMax <= tEnd) finish(open.pollFirst());
        open.clear();
    }

    private void finish(Origin o) {
        int n = lat.sites(), l = lat.side();
        int[] blocks = stats.blockSides();
        double[][] plane = new double[3][l];
        double[] q = new double[lags.length];
        double[][][] blockQ = new double[lags.length][blocks.length][];
        for (int li = 0; li < lags.length; li++) {
            double lag = lags[li];
            for (double[] p : plane) Arrays.fill(p, 0);
            int count = 0;
            for (int i = 0; i < n; i++)
                if (o.firstHit[i] > lag) {
                    count++;
                    plane[0][lat.x(i)]++;
                    plane[1][lat.y(i)]++;
                    plane[2][lat.z(i)]++;
                }
            q[li] = (double) count / n;
            for (int b = 0; b < blocks.length; b++) {
                int side = blocks[b], nb = l / side;
                double[] bq = new double[nb * nb * nb];
                for (int i = 0; i < n; i++)
                    if (o.firstHit[i] > lag) bq[lat.x(i) / side + nb * (lat.y(i) / side + nb * (lat.z(i) / side))]++;
                double vol = (double) side * side * side;
                for (int k = 0; k < bq.length; k++) bq[k] /= vol;
                blockQ[li][b] = bq;
            }
            stats.addPlanes(li, plane, cos, sin);
        }
        stats.addOrigin(q, blockQ);
    }
}
