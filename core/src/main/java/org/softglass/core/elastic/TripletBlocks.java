package org.softglass.core.elastic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.softglass.core.energy.TripletTerm;
import org.softglass.core.space.Box;

/**
 * The three-body part of a {@link Hessian} ({@link TripletTerm}, Stillinger–Weber): general 3×3 blocks
 * {@code B_lm = ∂²U₃/∂r_l∂r_m} in block compressed rows (row l, columns m ascending, the diagonal included),
 * with the three-body energy, forces, Born term and mixed strain derivative of the same configuration.
 *
 * <p><b>Blocks of one triplet.</b> With {@code d₁ = r_j − r_i}, {@code d₂ = r_k − r_i} and the 6×6 Hessian
 * H = [[H₁₁, H₁₂], [H₂₁, H₂₂]] of h with respect to (d₁, d₂) ({@link TripletTerm#hessian}), since
 * {@code ∂/∂r_j = ∂/∂d₁}, {@code ∂/∂r_k = ∂/∂d₂} and {@code ∂/∂r_i = −∂/∂d₁ − ∂/∂d₂}:
 * <pre>
 *   B_jj += H₁₁,  B_kk += H₂₂,  B_jk += H₁₂,  B_kj += H₂₁,
 *   B_ij += −(H₁₁ + H₂₁),  B_ji += −(H₁₁ + H₁₂),  B_ik += −(H₁₂ + H₂₂),  B_ki += −(H₂₁ + H₂₂),
 *   B_ii += H₁₁ + H₁₂ + H₂₁ + H₂₂.
 * </pre>
 * The blocks B_lm (l ≠ m) are not symmetric 3×3 matrices (B_ml = B_lmᵀ), so they are kept apart from the
 * symmetric pair blocks K_ij of {@link Hessian}; the product adds {@code Σ_m B_lm x_m}.
 *
 * <p><b>Shear.</b> Under {@code x → x + γ y} each separation changes by {@code ∂d^x/∂γ = d^y}; with
 * v = (d₁^y, 0, 0, d₂^y, 0, 0) the triplet adds {@code vᵀ H v} to ∂²U/∂γ² and
 * {@code w = H v + (0, g₁^x, 0, 0, g₂^x, 0)} (g the gradient of h) to Ξ_j (w₁), Ξ_k (w₂) and −(w₁ + w₂) to
 * Ξ_i (paper 004 eq A1, same strain as {@link ShearModulus}).
 *
 * <p>Assembly is serial (a hash map of blocks, then sorted rows): O(triplets), ≈ 10 per particle in the
 * tetrahedral SW glass. Storage 9 doubles + 1 int per block. Immutable after assembly.
 */
final class TripletBlocks {
    final int[] rowStart;   // N + 1
    final int[] col3;       // 3 m per block
    final double[] b;       // 9 per block, row-major (component a of l, component c of m)
    final double energy, born;
    final double[] force, xi;

    private TripletBlocks(int[] rowStart, int[] col3, double[] b, double energy, double born, double[] force, double[] xi) {
        this.rowStart = rowStart;
        this.col3 = col3;
        this.b = b;
        this.energy = energy;
        this.born = born;
        this.force = force;
        this.xi = xi;
    }

    /**
     * Assembles the blocks over the triplets formed by the interacting neighbours of each centre.
     *
     * @param rowStart the pair rows of the Hessian (N + 1)
     * @param pairCol3 3 j per pair entry: the neighbours of each row within the pair cutoff; only those
     *                  within the three-body cutoff aσ form triplets (as in {@code TripletForces})
     * @param pos       reference positions (3N); separations through {@link Hessian#separation} (sheared box)
     */
    static TripletBlocks assemble(TripletTerm term, int n, int[] rowStart, int[] pairCol3, double[] pos, Box box, double shear) {
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
                    // shear: v = (d1y, 0, 0, d2y, 0, 0)
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
        return new TripletBlocks(start, col3, bb, energy, born, force, xi);
    }

    private static void add(Map<Long, double[]> blocks, int n, int l, int m, int r, int c, double v) {
        blocks.computeIfAbsent((long) l * n + m, key -> new double[9])[3 * r + c] += v;
    }

    /** Rows [from, to) of y += B x (x, y of length 3N); each row sums in column order. */
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

    /**
     * Rows [from, to) of Y += B X for nr interleaved vectors (layout of {@link Hessian#multiplyMany}). Each
     * vector's row sum is formed exactly as in {@link #addProduct} (blocks in column order, {@code b_x x + b_y y
     * + b_z z} per block, then added to y once), so every vector's result equals {@link #addProduct} bit for bit.
     */
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

    /** Visits every stored element: {@code visitor(row, column, value)} in the 3N indexing. */
    void forEach(ElementVisitor visitor) {
        for (int l = 0; l + 1 < rowStart.length; l++) {
            for (int t = rowStart[l]; t < rowStart[l + 1]; t++) {
                int m = col3[t] / 3;
                for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) visitor.accept(3 * l + r, 3 * m + c, b[9 * t + 3 * r + c]);
            }
        }
    }

    /** One matrix element. */
    @FunctionalInterface
    interface ElementVisitor {
        void accept(int row, int column, double value);
    }

    /** Heap bytes. */
    long memoryBytes() { return col3.length * (9L * 8 + 4) + rowStart.length * 4L + force.length * 16L; }
}
