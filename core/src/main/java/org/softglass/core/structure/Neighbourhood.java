package org.softglass.core.structure;

import java.util.Arrays;
import org.softglass.core.simd.DistanceKernel;
import org.softglass.core.simd.DistanceKernels;

/**
 * Per-worker scratch holding the neighbours of one centre i within rmax as contiguous arrays
 * (structure of arrays), grouped by neighbour species in the order of the spec's species list and,
 * within a group, sorted by ascending distance (ties by gather order, which depends only on the
 * positions): group g occupies {@code [start[g], start[g+1])}. For each neighbour:
 * displacement {@code x, y, z = r_j − r_i} (minimum image or the periodic image, σ), {@code r2} (σ²),
 * {@code r} (σ) and {@code ir = 1/r}. Arrays are padded with at least {@link #pad} zero-valued
 * elements after the last neighbour (the kernels' padding contract). Not thread-safe; one per worker.
 */
final class Neighbourhood {
    final int pad;
    private final int[] groupOfSpecies; // species index → group, −1 when not in the spec
    private final int groups;
    private final DistanceKernel dk = DistanceKernels.get();
    int n;
    int[] start;
    double[] x = new double[0], y = x, z = x, r2 = x, r = x, ir = x;
    private double[] tx = x, ty = x, tz = x, tr2 = x;
    private int[] tg = new int[0], hits = new int[1024];
    private long[] keys = new long[0];

    Neighbourhood(int[] specSpecies, int pad) {
        this.pad = pad;
        this.groups = specSpecies.length;
        int max = 0;
        for (int s : specSpecies) max = Math.max(max, s);
        groupOfSpecies = new int[max + 1];
        Arrays.fill(groupOfSpecies, -1);
        for (int g = 0; g < specSpecies.length; g++) groupOfSpecies[specSpecies[g]] = g;
        start = new int[groups + 1];
        grow(1024);
    }

    private void grow(int cap) {
        int len = cap + pad;
        x = Arrays.copyOf(x, len); y = Arrays.copyOf(y, len); z = Arrays.copyOf(z, len);
        r2 = Arrays.copyOf(r2, len); r = Arrays.copyOf(r, len); ir = Arrays.copyOf(ir, len);
        tx = Arrays.copyOf(tx, len); ty = Arrays.copyOf(ty, len); tz = Arrays.copyOf(tz, len); tr2 = Arrays.copyOf(tr2, len);
        tg = Arrays.copyOf(tg, len);
        keys = Arrays.copyOf(keys, len);
    }

    /** Capacity (neighbours) of the arrays without padding. */
    int capacity() { return x.length - pad; }

    /** Gathers the neighbours of slot i of frame f (reads f; modifies only this scratch). */
    void gather(FrameGeometry f, int i) {
        int m = 0;
        double px = f.wx[i], py = f.wy[i], pz = f.wz[i];
        if (f.cellMode()) {
            int[] st = f.stencil(f.cells.cellOf(i));
            int h = 0;
            for (int c : st) {
                int from = f.cells.cellStart(c), to = f.cells.cellEnd(c);
                if (h + (to - from) + 64 > hits.length) hits = Arrays.copyOf(hits, Math.max(2 * hits.length, h + to - from + 64));
                h = dk.collectWithin(px, py, pz, f.cx, f.cy, f.cz, from, to, f.lengths, f.r2max, hits, h);
            }
            for (int q = 0; q < h; q++) {
                int k = hits[q], j = f.cslot[k];
                if (j == i) continue;
                int s = f.species[j];
                int g = s < groupOfSpecies.length ? groupOfSpecies[s] : -1;
                if (g < 0) continue;
                double dx = f.cx[k] - px, dy = f.cy[k] - py, dz = f.cz[k] - pz;
                dx -= f.lengths.lx() * Math.rint(dx * f.lengths.ilx());
                dy -= f.lengths.ly() * Math.rint(dy * f.lengths.ily());
                dz -= f.lengths.lz() * Math.rint(dz * f.lengths.ilz());
                m = add(f, i, j, g, dx, dy, dz, m);
            }
        } else {
            for (int j = 0; j < f.n; j++) {
                int s = f.species[j];
                int g = s < groupOfSpecies.length ? groupOfSpecies[s] : -1;
                if (g < 0) continue;
                double dx0 = f.box.minimumImage(f.wx[j] - px, 0), dy0 = f.box.minimumImage(f.wy[j] - py, 1),
                        dz0 = f.box.minimumImage(f.wz[j] - pz, 2);
                for (int ax = -f.mx; ax <= f.mx; ax++) {
                    double dx = dx0 + ax * f.box.lx();
                    if (Math.abs(dx) >= f.rmax) continue;
                    for (int ay = -f.my; ay <= f.my; ay++) {
                        double dy = dy0 + ay * f.box.ly();
                        if (Math.abs(dy) >= f.rmax) continue;
                        for (int az = -f.mz; az <= f.mz; az++) {
                            if (j == i && ax == 0 && ay == 0 && az == 0) continue;
                            double dz = dz0 + az * f.box.lz();
                            m = add(f, i, j, g, dx, dy, dz, m);
                        }
                    }
                }
            }
        }
        sort(m);
    }

