package org.softglass.core.energy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;

/**
 * The three-body pass of {@link ForceCompute}: adds the forces, energy and virial of a {@link TripletTerm}
 * to what the pair loop left, over the same neighbour list (FULL or HALF, slot-indexed or cell-ordered).
 *
 * <p><b>Steps.</b> (1) Serially, every listed pair (once: j &gt; i in list positions) with
 * {@code r < aσ} goes into a symmetric bond table in CSR form: row i holds its bonds e with the
 * neighbour, {@code d = r_j − r_i} (minimum image) and the index of the reverse bond. (2) In parallel over
 * fixed chunks of centres, each centre i sums {@code h(d_e, d_f)} over its bond pairs e &lt; f
 * ({@link TripletTerm}): the force on i into its own slot, the forces on j and k into the entries of its
 * own bonds e, f, the per-atom energy (a third of h to each of i, j, k, as LAMMPS {@code ev_tally3}),
 * and the virial {@code W₃ = Σ (d₁·F_j + d₂·F_k)}. (3) In parallel over particles, particle l gathers its
 * centre force and the entries of the reverse bonds of its row. No thread writes another's data and every
 * sum has a fixed order, so the result is bit-identical for any thread count.
 *
 * <p>Cost: O(bonds) serial for the table plus O(Σ_i z_i²/2) triplets (z_i bonds of i: ≈ 4–5 in the
 * tetrahedral SW glass); scalar code, no Vector-API path. Not thread-safe (owns its scratch).
 */
final class TripletForces {
    private static final int CHUNK = 128;
    private final TripletTerm term;
    private final Parallel parallel;

    // bond table (CSR over list positions) and per-evaluation outputs
    private int[] start = new int[1], rev = new int[0];
    private double[] dx = new double[0], fBond = new double[0], eBond = new double[0];
    private double[] px = new double[0], py = px, pz = px, fCentre = px, eCentre = px, eAtomCentre = px, wCentre = px;
    private int[] pa = new int[0], pb = pa;
    private double[] pd = new double[0];
    /** Bond counts and fill positions per list position, reused across calls (length ≥ n). */
    private int[] deg = new int[0], fill = new int[0];

    TripletForces(TripletTerm term, Parallel parallel) {
        this.term = term;
        this.parallel = parallel;
    }

