package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.StillingerWeber;
import org.softglass.core.energy.TripletTerm;
import org.softglass.core.testutil.RaggedRows;

/**
 * The Vector-API and scalar {@link TripletKernel}s, and both against {@link TripletTerm#evaluate} (the
 * per-triplet form the three-body driver used before the kernels), on random Stillinger–Weber centres
 * with 0..3·lanes+2 bonds each, in shuffled order in one call (every remainder of the vector loops, and
 * tails that run into the next centre's bonds and triplets), distances from 0.6σ to
 * aσ including the edges (aσ − 1e-9, aσ − 1e-6, where E(r) underflows: γσ/(r − aσ) = −700 ± 1e-9),
 * and near-linear and near-parallel bond pairs (|cos θ| = 1 − 1e-12 … 1). Tolerance 0: every kernel
 * evaluates the same IEEE expressions per triplet in the same grouping (one triplet per lane, no
 * sum across lanes), so the results must agree bit for bit. Also {@link TripletBonds#computePairs} against
 * {@link TripletBonds#compute}.
 */
class TripletKernelTest {
    private static final TripletTerm TERM = StillingerWeber.paper004().tripletTerm();

    @Test
    void panamaAndScalarEqualTripletTermBitForBit() {
        int lanes = PanamaSupport.DOUBLE.length();
        double rc = TERM.cutoff(), gs = TERM.gammaSigma();
        double[] edge = {rc - 1e-9, rc - 1e-6, rc - gs / 700.0 * (1 - 1e-9), rc - gs / 700.0 * (1 + 1e-9), 0.6};
        SplittableRandom rnd = new SplittableRandom(11);
        TripletKernel panama = TripletKernels.panama(), scalar = TripletKernels.scalar();
        int nonzero = 0, checked = 0;
        for (int rep = 0; rep < 20; rep++) {
            // centres c = 0 .. 3·lanes+2 with z_c = c bonds (in shuffled order), all in one call
            int centres = 3 * lanes + 3;
            int[] zs = RaggedRows.shuffledLengths(centres, centres, rnd);
            int[] start = RaggedRows.starts(zs);
            int bonds = start[centres];
            double[] d = new double[3 * bonds];
            for (int c = 0; c < centres; c++) fillCentre(d, start[c], zs[c], rnd, edge, rc);
            TripletBonds tb = new TripletBonds(gs, rc);
            tb.ensure(bonds + TripletBatch.SLACK);
            tb.compute(d, 0, bonds);
            assertPairsEqualBonds(d, bonds, gs, rc);
            int count = 0;
            for (int z : zs) count += z * (z - 1) / 2;
            TripletBatch a = new TripletBatch(), b = new TripletBatch();
            a.reset(count);
            b.reset(count);
            scalar.evaluate(TERM.lambdaEps(), TERM.cosTheta0(), tb, start, 0, centres, a);
            panama.evaluate(TERM.lambdaEps(), TERM.cosTheta0(), tb, start, 0, centres, b);
            double[] g = new double[6];
            int t = 0;
            for (int c = 0; c < centres; c++) {
                for (int e = start[c]; e < start[c + 1]; e++) {
                    for (int f = e + 1; f < start[c + 1]; f++, t++) {
                        double h = TERM.evaluate(d[3 * e], d[3 * e + 1], d[3 * e + 2], d[3 * f], d[3 * f + 1], d[3 * f + 2], g);
                        double[] sa = values(a, t), sb = values(b, t), ref = {h, g[0], g[1], g[2], g[3], g[4], g[5]};
                        for (int k = 0; k < 7; k++) {
                            String what = "z=" + zs[c] + " triplet (" + e + "," + f + ") component " + k;
                            assertTrue(Double.isFinite(sb[k]), what);
                            assertEquals(ref[k], sa[k], 0.0, "scalar kernel vs TripletTerm: " + what);
                            assertEquals(ref[k], sb[k], 0.0, "Panama kernel vs TripletTerm: " + what);
                        }
                        if (h != 0) nonzero++;
                        checked++;
                    }
                }
            }
            assertEquals(count, t);
        }
        assertTrue(nonzero > checked / 2, "most triplets must interact: " + nonzero + " of " + checked);
    }

    /**
     * z bonds of one centre into d[3·s ..]: random directions, distances uniform in [0.6σ, aσ) or (one in
     * four) an edge value, one in three nearly or exactly (anti)parallel to an earlier bond of the centre.
     */
    private static void fillCentre(double[] d, int s, int z, SplittableRandom rnd, double[] edge, double rc) {
        for (int e = s; e < s + z; e++) {
            double r = rnd.nextInt(4) == 0 ? edge[rnd.nextInt(edge.length)] : 0.6 + (rc - 0.6) * rnd.nextDouble();
            double[] u = unit(rnd);
            if (e > s && rnd.nextInt(3) == 0) { // near-linear (θ ≈ π) or near-parallel (θ ≈ 0) to an earlier bond
                int o = s + rnd.nextInt(e - s);
                double ro = Math.sqrt(d[3 * o] * d[3 * o] + d[3 * o + 1] * d[3 * o + 1] + d[3 * o + 2] * d[3 * o + 2]);
                double sign = rnd.nextBoolean() ? -1 : 1, tilt = rnd.nextBoolean() ? 0.0 : 1e-6 * rnd.nextDouble();
                double[] w = unit(rnd);
                for (int a = 0; a < 3; a++) u[a] = sign * d[3 * o + a] / ro + tilt * w[a];
                double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                for (int a = 0; a < 3; a++) u[a] /= nu;
            }
            for (int a = 0; a < 3; a++) d[3 * e + a] = r * u[a];
        }
    }

    /**
     * {@link TripletBonds#computePairs} (one evaluation per pair, both directions written) equals
     * {@link TripletBonds#compute} on each directed bond bit for bit: bonds 0..z−1 carry d, bonds z..2z−1
     * its negation.
     */
    private static void assertPairsEqualBonds(double[] d, int z, double gs, double rc) {
        double[] both = new double[6 * z];
        int[] bondOf = new int[z], rev = new int[2 * z];
        for (int e = 0; e < z; e++) {
            for (int a = 0; a < 3; a++) {
                both[3 * e + a] = d[3 * e + a];
                both[3 * (z + e) + a] = -d[3 * e + a];
            }
            bondOf[e] = e;
            rev[e] = z + e;
            rev[z + e] = e;
        }
        TripletBonds one = new TripletBonds(gs, rc), pairs = new TripletBonds(gs, rc);
        one.ensure(2 * z);
        pairs.ensure(2 * z);
        one.compute(both, 0, 2 * z);
        pairs.computePairs(d, bondOf, rev, 0, z);
        for (int e = 0; e < 2 * z; e++) {
            double[] u = {one.nx[e], one.ny[e], one.nz[e], one.ir[e], one.ex[e], one.ed[e]};
            double[] v = {pairs.nx[e], pairs.ny[e], pairs.nz[e], pairs.ir[e], pairs.ex[e], pairs.ed[e]};
            for (int c = 0; c < 6; c++) assertEquals(u[c], v[c], 0.0, "bond " + e + " of " + 2 * z + " quantity " + c);
        }
    }

    private static double[] values(TripletBatch o, int t) {
        return new double[] {o.h(t), o.g1x(t), o.g1y(t), o.g1z(t), o.g2x(t), o.g2y(t), o.g2z(t)};
    }

    private static double[] unit(SplittableRandom rnd) {
        double u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - u * u);
        return new double[] {s * Math.cos(ph), s * Math.sin(ph), u};
    }
}
