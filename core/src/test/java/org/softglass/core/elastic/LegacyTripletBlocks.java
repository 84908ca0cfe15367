package org.softglass.core.elastic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.softglass.core.energy.TripletTerm;
import org.softglass.core.space.Box;

/**
 * The three-body assembly and products as they were before {@link TripletPattern} and the
 * {@link TripletBlockKernel}s (a hash map of row-major 3×3 blocks keyed by l·N + m, then sorted; scalar row loops),
 * kept verbatim as the reference the new code must reproduce.
 */
final class LegacyTripletBlocks {
    final int[] rowStart;
    final int[] col3;
    final double[] b;       // 9 per block, row-major
    final double energy, born;
    final double[] force, xi;

    private LegacyTripletBlocks(int[] rowStart, int[] col3, double[] b, double energy, double born, double[] force, double[] xi) {
        this.rowStart = rowStart;
        this.col3 = col3;
        this.b = b;
        this.energy = energy;
        this.born = born;
        this.force = force;
        this.xi = xi;
    }

    /** Row-major copy of new-layout blocks, for the product references. */
    static LegacyTripletBlocks of(TripletBlocks t) {
        double[] rm = new double[9 * t.nb];
        for (int k = 0; k < t.nb; k++) for (int q = 0; q < 9; q++) rm[9 * k + q] = t.element(k, q / 3, q % 3);
        return new LegacyTripletBlocks(t.rowStart, t.col3, rm, t.energy, t.born, t.force, t.xi);
    }

    static LegacyTripletBlocks assemble(TripletTerm term, int n, int[] rowStart, int[] pairCol3, double[] pos, Box box, double shear) {
        Map<Long, double[]> blocks = new HashMap<>();
        double[] force = new double[3 * n], xi = new double[3 * n];
        double[] g = new double[6], hh = new double[36], d1 = new double[3], d2 = new double[3], w = new double[6];
        double energy = 0, born = 0, rc2 = term.cutoff() * term.cutoff();
        for (int i = 0; i < n; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = pairCol3[e] / 3;
                if (!(Hessian.separation(pos, box, shear, j, i, d1) < rc2)) continue;
                for (int f = e + 1; f < rowStart[i + 1]; f++) {
                    int k = pairCol3[f] / 3;
                    if (!(Hessian.separation(pos, box, shear, k, i, d2) < rc2)) continue;
                    double h = term.evaluate(d1[0], d1[1], d1[2], d2[0], d2[1], d2[2], g);
                    term.hessian(d1[0], d1[1], d1[2], d2[0], d2[1], d2[2], hh);
                    energy += h;
                    for (int a = 0; a < 3; a++) {
                        force[3 * i + a] += g[a] + g[3 + a];
                        force[3 * j + a] -= g[a];
                        force[3 * k + a] -= g[3 + a];
                    }
                    for (int p = 0; p < 6; p++) w[p] = hh[6 * p] * d1[1] + hh[6 * p + 3] * d2[1];
                    born += w[0] * d1[1] + w[3] * d2[1];
                    w[1] += g[0];
                    w[4] += g[3];
                    for (int a = 0; a < 3; a++) {
                        xi[3 * j + a] += w[a];
                        xi[3 * k + a] += w[3 + a];
                        xi[3 * i + a] -= w[a] + w[3 + a];
                    }
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 3; c++) {
                            double h11 = hh[6 * r + c], h12 = hh[6 * r + 3 + c], h21 = hh[6 * (3 + r) + c], h22 = hh[6 * (3 + r) + 3 + c];
                            add(blocks, n, j, j, r, c, h11);
                            add(blocks, n, k, k, r, c, h22);
                            add(blocks, n, j, k, r, c, h12);
                            add(blocks, n, k, j, r, c, h21);
                            add(blocks, n, i, j, r, c, -(h11 + h21));
                            add(blocks, n, j, i, r, c, -(h11 + h12));
                            add(blocks, n, i, k, r, c, -(h12 + h22));
                            add(blocks, n, k, i, r, c, -(h21 + h22));
                            add(blocks, n, i, i, r, c, h11 + h12 + h21 + h22);
                        }
                    }
                }
            }
        }
        long[] keys = new long[blocks.size()];
        int q = 0;
        for (long key : blocks.keySet()) keys[q++] = key;
        Arrays.sort(keys);
        int[] start = new int[n + 1], col3 = new int[keys.length];
        double[] bb = new double[9 * keys.length];
        for (int t = 0; t < keys.length; t++) {
            int l = (int) (keys[t] / n), m = (int) (keys[t] % n);
            start[l + 1]++;
            col3[t] = 3 * m;
            System.arraycopy(blocks.get(keys[t]), 0, bb, 9 * t, 9);
        }
        for (int l = 0; l < n; l++) start[l + 1] += start[l];
        return new LegacyTripletBlocks(start, col3, bb, energy, born, force, xi);
    }

    private static void add(Map<Long, double[]> blocks, int n, int l, int m, int r, int c, double v) {
        blocks.computeIfAbsent((long) l * n + m, key -> new double[9])[3 * r + c] += v;
    }

    /** Rows [from, to) of y += B x. */
    void addProduct(double[] x, double[] y, int from, int to) {
        for (int l = from; l < to; l++) {
            double sx = 0, sy = 0, sz = 0;
            for (int t = rowStart[l]; t < rowStart[l + 1]; t++) {
                int m = col3[t], o = 9 * t;
                double xm = x[m], ym = x[m + 1], zm = x[m + 2];
                sx += b[o] * xm + b[o + 1] * ym + b[o + 2] * zm;
                sy += b[o + 3] * xm + b[o + 4] * ym + b[o + 5] * zm;
                sz += b[o + 6] * xm + b[o + 7] * ym + b[o + 8] * zm;
            }
            y[3 * l] += sx;
            y[3 * l + 1] += sy;
            y[3 * l + 2] += sz;
        }
    }

    /** Rows [from, to) of Y += B X for nr interleaved vectors. */
    void addProductMany(double[] x, double[] y, int nr, int from, int to) {
        double[] acc = new double[3 * nr];
        for (int l = from; l < to; l++) {
            Arrays.fill(acc, 0.0);
            for (int t = rowStart[l]; t < rowStart[l + 1]; t++) {
                int xo = col3[t] * nr, o = 9 * t;
                for (int r = 0; r < 3; r++) {
                    double bx = b[o + 3 * r], by = b[o + 3 * r + 1], bz = b[o + 3 * r + 2];
                    for (int s = 0; s < nr; s++) acc[r * nr + s] += bx * x[xo + s] + by * x[xo + nr + s] + bz * x[xo + 2 * nr + s];
                }
            }
            int yo = 3 * l * nr;
            for (int k = 0; k < 3 * nr; k++) y[yo + k] += acc[k];
        }
    }
}
