package org.softglass.core.correlate;

import org.softglass.core.space.Box;

/**
 * The ΔS samples of one rearrangement frame t_R for {@link KickStatistics} ({@code 002} §V, App. E):
 * who is a rearranger, who a bystander at distance r̃, who background, and which pairs enter the
 * covariances.
 *
 * <p>Roles (one per particle):
 * <ul>
 *   <li>{@link Role#REARRANGER}: a rearrangement of the selected species (paper 002: A particles)
 *       peaking at t_R. Sample at r̃ = 0 and centre of the rearranger–partner pairs.</li>
 *   <li>{@link Role#WINDOW_REARRANGER}: a rearrangement of the selected species peaking at another
 *       frame inside the window [t_R − δt, t_R + δt]. Its ΔS over the window holds its own
 *       rearrangement and its kick reaches its neighbours, so it <i>sets r̃</i> like a rearranger
 *       (its neighbours are bystanders at their distance to it, and never background), but it gives
 *       no sample here: it is counted at r̃ = 0 in the window of its own peak frame, not twice.</li>
 *   <li>{@link Role#EXCLUDED}: any other particle whose ΔS holds its own rearrangement in the window
 *       (a rearrangement of a species not selected, e.g. B): neither a sample nor a pair member, and
 *       it does not set r̃ (the paper's rearrangers are A particles; a B rearrangement near no A one
 *       is part of the undetected background that App. E subtracts).</li>
 *   <li>{@link Role#BYSTANDER}: everyone else; a sample at r̃ = distance to the nearest REARRANGER
 *       or WINDOW_REARRANGER (∞ when there is none).</li>
 * </ul>
 * Pairs: each REARRANGER with every other sample (REARRANGER or BYSTANDER) at distance r &lt; rPairMax,
 * with the partner's r̃ ({@link KickStatistics#addPair}); background pairs: two BYSTANDERs at distance
 * r &lt; rPairMax from each other, both with r̃ ≥ the background distance
 * ({@link KickStatistics#addBackgroundPair}, which applies that test). Distances are minimum-image
 * distances in the box at t_R (σ).
 */
public final class KickFrame {
    /** A particle's role in one frame's samples. */
    public enum Role { BYSTANDER, REARRANGER, WINDOW_REARRANGER, EXCLUDED }

    private KickFrame() {
    }

    /**
     * Adds one frame's samples to ks.
     *
     * @param ks the statistics; <b>accumulated into</b>
     * @param box the box at t_R
     * @param x x positions at t_R (σ), one per particle; not modified (likewise y, z)
     * @param y y positions
     * @param z z positions
     * @param s S(t_R − δt) per particle (NaN: no softness at both ends; the particle gives no sample)
     * @param ds ΔS = S(t_R + δt) − S(t_R − δt) per particle (NaN likewise)
     * @param role role per particle
     * @param rPairMax pairs at distance ≥ this are not counted
     * @return r̃ per particle (0 for rearrangers, +∞ when no rearranger sets it, NaN for EXCLUDED)
     */
    public static double[] add(KickStatistics ks, Box box, double[] x, double[] y, double[] z, double[] s, double[] ds, Role[] role, double rPairMax) {
        int n = x.length;
        if (y.length != n || z.length != n || s.length != n || ds.length != n || role.length != n) {
            throw new IllegalArgumentException("positions, S, dS and roles must have one entry per particle");
        }
        int[] sources = java.util.stream.IntStream.range(0, n).filter(i -> role[i] == Role.REARRANGER || role[i] == Role.WINDOW_REARRANGER).toArray();
        double[] rt = new double[n];
        for (int i = 0; i < n; i++) {
            switch (role[i]) {
                case REARRANGER, WINDOW_REARRANGER -> rt[i] = 0;
                case EXCLUDED -> rt[i] = Double.NaN;
                case BYSTANDER -> {
                    double m = Double.POSITIVE_INFINITY;
                    for (int p : sources) m = Math.min(m, box.distanceSquared(x[i], y[i], z[i], x[p], y[p], z[p]));
                    rt[i] = Math.sqrt(m);
                }
            }
        }
        boolean[] sample = new boolean[n];
        for (int i = 0; i < n; i++) {
            sample[i] = (role[i] == Role.REARRANGER || role[i] == Role.BYSTANDER) && Double.isFinite(s[i]) && Double.isFinite(ds[i]);
            if (sample[i]) ks.add(rt[i], s[i], ds[i]);
        }
        double pm2 = rPairMax * rPairMax;
        for (int c = 0; c < n; c++) {
            if (role[c] != Role.REARRANGER || !sample[c]) continue;
            for (int j = 0; j < n; j++) {
                if (j == c || !sample[j]) continue;
                double d2 = box.distanceSquared(x[c], y[c], z[c], x[j], y[j], z[j]);
                if (d2 < pm2) ks.addPair(Math.sqrt(d2), rt[j], s[c], ds[c], s[j], ds[j]);
            }
        }
        int[] far = java.util.stream.IntStream.range(0, n).filter(i -> sample[i] && role[i] == Role.BYSTANDER && rt[i] >= ks.backgroundDistance()).toArray();
        forPairs(box, x, y, z, far, rPairMax, (i, j, d2) -> ks.addBackgroundPair(Math.sqrt(d2), rt[i], s[i], ds[i], rt[j], s[j], ds[j]));
        return rt;
    }

