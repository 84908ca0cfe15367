package org.softglass.core.elastic;

import java.util.Arrays;
import org.softglass.core.space.Box;

/**
 * Where the three-body blocks of {@link TripletBlocks} sit, found before any block is evaluated: each centre's
 * shell (its pair-row neighbours within the three-body cutoff aσ) and the block compressed rows.
 *
 * <p><b>Shells.</b> Centre i's shell lists, in the order of i's pair row (slots ascending), the neighbours j with
 * {@code |d|² < (aσ)²}, {@code d = r_j − r_i} from {@link Hessian#separation}{@code (j, i)} (sheared box), and keeps
 * d (3 doubles per shell entry) for the triplet evaluation.
 *
 * <p><b>Rows.</b> The triplets of centre i are all pairs of its shell, and a triplet (j, i, k) has a block for each
 * ordered pair of {i, j, k}. So a centre with z ≥ 2 shell members gives a block to every ordered pair of its clique
 * {i} ∪ shell(i) ((z + 1)² blocks), and one with z &lt; 2 gives none: row l's columns are the union of the cliques
 * that contain l, ascending — the same blocks, in the same order, as a map keyed by (l, m) filled triplet by
 * triplet and sorted (the assembly this replaced). Built serially: each centre appends its clique to the rows of
 * its members (Σ (z + 1)² ints), then each row is sorted and made unique.
 */
final class TripletPattern {
    final int[] shellStart;   // N + 1
    final int[] shell;        // neighbour slots, per centre in pair-row order
    final double[] sep;       // 3 per shell entry: d = r_j − r_i
    final int[] rowStart;     // N + 1, block rows
    final int[] col3;         // 3 m per block, ascending within a row

    private TripletPattern(int[] shellStart, int[] shell, double[] sep, int[] rowStart, int[] col3) {
        this.shellStart = shellStart;
        this.shell = shell;
        this.sep = sep;
        this.rowStart = rowStart;
        this.col3 = col3;
    }

    /**
     * @param rowStart  the pair rows of the Hessian (N + 1)
     * @param pairCol3  3 j per pair entry (neighbours within the pair cutoff, ascending)
     * @param pos       reference positions (3N)
     * @param rc2       (aσ)², the three-body cutoff squared
     */
    static TripletPattern build(int n, int[] rowStart, int[] pairCol3, double[] pos, Box box, double shear, double rc2) {
        int[] shellStart = new int[n + 1], shell = new int[rowStart[n]];
        double[] sep = new double[3 * rowStart[n]], d = new double[3];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = pairCol3[e] / 3;
                if (!(Hessian.separation(pos, box, shear, j, i, d) < rc2)) continue;
                shell[q] = j;
                System.arraycopy(d, 0, sep, 3 * q, 3);
                q++;
            }
            shellStart[i + 1] = q;
        }
        // candidate columns: every clique of a centre with >= 2 shell members, appended to each member's row
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            int z = shellStart[i + 1] - shellStart[i];
            if (z < 2) continue;
            count[i] += z + 1;
            for (int s = shellStart[i]; s < shellStart[i + 1]; s++) count[shell[s]] += z + 1;
        }
        int[] candStart = new int[n + 1];
        for (int l = 0; l < n; l++) candStart[l + 1] = candStart[l] + count[l];
        int[] cand = new int[candStart[n]], fill = Arrays.copyOf(candStart, n);
        for (int i = 0; i < n; i++) {
            int z = shellStart[i + 1] - shellStart[i];
            if (z < 2) continue;
            appendClique(cand, fill, i, i, shell, shellStart[i], shellStart[i + 1]);
            for (int s = shellStart[i]; s < shellStart[i + 1]; s++) appendClique(cand, fill, shell[s], i, shell, shellStart[i], shellStart[i + 1]);
        }
        // sort and make unique each row, compacting in place
        int[] start = new int[n + 1];
        int out = 0;
        for (int l = 0; l < n; l++) {
            int from = candStart[l], to = candStart[l + 1];
            Arrays.sort(cand, from, to);
            int prev = -1;
            for (int t = from; t < to; t++) {
                int m = cand[t];
                if (m != prev) cand[out++] = 3 * m;   // out <= t: writes only entries already read
                prev = m;
            }
            start[l + 1] = out;
        }
        return new TripletPattern(shellStart, Arrays.copyOf(shell, q), Arrays.copyOf(sep, 3 * q), start, Arrays.copyOf(cand, out));
    }

    private static void appendClique(int[] cand, int[] fill, int row, int centre, int[] shell, int from, int to) {
        int f = fill[row];
        cand[f++] = centre;
        for (int s = from; s < to; s++) cand[f++] = shell[s];
        fill[row] = f;
    }

    /** Number of blocks. */
    int blocks() { return col3.length; }

    /**
     * The block indices of centre i's clique: {@code out[a·(z + 1) + c]} is the index of block (l_a, l_c), with
     * member 0 the centre and member 1 + s its shell entry s (z shell members, z ≥ 2). Returns out, grown if needed.
     */
    int[] cliqueBlocks(int i, int[] out) {
        int z = shellStart[i + 1] - shellStart[i], w = z + 1;
        if (out.length < w * w) out = new int[w * w];
        for (int a = 0; a < w; a++) {
            int l = member(i, a);
            for (int c = 0; c < w; c++) out[a * w + c] = find(l, 3 * member(i, c));
        }
        return out;
    }

    private int member(int i, int a) { return a == 0 ? i : shell[shellStart[i] + a - 1]; }

    /** Index of the block (l, m) (m3 = 3m), which must exist. */
    private int find(int l, int m3) {
        int t = Arrays.binarySearch(col3, rowStart[l], rowStart[l + 1], m3);
        if (t < 0) throw new IllegalStateException("no three-body block (" + l + ", " + m3 / 3 + ")");   // a bug, not bad input
        return t;
    }
}
