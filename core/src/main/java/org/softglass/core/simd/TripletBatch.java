package org.softglass.core.simd;

/**
 * A list of Stillinger–Weber triplets and the per-triplet results a {@link TripletKernel} writes. Triplet
 * t pairs the bonds {@code e = te[t]} and {@code f = tf[t]} of one centre i ({@link TripletBonds} indices,
 * {@code d₁ = r_j − r_i} of bond e, {@code d₂ = r_k − r_i} of bond f); the kernel writes
 * <pre>
 *   h[t] = h(d₁, d₂),   (g1x, g1y, g1z)[t] = ∂h/∂d₁,   (g2x, g2y, g2z)[t] = ∂h/∂d₂   (ε, ε/σ),
 * </pre>
 * for t &lt; {@link #size()}; entries [size, kernel.padded(size)) are scratch (padding triplets that repeat
 * the last one). Arrays grow on demand; one batch per worker. Not thread-safe.
 */
public final class TripletBatch {
    int[] te = new int[0], tf = te;
    double[] g1x = new double[0], g1y = g1x, g1z = g1x, g2x = g1x, g2y = g1x, g2z = g1x, h = g1x;
    private int size;

    /** Empties the list. */
    public void clear() { size = 0; }

    /** Number of triplets. */
    public int size() { return size; }

    /** Appends the triplet of bonds e and f of one centre. */
    public void add(int e, int f) {
        if (size == te.length) grow(Math.max(64, 2 * size));
        te[size] = e;
        tf[size] = f;
        size++;
    }

    /** Pads [size, end) with copies of the last triplet and makes the outputs hold end entries; requires size &gt; 0. */
    void pad(int end) {
        if (te.length < end) grow(end);
        if (g1x.length < te.length) {
            int c = te.length;
            g1x = new double[c];
            g1y = new double[c];
            g1z = new double[c];
            g2x = new double[c];
            g2y = new double[c];
            g2z = new double[c];
            h = new double[c];
        }
        for (int t = size; t < end; t++) {
            te[t] = te[size - 1];
            tf[t] = tf[size - 1];
        }
    }

    private void grow(int c) {
        te = java.util.Arrays.copyOf(te, c);
        tf = java.util.Arrays.copyOf(tf, c);
    }

    public double h(int t) { return h[t]; }
    public double g1x(int t) { return g1x[t]; }
    public double g1y(int t) { return g1y[t]; }
    public double g1z(int t) { return g1z[t]; }
    public double g2x(int t) { return g2x[t]; }
    public double g2y(int t) { return g2y[t]; }
    public double g2z(int t) { return g2z[t]; }
}
