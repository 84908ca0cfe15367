package org.softglass.core.simd;

/**
 * The per-triplet results a {@link TripletKernel} writes for the centres of one chunk. Triplets are
 * numbered t = 0, 1, … in the order centre i ascending, then bond e ascending, then bond f &gt; e ascending
 * (bonds of {@link TripletBonds}, the CSR rows of the centres; {@code d₁ = r_j − r_i} of bond e,
 * {@code d₂ = r_k − r_i} of bond f), and the kernel writes
 * <pre>
 *   h[t] = h(d₁, d₂),   (g1x, g1y, g1z)[t] = ∂h/∂d₁,   (g2x, g2y, g2z)[t] = ∂h/∂d₂   (ε, ε/σ),
 * </pre>
 * for t &lt; {@link #size()}; the arrays hold {@link #SLACK} more entries, scratch for whole-vector stores.
 * One batch per worker. Not thread-safe.
 */
public final class TripletBatch {
    /** Entries beyond {@link #size()} a kernel may overwrite (the widest vector, 16 doubles). */
    public static final int SLACK = 16;
    double[] g1x = new double[0], g1y = g1x, g1z = g1x, g2x = g1x, g2y = g1x, g2z = g1x, h = g1x;
    private int size;

    /** Sets the number of triplets, making room for them and the slack (contents are then undefined). */
    public void reset(int count) {
        if (h.length < count + SLACK) {
            int c = count + SLACK + count / 2;
            g1x = new double[c];
            g1y = new double[c];
            g1z = new double[c];
            g2x = new double[c];
            g2y = new double[c];
            g2z = new double[c];
            h = new double[c];
        }
        size = count;
    }

    /** Number of triplets. */
    public int size() { return size; }

    public double h(int t) { return h[t]; }
    public double g1x(int t) { return g1x[t]; }
    public double g1y(int t) { return g1y[t]; }
    public double g1z(int t) { return g1z[t]; }
    public double g2x(int t) { return g2x[t]; }
    public double g2y(int t) { return g2y[t]; }
    public double g2z(int t) { return g2z[t]; }
}
