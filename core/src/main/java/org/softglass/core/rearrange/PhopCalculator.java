package org.softglass.core.rearrange;

import org.softglass.core.parallel.Parallel;

/**
 * The hop indicator of Candelier et al. as defined in {@code 001} eq 2 and DESIGN §4, over a sliding
 * window of frames.
 *
 * <p>For the centre frame t of a window of {@code 2h + 1} consecutive frames, with
 * {@code A = frames t−h … t} and {@code B = frames t … t+h} (both of h + 1 frames, both containing t),
 * <pre>
 *   p_hop(i, t) = sqrt( ⟨|x_i − ⟨x_i⟩_B|²⟩_A · ⟨|x_i − ⟨x_i⟩_A|²⟩_B )
 * </pre>
 * where ⟨·⟩_W is the plain average over the frames of W and |·|² sums the three Cartesian components
 * of the unwrapped position x_i (σ); p_hop is in σ². The sums run in frame order for each particle, so
 * the result does not depend on the thread count.
 *
 * <p>Streaming: the calculator keeps a ring buffer of the last {@code 2h + 1} frames (3N doubles
 * each), so memory is {@code 24 N (2h + 1)} bytes whatever the trajectory length. Not thread-safe;
 * {@link #compute} itself runs in parallel over particles.
 */
public final class PhopCalculator {
    /** Particles per parallel chunk (fixed, so the work split does not depend on the thread count). */
    static final int CHUNK = 512;

    private final int n, h, w;
    private final double[][] ring;
    private long pushed;

    /**
     * @param n particle count N ≥ 1
     * @param halfWindow h ≥ 1: frames in t_R/2
     */
    public PhopCalculator(int n, int halfWindow) {
        if (n < 1) throw new IllegalArgumentException("need at least one particle, got " + n);
        if (halfWindow < 1) throw new IllegalArgumentException("half window must be >= 1 frame, got " + halfWindow);
        this.n = n;
        this.h = halfWindow;
        this.w = 2 * halfWindow + 1;
        this.ring = new double[w][3 * n];
    }

    /** Particle count N. */
    public int size() { return n; }
    /** Half window h (frames). */
    public int halfWindow() { return h; }
    /** Frames pushed so far. */
    public long pushed() { return pushed; }
    /** Whether a full window (2h + 1 frames) has been pushed, so {@link #compute} can run. */
    public boolean ready() { return pushed >= w; }
    /** Index (0-based, counting pushes) of the centre frame that {@link #compute} evaluates now. */
    public long centreFrame() { return pushed - h - 1; }

    /**
     * Appends a frame: unwrapped positions, layout {@code xyz[3 i + a]} (copied; not modified).
     */
    public void push(double[] xyz) {
        if (xyz.length != 3 * n) throw new IllegalArgumentException("expected " + 3 * n + " coordinates, got " + xyz.length);
        System.arraycopy(xyz, 0, ring[(int) (pushed % w)], 0, 3 * n);
        pushed++;
    }

    /**
     * p_hop of every particle at the centre frame {@link #centreFrame()} of the last 2h + 1 frames.
     *
     * @param out N values, overwritten (σ²)
     * @param par worker team (its thread count does not change the result)
     * @throws IllegalStateException if fewer than 2h + 1 frames were pushed
     */
    public void compute(double[] out, Parallel par) {
        if (!ready()) throw new IllegalStateException("p_hop needs " + w + " frames, only " + pushed + " pushed");
        if (out.length != n) throw new IllegalArgumentException("output needs " + n + " slots, got " + out.length);
        double[][] win = new double[w][];
        for (int k = 0; k < w; k++) win[k] = ring[(int) ((pushed - w + k) % w)];
        par.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
            for (int i = from; i < to; i++) out[i] = one(win, h, i);
        });
    }

    /** p_hop of slot i in the window {@code win[0 .. 2h]} (frame order). */
    static double one(double[][] win, int h, int i) {
        double inv = 1.0 / (h + 1);
        double ax = 0, ay = 0, az = 0, bx = 0, by = 0, bz = 0;
        int o = 3 * i;
        for (int k = 0; k <= h; k++) { double[] f = win[k]; ax += f[o]; ay += f[o + 1]; az += f[o + 2]; }
        for (int k = h; k <= 2 * h; k++) { double[] f = win[k]; bx += f[o]; by += f[o + 1]; bz += f[o + 2]; }
        ax *= inv; ay *= inv; az *= inv; bx *= inv; by *= inv; bz *= inv;
        double sa = 0, sb = 0;
        for (int k = 0; k <= h; k++) {
            double[] f = win[k];
            double dx = f[o] - bx, dy = f[o + 1] - by, dz = f[o + 2] - bz;
            sa += dx * dx + dy * dy + dz * dz;
        }
        for (int k = h; k <= 2 * h; k++) {
            double[] f = win[k];
            double dx = f[o] - ax, dy = f[o + 1] - ay, dz = f[o + 2] - az;
            sb += dx * dx + dy * dy + dz * dz;
        }
        return Math.sqrt(sa * inv * (sb * inv));
    }
}
