package org.softglass.core.energy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.simd.TripletBatch;
import org.softglass.core.simd.TripletBonds;
import org.softglass.core.simd.TripletKernel;
import org.softglass.core.space.Box;

/**
 * The three-body pass of {@link ForceCompute}: adds the forces, energy and virial of a {@link TripletTerm}
 * to what the pair loop left, over the same neighbour list (FULL or HALF, slot-indexed or cell-ordered).
 *
 * <p><b>Steps.</b> (1) Serially, every listed pair (once: j &gt; i in list positions) with
 * {@code r < aσ} goes into a symmetric bond table in CSR form: row i holds its bonds e with the
 * neighbour, {@code d = r_j − r_i} (minimum image) and the index of the reverse bond. (2) In parallel over
 * pairs, each pair's unit vector, 1/r and radial factors go to both of its bonds ({@link TripletBonds}: one
 * square root, two divisions and one exponential per pair instead of two of each per triplet). (3) In
 * parallel over fixed chunks of centres: (3a) the {@link TripletKernel} (Vector API or scalar, which agree
 * bit for bit) writes the h and gradient ({@link TripletTerm}) of each of the chunk's triplets, numbered
 * centre i ascending, then bond pairs e &lt; f ascending; (3b) each centre i sums its triplets serially in
 * that order: the force on i into its own slot, the forces on j and k into the entries of its own bonds
 * e, f, the per-atom energy (a third of h to each of i, j, k, as LAMMPS {@code ev_tally3}), and the virial
 * {@code W₃ = Σ (d₁·F_j + d₂·F_k)}. (4) In parallel over particles, particle l gathers its centre force and
 * the entries of the reverse bonds of its row. No thread writes another's data and every sum has a fixed
 * order, so the result is bit-identical for any thread count.
 *
 * <p><b>Sum order.</b> The sums of (3b) and (4) have the order of the per-triplet loop this class had before
 * the kernels (each triplet then called {@link TripletTerm#evaluate}, whose expressions and grouping the
 * kernels repeat per lane, with no sum across lanes), so forces, per-atom energies, U₃ and W₃ are
 * bit-identical to it for either kernel and any thread count.
 *
 * <p>Cost: O(bonds) serial for the table plus O(Σ_i z_i²/2) triplets (z_i bonds of i within aσ: ≈ 12 for
 * paper 004's SW model at ρ = 0.52 after 300 steps at T = 0.08 from a melt at T = 0.3, so ≈ 70 triplets per
 * centre; bench/RESULTS.md).
 * Not thread-safe (owns its scratch).
 */
final class TripletForces {
    private static final int CHUNK = 128;
    private final TripletTerm term;
    private final Parallel parallel;
    private final TripletKernel kernel;
    private final TripletBonds bondValues;
    private final TripletBatch[] batches;

    // bond table (CSR over list positions) and per-evaluation outputs
    private int[] start = new int[1], rev = new int[0];
    private double[] dx = new double[0], fBond = new double[0], eBond = new double[0];
    private double[] px = new double[0], py = px, pz = px, fCentre = px, eCentre = px, eAtomCentre = px, wCentre = px;
    private int[] pa = new int[0], pb = pa, pairBond = pa;
    /** Pairs within aσ found by the last {@link #buildBonds}. */
    private int pairs;
    private double[] pd = new double[0];
    /** Bond counts and fill positions per list position, reused across calls (length ≥ n). */
    private int[] deg = new int[0], fill = new int[0];

    TripletForces(TripletTerm term, Parallel parallel, TripletKernel kernel) {
        this.term = term;
        this.parallel = parallel;
        this.kernel = kernel;
        this.bondValues = new TripletBonds(term.gammaSigma(), term.cutoff());
        this.batches = new TripletBatch[parallel.threads()];
        for (int w = 0; w < batches.length; w++) batches[w] = new TripletBatch();
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
        bondValues.ensure(bonds + TripletBatch.SLACK);
        final int[] pbond = pairBond, rv0 = rev;
        final double[] pdd = pd;
        parallel.forChunks(pairs, 4096, (worker, chunk, from, to) -> bondValues.computePairs(pdd, pbond, rv0, from, to));
        parallel.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
            TripletBatch tb = batches[worker];
            int count = 0;
            for (int i = from; i < to; i++) {
                int z = st[i + 1] - st[i];
                count += z * (z - 1) / 2;
            }
            tb.reset(count);
            kernel.evaluate(term.lambdaEps(), term.cosTheta0(), bondValues, st, from, to, tb);
            int t = 0;
            for (int i = from; i < to; i++) {
                double fx = 0, fy = 0, fz = 0, u = 0, w = 0;
                int s0 = st[i], s1 = st[i + 1];
                for (int e = s0; e < s1; e++) {
                    fb[3 * e] = fb[3 * e + 1] = fb[3 * e + 2] = 0;
                    eb[e] = 0;
                }
                for (int e = s0; e < s1; e++) {
                    double ax = d[3 * e], ay = d[3 * e + 1], az = d[3 * e + 2];
                    // bond e's entries in registers: the same subtractions in the same order as on the array
                    double bex = fb[3 * e], bey = fb[3 * e + 1], bez = fb[3 * e + 2], be = eb[e];
                    for (int f = e + 1; f < s1; f++, t++) {
                        double bx = d[3 * f], by = d[3 * f + 1], bz = d[3 * f + 2];
                        double g0 = tb.g1x(t), g1 = tb.g1y(t), g2 = tb.g1z(t), g3 = tb.g2x(t), g4 = tb.g2y(t), g5 = tb.g2z(t);
                        double h = tb.h(t);
                        fx += g0 + g3;
                        fy += g1 + g4;
                        fz += g2 + g5;
                        bex -= g0;
                        bey -= g1;
                        bez -= g2;
                        fb[3 * f] -= g3;
                        fb[3 * f + 1] -= g4;
                        fb[3 * f + 2] -= g5;
                        double third = h / 3.0;
                        be += third;
                        eb[f] += third;
                        u += h;
                        w -= ax * g0 + ay * g1 + az * g2 + bx * g3 + by * g4 + bz * g5;
                    }
                    fb[3 * e] = bex;
                    fb[3 * e + 1] = bey;
                    fb[3 * e + 2] = bez;
                    eb[e] = be;
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
        if (pairBond.length < pairs) pairBond = new int[pa.length];
        this.pairs = pairs;
        for (int k = 0; k < pairs; k++) {
            int i = pa[k], j = pb[k], ei = fill[i]++, ej = fill[j]++;
            pairBond[k] = ei;
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
