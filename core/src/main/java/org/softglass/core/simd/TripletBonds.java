package org.softglass.core.simd;

/**
 * Per-bond quantities of the Stillinger–Weber three-body term, computed once per bond so that each
 * triplet only combines two bonds (the {@link TripletKernel} input). For a bond e with separation
 * {@code d = r_j − r_i} (σ) from its centre i and {@code r = |d| < aσ}:
 * <pre>
 *   ir[e] = 1/r,   (nx, ny, nz)[e] = d/r,
 *   ex[e] = E(r) = exp(γσ/(r − aσ)),   ed[e] = E'(r) = E(r)·(−γσ/(r − aσ)²),
 * </pre>
 * with E = E' = 0 where γσ/(r − aσ) ≤ −700 (the exponential underflows) or is not negative (r rounds
 * to aσ). The expressions, and their grouping, are those of
 * {@code org.softglass.core.energy.TripletTerm#evaluate}, so a triplet formed from these entries
 * reproduces that method's values bit for bit. Scalar code ({@link Math#exp}): a vector exponential
 * may differ from it by an ulp.
 *
 * <p>Array layout: one entry per directed bond (index e of the driver's bond table), arrays of length
 * ≥ {@link #capacity()}. Each call of {@link #compute} writes only the entries [from, to), so callers may
 * fill disjoint ranges in parallel. Not otherwise thread-safe.
 */
public final class TripletBonds {
    private final double gammaSigma, cutoff;
    double[] nx = new double[0], ny = nx, nz = nx, ir = nx, ex = nx, ed = nx;

    /**
     * @param gammaSigma γσ (σ)
     * @param cutoff     aσ (σ)
     */
    public TripletBonds(double gammaSigma, double cutoff) {
        this.gammaSigma = gammaSigma;
        this.cutoff = cutoff;
    }

    /** Number of bonds the arrays hold. */
    public int capacity() { return nx.length; }

    /** Makes room for {@code bonds} bonds (contents are lost when the arrays grow). */
    public void ensure(int bonds) {
        if (nx.length >= bonds) return;
        int c = Math.max(bonds, nx.length + nx.length / 2);
        nx = new double[c];
        ny = new double[c];
        nz = new double[c];
        ir = new double[c];
        ex = new double[c];
        ed = new double[c];
    }

    /**
     * Fills, for each pair k in [from, to) with separation {@code pd[3k..3k+2]} (σ), the entries of its two
     * directed bonds: e = {@code bondOf[k]} from that separation and {@code rev[e]} by negating e's unit vector.
     * Equal bit for bit to {@link #compute} on both bonds (negating d negates d/r exactly and leaves r
     * unchanged), at half its square roots, divisions and exponentials. Requires r &gt; 0.
     */
    public void computePairs(double[] pd, int[] bondOf, int[] rev, int from, int to) {
        for (int k = from; k < to; k++) {
            int e = bondOf[k], f = rev[e];
            set(e, pd[3 * k], pd[3 * k + 1], pd[3 * k + 2]);
            ir[f] = ir[e];
            nx[f] = -nx[e];
            ny[f] = -ny[e];
            nz[f] = -nz[e];
            ex[f] = ex[e];
            ed[f] = ed[e];
        }
    }

    /** Fills entries [from, to) from the separations {@code d[3e..3e+2]} (σ) of bonds e; requires r &gt; 0. */
    public void compute(double[] d, int from, int to) {
        for (int e = from; e < to; e++) set(e, d[3 * e], d[3 * e + 1], d[3 * e + 2]);
    }

    /** Entry e from its separation (x, y, z) (σ): the formulas of the class comment. */
    private void set(int e, double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        double t = 1.0 / (r - cutoff), phi = gammaSigma * t, e0 = 0.0, e1 = 0.0;
        if (phi > -700.0 && phi < 0.0) {
            e0 = Math.exp(phi);
            e1 = e0 * (-gammaSigma * t * t);
        }
        double inv = 1.0 / r;
        ir[e] = inv;
        nx[e] = x * inv;
        ny[e] = y * inv;
        nz[e] = z * inv;
        ex[e] = e0;
        ed[e] = e1;
    }
}