    private int add(FrameGeometry f, int i, int j, int g, double dx, double dy, double dz, int m) {
        double d2 = dx * dx + dy * dy + dz * dz;
        if (!(d2 < f.r2max)) return m;
        if (d2 == 0) {
            throw new IllegalArgumentException("particles id " + f.ids[i] + " and id " + f.ids[j] + " are at the same position; angles are undefined");
        }
        if (m >= capacity()) {
            if (m >= 1 << 24) throw new IllegalArgumentException("more than 2^24 neighbours within rmax of particle id " + f.ids[i] + "; use a smaller rmax");
            grow(2 * capacity());
        }
        tx[m] = dx; ty[m] = dy; tz[m] = dz; tr2[m] = d2; tg[m] = g;
        return m + 1;
    }

    /** Orders by (group, r²) into the output arrays and fills r, ir, start and the zero padding. */
    private void sort(int m) {
        for (int k = 0; k < m; k++) {
            keys[k] = ((long) tg[k] << 56) | ((long) Float.floatToRawIntBits((float) tr2[k]) << 24) | k;
        }
        Arrays.sort(keys, 0, m);
        Arrays.fill(start, 0);
        for (int q = 0; q < m; q++) {
            int k = (int) (keys[q] & 0xFFFFFF);
            x[q] = tx[k]; y[q] = ty[k]; z[q] = tz[k]; r2[q] = tr2[k];
            start[tg[k] + 1]++;
        }
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        // the float key can tie or misorder values closer than a float ulp: finish with an exact insertion pass
        for (int g = 0; g < groups; g++) {
            for (int q = start[g] + 1; q < start[g + 1]; q++) {
                if (r2[q] >= r2[q - 1]) continue;
                double a = x[q], b = y[q], c = z[q], d = r2[q];
                int p = q - 1;
                while (p >= start[g] && r2[p] > d) {
                    x[p + 1] = x[p]; y[p + 1] = y[p]; z[p + 1] = z[p]; r2[p + 1] = r2[p];
                    p--;
                }
                x[p + 1] = a; y[p + 1] = b; z[p + 1] = c; r2[p + 1] = d;
            }
        }
        for (int q = 0; q < m; q++) {
            double s = Math.sqrt(r2[q]);
            r[q] = s;
            ir[q] = 1.0 / s;
        }
        Arrays.fill(x, m, m + pad, 0.0); Arrays.fill(y, m, m + pad, 0.0); Arrays.fill(z, m, m + pad, 0.0);
        Arrays.fill(r2, m, m + pad, 0.0); Arrays.fill(r, m, m + pad, 0.0); Arrays.fill(ir, m, m + pad, 0.0);
        n = m;
    }
}
