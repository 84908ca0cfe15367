package org.softglass.core.rearrange;

import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;

/**
 * The Falk–Langer non-affine displacement D²_min (Falk &amp; Langer, PRE 57, 7192 (1998), eqs 2.11–2.14;
 * used in {@code 001} §2) of every particle between a reference frame a and a current frame b.
 *
 * <p>For particle i with neighbours j at minimum-image distance {@code |d⁰_ij| < r_c} (strict) in the
 * reference frame, {@code d⁰_ij = r_j(a) − r_i(a)} (minimum image) and
 * {@code d_ij = d⁰_ij + u_j − u_i} with {@code u = x_unwrapped(b) − x_unwrapped(a)} (so the current
 * separation follows the particles' paths, not a second minimum image),
 * <pre>
 *   D²_min(i) = min_J Σ_j |d_ij − J d⁰_ij|²,   J = X Y⁻¹,  X = Σ_j d_ij ⊗ d⁰_ij,  Y = Σ_j d⁰_ij ⊗ d⁰_ij
 * </pre>
 * (σ²; a sum over neighbours, not divided by their number). The residual is summed directly with the
 * optimal J. If Y is singular (fewer than three non-coplanar neighbours: |det Y| ≤ 1e−12 (tr Y / 3)³)
 * the result is NaN.
 */
public final class D2min {
    private D2min() {}

    /**
     * Per-slot results.
     *
     * @param d2min D²_min (σ²), NaN where Y is singular
     * @param neighbors number of neighbours within r_c in the reference frame
     */
    public record Result(double[] d2min, int[] neighbors) {}

    /**
     * @param ref reference frame a (not modified); its box defines the neighbourhoods
     * @param cur current frame b with the same particles in the same slots (not modified)
     * @param rc neighbour cutoff r_c (σ), &gt; 0, every box length &gt; 2 r_c
     * @param par worker team (the result does not depend on its thread count)
     * @return D²_min and neighbour count per slot
     */
    public static Result compute(Frame ref, Frame cur, double rc, Parallel par) {
        int n = ref.size();
        if (cur.size() != n) throw new IllegalArgumentException("frames hold " + n + " and " + cur.size() + " particles");
        ParticleStore p = ref.particles(), q = cur.particles();
        Box box = ref.box();
        double[] u = new double[3 * n];
        for (int i = 0; i < n; i++) {
            if (p.id(i) != q.id(i)) throw new IllegalArgumentException("slot " + i + " holds id " + p.id(i) + " and id " + q.id(i));
            for (int a = 0; a < 3; a++) u[3 * i + a] = q.unwrapped(i, a, cur.box()) - p.unwrapped(i, a, box);
        }
        double[] out = new double[n];
        int[] count = new int[n];
        try (NeighborListBuilder b = new NeighborListBuilder(box, rc, par.threads());
             NeighborList nl = b.build(p, NeighborList.Kind.FULL)) {
            par.forChunks(n, 256, (w, c, from, to) -> {
                double[] d0 = new double[3], d = new double[3];
                for (int i = from; i < to; i++) {
                    out[i] = one(p, box, u, nl, i, d0, d);
                    count[i] = nl.count(i);
                }
            });
        }
        return new Result(out, count);
    }

    private static double one(ParticleStore p, Box box, double[] u, NeighborList nl, int i, double[] d0, double[] d) {
        double[] x = new double[9], y = new double[9];
        long s = nl.start(i), e = nl.end(i);
        for (long k = s; k < e; k++) {
            separations(p, box, u, i, nl.neighbor(k), d0, d);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    x[3 * r + c] += d[r] * d0[c];
                    y[3 * r + c] += d0[r] * d0[c];
                }
            }
        }
        double[] yi = inverse(y);
        if (yi == null) return Double.NaN;
        double[] j = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) j[3 * r + c] = x[3 * r] * yi[c] + x[3 * r + 1] * yi[3 + c] + x[3 * r + 2] * yi[6 + c];
        }
        double sum = 0;
        for (long k = s; k < e; k++) {
            separations(p, box, u, i, nl.neighbor(k), d0, d);
            for (int r = 0; r < 3; r++) {
                double res = d[r] - (j[3 * r] * d0[0] + j[3 * r + 1] * d0[1] + j[3 * r + 2] * d0[2]);
                sum += res * res;
            }
        }
        return sum;
    }

    private static void separations(ParticleStore p, Box box, double[] u, int i, int jn, double[] d0, double[] d) {
        for (int a = 0; a < 3; a++) {
            d0[a] = box.minimumImage(p.pos(jn, a) - p.pos(i, a), a);
            d[a] = d0[a] + u[3 * jn + a] - u[3 * i + a];
        }
    }

    /** Inverse of a 3×3 matrix (row-major) by cofactors, or null if |det| ≤ 1e−12 (trace/3)³. */
    static double[] inverse(double[] m) {
        double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        double scale = (m[0] + m[4] + m[8]) / 3;
        if (!(Math.abs(det) > 1e-12 * Math.abs(scale * scale * scale))) return null;
        double inv = 1 / det;
        return new double[] {
            c00 * inv, (m[2] * m[7] - m[1] * m[8]) * inv, (m[1] * m[5] - m[2] * m[4]) * inv,
            c01 * inv, (m[0] * m[8] - m[2] * m[6]) * inv, (m[2] * m[3] - m[0] * m[5]) * inv,
            c02 * inv, (m[1] * m[6] - m[0] * m[7]) * inv, (m[0] * m[4] - m[1] * m[3]) * inv};
    }
}
