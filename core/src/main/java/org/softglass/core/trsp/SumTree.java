package org.softglass.core.trsp;

/**
 * A binary sum tree over n non-negative rates: O(log n) update of one rate and O(log n) selection of
 * an index with probability rate_i / Σ rates (Gillespie's direct method, {@code 002} §VI, ref. 41).
 *
 * <p>Internal node k holds the sum of its children 2k and 2k+1; leaves sit at {@code size + i}. An
 * update recomputes each ancestor from its two children (not by adding a difference), so round-off
 * does not accumulate over millions of updates. Not thread-safe.
 */
public final class SumTree {
    private final int n;
    private final int size;
    private final double[] node;
    private final int[] stamp;
    private int epoch;

    /** @param n number of leaves ≥ 1, all rates 0 initially */
    public SumTree(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1");
        this.n = n;
        int s = 1;
        while (s < n) s <<= 1;
        size = s;
        node = new double[2 * s];
        stamp = new int[2 * s];
    }

    /** Number of leaves. */
    public int size() { return n; }

    /** Rate i. */
    public double get(int i) { return node[size + i]; }

    /** Sets rate i (≥ 0, finite) and updates its ancestors. */
    public void set(int i, double rate) {
        int k = size + i;
        node[k] = rate;
        for (k >>= 1; k >= 1; k >>= 1) node[k] = node[2 * k] + node[2 * k + 1];
    }

    /**
     * Sets the rates of the leaves {@code idx[0..count)} to {@code rates[0..count)} and then updates
     * their ancestors level by level, each shared ancestor once (cheaper than {@code count} calls of
     * {@link #set} when the leaves cluster together). {@code idx} is used as scratch (overwritten).
     */
    public void setBatch(int[] idx, double[] rates, int count) {
        for (int k = 0; k < count; k++) {
            idx[k] = size + idx[k];
            node[idx[k]] = rates[k];
        }
        int m = count;
        while (m > 0) {
            if (++epoch == 0) { // wrapped after 2³² levels: reset the marks
                java.util.Arrays.fill(stamp, 0);
                epoch = 1;
            }
            int out = 0;
            for (int k = 0; k < m; k++) {
                int p = idx[k] >> 1;
                if (p == 0 || stamp[p] == epoch) continue;
                stamp[p] = epoch;
                idx[out++] = p;
            }
            for (int k = 0; k < out; k++) {
                int p = idx[k];
                node[p] = node[2 * p] + node[2 * p + 1];
            }
            m = out;
        }
    }

    /** Sets all rates from {@code rates} (length n) in O(n). */
    public void setAll(double[] rates) {
        System.arraycopy(rates, 0, node, size, n);
        java.util.Arrays.fill(node, size + n, 2 * size, 0);
        for (int k = size - 1; k >= 1; k--) node[k] = node[2 * k] + node[2 * k + 1];
    }

    /** Σ rates. */
    public double total() { return node[1]; }

    /**
     * The leaf i with Σ_{j&lt;i} rate_j ≤ u &lt; Σ_{j≤i} rate_j.
     *
     * @param u in [0, total)
     */
    public int find(double u) {
        int k = 1;
        while (k < size) {
            double left = node[2 * k];
            if (u < left) k = 2 * k;
            else {
                u -= left;
                k = 2 * k + 1;
            }
        }
        int i = k - size;
        // guard against u landing on a zero-rate leaf at the right edge through round-off
        while (i > 0 && (i >= n || node[size + i] == 0)) i--;
        return i;
    }
}
