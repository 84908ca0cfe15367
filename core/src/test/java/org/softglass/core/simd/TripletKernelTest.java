package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.StillingerWeber;
import org.softglass.core.energy.TripletTerm;

/**
 * The Vector-API and scalar {@link TripletKernel}s, and both against {@link TripletTerm#evaluate} (the
 * per-triplet form the three-body driver used before the kernels), on random Stillinger–Weber centres:
 * 0..3·lanes+2 bonds per centre (every padding remainder of the triplet list), distances from 0.6σ to
 * aσ including the edges (aσ − 1e-9, aσ − 1e-6, where E(r) underflows: γσ/(r − aσ) = −700 ± 1e-9),
 * and near-linear and near-parallel bond pairs (|cos θ| = 1 − 1e-12 … 1). Tolerance 0: every kernel
 * evaluates the same IEEE expressions per triplet in the same grouping (one triplet per lane, no
 * sum across lanes), so the results must agree bit for bit.
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
            for (int z = 0; z <= 3 * lanes + 2; z++) {
                double[] d = new double[3 * z];
                for (int e = 0; e < z; e++) {
                    double r = rnd.nextInt(4) == 0 ? edge[rnd.nextInt(edge.length)] : 0.6 + (rc - 0.6) * rnd.nextDouble();
                    double[] u = unit(rnd);
                    if (e > 0 && rnd.nextInt(3) == 0) { // near-linear (θ ≈ π) or near-parallel (θ ≈ 0) to an earlier bond
                        int o = rnd.nextInt(e);
                        double ro = Math.sqrt(d[3 * o] * d[3 * o] + d[3 * o + 1] * d[3 * o + 1] + d[3 * o + 2] * d[3 * o + 2]);
                        double sign = rnd.nextBoolean() ? -1 : 1, tilt = rnd.nextBoolean() ? 0.0 : 1e-6 * rnd.nextDouble();
                        double[] w = unit(rnd);
                        for (int a = 0; a < 3; a++) u[a] = sign * d[3 * o + a] / ro + tilt * w[a];
                        double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                        for (int a = 0; a < 3; a++) u[a] /= nu;
                    }
                    for (int a = 0; a < 3; a++) d[3 * e + a] = r * u[a];
                }
                TripletBonds bonds = new TripletBonds(gs, rc);
                bonds.ensure(z);
                bonds.compute(d, 0, z);
                TripletBatch a = new TripletBatch(), b = new TripletBatch();
                for (int e = 0; e < z; e++) {
                    for (int f = e + 1; f < z; f++) {
                        a.add(e, f);
                        b.add(e, f);
                    }
                }
                scalar.evaluate(TERM.lambdaEps(), TERM.cosTheta0(), bonds, a);
                panama.evaluate(TERM.lambdaEps(), TERM.cosTheta0(), bonds, b);
                double[] g = new double[6];
                int t = 0;
                for (int e = 0; e < z; e++) {
                    for (int f = e + 1; f < z; f++, t++) {
                        double h = TERM.evaluate(d[3 * e], d[3 * e + 1], d[3 * e + 2], d[3 * f], d[3 * f + 1], d[3 * f + 2], g);
                        double[] sa = values(a, t), sb = values(b, t), ref = {h, g[0], g[1], g[2], g[3], g[4], g[5]};
                        for (int c = 0; c < 7; c++) {
                            String what = "z=" + z + " triplet (" + e + "," + f + ") component " + c;
                            assertTrue(Double.isFinite(sb[c]), what);
                            assertEquals(ref[c], sa[c], 0.0, "scalar kernel vs TripletTerm: " + what);
                            assertEquals(ref[c], sb[c], 0.0, "Panama kernel vs TripletTerm: " + what);
                        }
                        if (h != 0) nonzero++;
                        checked++;
                    }
                }
            }
        }
        assertTrue(nonzero > checked / 2, "most triplets must interact: " + nonzero + " of " + checked);
    }

    private static double[] values(TripletBatch o, int t) {
        return new double[] {o.h(t), o.g1x(t), o.g1y(t), o.g1z(t), o.g2x(t), o.g2y(t), o.g2z(t)};
    }

    private static double[] unit(SplittableRandom rnd) {
        double u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - u * u);
        return new double[] {s * Math.cos(ph), s * Math.sin(ph), u};
    }
}