    /**
     * Adds the three-body forces to the store's forces (read and written, by slot); with {@code energy}
     * returns U₃ and W₃ (and adds each particle's share of U₃ to {@code perAtom[slot]} when not null),
     * else returns null.
     */
    ForceCompute.Result add(ParticleStore p, Box box, NeighborList list, double[] perAtom, boolean energy) {
        int n = p.size();
        buildBonds(p, box, list);
        if (fCentre.length < 3 * n) {
            fCentre = new double[3 * n];
            eCentre = new double[n];
            eAtomCentre = new double[n];
            wCentre = new double[n];
        }
        int bonds = start[n];
        if (fBond.length < 3 * bonds) {
            fBond = new double[3 * bonds];
            eBond = new double[bonds];
        }
        final double[] fc = fCentre, ec = eCentre, ea = eAtomCentre, wc = wCentre, fb = fBond, eb = eBond, d = dx;
        final int[] st = start;
        parallel.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
            double[] g = new double[6];
            for (int i = from; i < to; i++) {
                double fx = 0, fy = 0, fz = 0, u = 0, w = 0;
                int s0 = st[i], s1 = st[i + 1];
                for (int e = s0; e < s1; e++) {
                    fb[3 * e] = fb[3 * e + 1] = fb[3 * e + 2] = 0;
                    eb[e] = 0;
                }
                for (int e = s0; e < s1; e++) {
                    double ax = d[3 * e], ay = d[3 * e + 1], az = d[3 * e + 2];
                    for (int f = e + 1; f < s1; f++) {
                        double bx = d[3 * f], by = d[3 * f + 1], bz = d[3 * f + 2];
                        double h = term.evaluate(ax, ay, az, bx, by, bz, g);
                        fx += g[0] + g[3];
                        fy += g[1] + g[4];
                        fz += g[2] + g[5];
                        fb[3 * e] -= g[0];
                        fb[3 * e + 1] -= g[1];
                        fb[3 * e + 2] -= g[2];
                        fb[3 * f] -= g[3];
                        fb[3 * f + 1] -= g[4];
                        fb[3 * f + 2] -= g[5];
                        double third = h / 3.0;
                        eb[e] += third;
                        eb[f] += third;
                        u += h;
                        w -= ax * g[0] + ay * g[1] + az * g[2] + bx * g[3] + by * g[4] + bz * g[5];
                    }
                }
                fc[3 * i] = fx;
                fc[3 * i + 1] = fy;
                fc[3 * i + 2] = fz;
                ec[i] = u;
                ea[i] = u / 3.0;
                wc[i] = w;
            }
        });
        final MemorySegment fxs = p.forces(0), fys = p.forces(1), fzs = p.forces(2);
        final int[] rv = rev;
        final boolean perAtomOut = energy && perAtom != null;
        parallel.forChunks(n, 4096, (worker, chunk, from, to) -> {
            for (int l = from; l < to; l++) {
                double gx = fc[3 * l], gy = fc[3 * l + 1], gz = fc[3 * l + 2], u = ea[l];
                for (int e = st[l]; e < st[l + 1]; e++) {
                    int r = rv[e];
                    gx += fb[3 * r];
                    gy += fb[3 * r + 1];
                    gz += fb[3 * r + 2];
                    u += eb[r];
                }
                int slot = list.slot(l);
                fxs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, fxs.getAtIndex(ValueLayout.JAVA_DOUBLE, slot) + gx);
                fys.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, fys.getAtIndex(ValueLayout.JAVA_DOUBLE, slot) + gy);
                fzs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, fzs.getAtIndex(ValueLayout.JAVA_DOUBLE, slot) + gz);
                if (perAtomOut) perAtom[slot] += u;
            }
        });
        if (!energy) return null;
        double u = 0, w = 0;
        for (int i = 0; i < n; i++) {
            u += ec[i];
            w += wc[i];
        }
        return new ForceCompute.Result(u, w);
    }

    /** Step (1) of the class comment: the bond table of the pairs within aσ, over list positions. */
    private void buildBonds(ParticleStore p, Box box, NeighborList list) {
        int n = p.size();
        if (px.length < n) {
            px = new double[n];
            py = new double[n];
            pz = new double[n];
        }
        for (int r = 0; r < n; r++) {
            int s = list.slot(r);
            px[r] = p.x(s);
            py[r] = p.y(s);
            pz[r] = p.z(s);
        }
        double rc2 = term.cutoff() * term.cutoff();
        boolean full = list.kind() == NeighborList.Kind.FULL;
        int pairs = 0;
        if (deg.length < n) {
            deg = new int[n];
            fill = new int[n];
        }
        final int[] deg = this.deg, fill = this.fill;
        java.util.Arrays.fill(deg, 0, n, 0);
        for (int i = 0; i < n; i++) {
            for (long q = list.start(i), end = list.end(i); q < end; q++) {
                int j = list.neighbor(q);
                if (full && j <= i) continue;
                double x = box.minimumImage(px[j] - px[i], 0), y = box.minimumImage(py[j] - py[i], 1), z = box.minimumImage(pz[j] - pz[i], 2);
                if (!(x * x + y * y + z * z < rc2)) continue;
                if (pairs == pa.length) {
                    int c = Math.max(16, 2 * pairs);
                    pa = java.util.Arrays.copyOf(pa, c);
                    pb = java.util.Arrays.copyOf(pb, c);
                    pd = java.util.Arrays.copyOf(pd, 3 * c);
                }
                pa[pairs] = i;
                pb[pairs] = j;
                pd[3 * pairs] = x;
                pd[3 * pairs + 1] = y;
                pd[3 * pairs + 2] = z;
                pairs++;
                deg[i]++;
                deg[j]++;
            }
        }
        if (start.length < n + 1) start = new int[n + 1];
        start[0] = 0;
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + deg[i];
        int bonds = 2 * pairs;
        if (rev.length < bonds) {
            rev = new int[bonds];
            dx = new double[3 * bonds];
        }
        for (int i = 0; i < n; i++) fill[i] = start[i];
        for (int k = 0; k < pairs; k++) {
            int i = pa[k], j = pb[k], ei = fill[i]++, ej = fill[j]++;
            rev[ei] = ej;
            rev[ej] = ei;
            dx[3 * ei] = pd[3 * k];
            dx[3 * ei + 1] = pd[3 * k + 1];
            dx[3 * ei + 2] = pd[3 * k + 2];
            dx[3 * ej] = -pd[3 * k];
            dx[3 * ej + 1] = -pd[3 * k + 1];
            dx[3 * ej + 2] = -pd[3 * k + 2];
        }
    }
}
