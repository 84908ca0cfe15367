package org.softglass.core.elastic;

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
 * <p><b>Storage.</b> Block compressed rows: row l's blocks {@code t ∈ [rowStart[l], rowStart[l+1])}, column
 * {@code col3[t] / 3} ascending, the diagonal block included; element (r, c) (component r of l, component c of m)
 * of block t at {@code b[(3r + c)·nb + t]} (nb = number of blocks: nine component arrays one after the other, so a
 * vector kernel loads consecutive blocks' element (r, c) contiguously). 9 doubles + 1 int per block.
 *
 * <p><b>Assembly</b> ({@link #assemble}): the block positions first ({@link TripletPattern}: each centre's shell and
 * the rows, from the cliques {i} ∪ shell(i)), then the triplets in the order (centre i ascending, bonds e &lt; f
 * in pair-row order), each adding its nine blocks straight into {@code b} through the centre's clique index table.
 * Every element receives its terms in the same order as the hash-map assembly this replaced (one term per triplet
 * that touches it, triplets in the same order, the same expressions), so the matrix, energy, forces, Born term and
 * Ξ are bit for bit those of that assembly (TripletBlocksTest). Serial: O(triplets), ≈ 70 per centre (z ≈ 12
 * shell members) and ≈ 59 blocks per particle in the N = 8000 SW glass of bench/RESULTS.md (2026-12-04).
 *
 * <p><b>Products</b> go through a {@link TripletBlockKernel} ({@link TripletBlockKernels}). Immutable after assembly.
 */
final class TripletBlocks {
    final int[] rowStart;   // N + 1
    final int[] col3;       // 3 m per block
    final double[] b;       // 9 nb: element (r, c) of block t at (3r + c)·nb + t
    final int nb;           // number of blocks
    final double energy, born;
    final double[] force, xi;

    TripletBlocks(int[] rowStart, int[] col3, double[] b, double energy, double born, double[] force, double[] xi) {
        if (b.length != 9 * col3.length || rowStart[rowStart.length - 1] != col3.length) {
            throw new IllegalArgumentException("inconsistent block arrays: " + col3.length + " blocks, " + b.length + " values");
        }
        this.rowStart = rowStart;
        this.col3 = col3;
        this.b = b;
        this.nb = col3.length;
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
        TripletPattern pat = TripletPattern.build(n, rowStart, pairCol3, pos, box, shear, term.cutoff() * term.cutoff());
        final int nb = pat.blocks();
        double[] bb = new double[9 * nb];
        double[] force = new double[3 * n], xi = new double[3 * n];
        double[] g = new double[6], hh = new double[36], w = new double[6];
        int[] idx = new int[0];
        double energy = 0, born = 0;
        final double[] sep = pat.sep;
        for (int i = 0; i < n; i++) {
            int s0 = pat.shellStart[i], z = pat.shellStart[i + 1] - s0, cw = z + 1;
            if (z < 2) continue;
            idx = pat.cliqueBlocks(i, idx);
            for (int e = 0; e < z; e++) {
                int j = pat.shell[s0 + e], o1 = 3 * (s0 + e);
                double d1x = sep[o1], d1y = sep[o1 + 1], d1z = sep[o1 + 2];
                for (int f = e + 1; f < z; f++) {
                    int k = pat.shell[s0 + f], o2 = 3 * (s0 + f);
                    double d2x = sep[o2], d2y = sep[o2 + 1], d2z = sep[o2 + 2];
                    double h = term.evaluate(d1x, d1y, d1z, d2x, d2y, d2z, g);
                    term.hessian(d1x, d1y, d1z, d2x, d2y, d2z, hh);
                    energy += h;
                    for (int a = 0; a < 3; a++) {
                        force[3 * i + a] += g[a] + g[3 + a];
                        force[3 * j + a] -= g[a];
                        force[3 * k + a] -= g[3 + a];
                    }
                    // shear: v = (d1y, 0, 0, d2y, 0, 0)
                    for (int p = 0; p < 6; p++) w[p] = hh[6 * p] * d1y + hh[6 * p + 3] * d2y;
                    born += w[0] * d1y + w[3] * d2y;
                    w[1] += g[0];
                    w[4] += g[3];
                    for (int a = 0; a < 3; a++) {
                        xi[3 * j + a] += w[a];
                        xi[3 * k + a] += w[3 + a];
                        xi[3 * i + a] -= w[a] + w[3 + a];
                    }
                    // clique members: 0 = i, 1 + e = j, 1 + f = k
                    int mj = 1 + e, mk = 1 + f;
                    int tjj = idx[mj * cw + mj], tkk = idx[mk * cw + mk], tjk = idx[mj * cw + mk], tkj = idx[mk * cw + mj];
                    int tij = idx[mj], tji = idx[mj * cw], tik = idx[mk], tki = idx[mk * cw], tii = idx[0];
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 3; c++) {
                            double h11 = hh[6 * r + c], h12 = hh[6 * r + 3 + c], h21 = hh[6 * (3 + r) + c], h22 = hh[6 * (3 + r) + 3 + c];
                            int q = (3 * r + c) * nb;
                            bb[q + tjj] += h11;
                            bb[q + tkk] += h22;
                            bb[q + tjk] += h12;
                            bb[q + tkj] += h21;
                            bb[q + tij] += -(h11 + h21);
                            bb[q + tji] += -(h11 + h12);
                            bb[q + tik] += -(h12 + h22);
                            bb[q + tki] += -(h21 + h22);
                            bb[q + tii] += h11 + h12 + h21 + h22;
                        }
                    }
                }
            }
        }
        return new TripletBlocks(pat.rowStart, pat.col3, bb, energy, born, force, xi);
    }

    /** Element (r, c) of block t (r, c in 0..2). */
    double element(int t, int r, int c) { return b[(3 * r + c) * nb + t]; }

    /** Visits every stored element: {@code visitor(row, column, value)} in the 3N indexing. */
    void forEach(ElementVisitor visitor) {
        for (int l = 0; l + 1 < rowStart.length; l++) {
            for (int t = rowStart[l]; t < rowStart[l + 1]; t++) {
                int m = col3[t] / 3;
                for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) visitor.accept(3 * l + r, 3 * m + c, element(t, r, c));
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