    /** Receives one pair (i, j) of particle indices at squared minimum-image distance d2. */
    @FunctionalInterface
    interface PairSink { void accept(int i, int j, double d2); }

    /**
     * Calls sink once for every unordered pair of the given particles closer than rMax (minimum image),
     * in a deterministic order. With at least 3 cells of side ≥ rMax along every axis the particles are
     * binned and only the 27 neighbouring cells are searched (O(M) instead of O(M²) for a large box);
     * otherwise all pairs are tried.
     */
    static void forPairs(Box box, double[] x, double[] y, double[] z, int[] idx, double rMax, PairSink sink) {
        double r2 = rMax * rMax;
        int m = idx.length;
        int nx = (int) Math.floor(box.lx() / rMax), ny = (int) Math.floor(box.ly() / rMax), nz = (int) Math.floor(box.lz() / rMax);
        if (nx < 3 || ny < 3 || nz < 3 || (long) nx * ny * nz > 4L * m + 64) {
            for (int a = 0; a < m; a++) {
                int i = idx[a];
                for (int b = a + 1; b < m; b++) {
                    int j = idx[b];
                    double d2 = box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]);
                    if (d2 < r2) sink.accept(i, j, d2);
                }
            }
            return;
        }
        int cells = nx * ny * nz;
        int[] cellOf = new int[m], start = new int[cells + 1], sorted = new int[m];
        for (int a = 0; a < m; a++) {
            int i = idx[a];
            int cx = cell(box, x[i], 0, nx), cy = cell(box, y[i], 1, ny), cz = cell(box, z[i], 2, nz);
            cellOf[a] = (cz * ny + cy) * nx + cx;
            start[cellOf[a] + 1]++;
        }
        for (int c = 0; c < cells; c++) start[c + 1] += start[c];
        int[] fill = start.clone();
        for (int a = 0; a < m; a++) sorted[fill[cellOf[a]]++] = a;   // positions a in ascending order within a cell
        for (int a = 0; a < m; a++) {
            int c = cellOf[a], cx = c % nx, cy = c / nx % ny, cz = c / (nx * ny);
            int i = idx[a];
            for (int dz = -1; dz <= 1; dz++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nc = (Math.floorMod(cz + dz, nz) * ny + Math.floorMod(cy + dy, ny)) * nx + Math.floorMod(cx + dx, nx);
                        for (int p = start[nc]; p < start[nc + 1]; p++) {
                            int b = sorted[p];
                            if (b <= a) continue;   // each unordered pair once
                            int j = idx[b];
                            double d2 = box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]);
                            if (d2 < r2) sink.accept(i, j, d2);
                        }
                    }
                }
            }
        }
    }

    private static int cell(Box box, double v, int axis, int n) {
        double f = (box.wrap(v, axis) - box.lo(axis)) / box.length(axis);
        return Math.min(n - 1, Math.max(0, (int) Math.floor(f * n)));
    }
}
