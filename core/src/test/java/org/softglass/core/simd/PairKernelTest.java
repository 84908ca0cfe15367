package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;

/**
 * Scalar and Panama pair kernels agree on every row length 0..3·lanes+1 (Lucene's
 * TestVectorUtilSupport pattern), for every preset, species row, with neighbours across the periodic
 * boundary and beyond the cutoff. Tolerance: reassociation of n terms, 1e-13·n·max|term sum|.
 */
class PairKernelTest {
    @Test
    void panamaEqualsScalarOnEveryLength() {
        int lanes = PanamaSupport.DOUBLE.length();
        SplittableRandom rnd = new SplittableRandom(42);
        PeriodicLengths box = PeriodicLengths.of(6.1, 5.9, 7.3);
        int np = 64;
        for (PairPotential pot : new PairPotential[] {Models.ka(), Models.ss(), Models.ipl(), Models.mblj(), Models.stickySpheres()}) {
            for (int si = 0; si < 2; si++) {
                PairRow row = new PairRow(new PairParams[] {pot.params(si, 0), pot.params(si, 1)});
                for (int n = 0; n <= 3 * lanes + 1; n++) {
                    // particle 0 is i; neighbours placed at 0.6..1.25 cutoff, some wrapped across the box
                    double[] x = new double[np], y = new double[np], z = new double[np], sd = new double[np];
                    int[] sp = new int[np], idx = new int[n];
                    x[0] = 0.3; y[0] = 5.7; z[0] = 3.0;
                    for (int j = 1; j < np; j++) {
                        sp[j] = rnd.nextInt(2);
                        sd[j] = sp[j];
                        double rc = pot.cutoff(si, sp[j]);
                        double r = rc * (0.6 + 0.65 * rnd.nextDouble()), u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble();
                        double s = Math.sqrt(1 - u * u);
                        x[j] = wrap(x[0] + r * s * Math.cos(ph), box.lx());
                        y[j] = wrap(y[0] + r * s * Math.sin(ph), box.ly());
                        z[j] = wrap(z[0] + r * u, box.lz());
                    }
                    for (int k = 0; k < n; k++) idx[k] = 1 + rnd.nextInt(np - 1);
                    int cap = PanamaPairKernel.INSTANCE.padded(n);
                    double[] xj = new double[cap], yj = new double[cap], zj = new double[cap], sj = new double[cap];
                    for (int k = 0; k < n; k++) {
                        xj[k] = x[idx[k]]; yj[k] = y[idx[k]]; zj[k] = z[idx[k]]; sj[k] = sd[idx[k]];
                    }
                    PanamaPairKernel.INSTANCE.padInto(x[0], y[0], z[0], xj, yj, zj, sj, n, box);
                    for (boolean energy : new boolean[] {false, true}) {
                        for (boolean pairs : new boolean[] {false, true}) {
                            double[][] ga = {xj.clone(), yj.clone(), zj.clone(), sj.clone()}, gb = {xj.clone(), yj.clone(), zj.clone(), sj.clone()};
                            double[] a = new double[PairKernel.ACC_LENGTH], b = new double[PairKernel.ACC_LENGTH];
                            ScalarPairKernel.INSTANCE.accumulate(row, x[0], y[0], z[0], ga[0], ga[1], ga[2], ga[3], n, box, energy, a, pairs);
                            PanamaPairKernel.INSTANCE.accumulate(row, x[0], y[0], z[0], gb[0], gb[1], gb[2], gb[3], n, box, energy, b, pairs);
                            double scale = 0;
                            for (int k = 0; k < 5; k++) scale = Math.max(scale, Math.abs(a[k]));
                            for (int k = pairs ? 3 : 0; k < 5; k++) {
                                if (k == 3 && !energy) break;
                                final int nn = n, kk = k;
                                assertEquals(a[k], b[k], 1e-13 * Math.max(1, scale) * Math.max(1, n),
                                        () -> pot.name() + " n=" + nn + " acc[" + kk + "]");
                            }
                            if (!pairs) continue;
                            // per-pair forces (and energies) written for Newton's third law: same per pair, and they sum to the total
                            double[] sum = new double[3];
                            for (int k = 0; k < n; k++) {
                                for (int c = 0; c < (energy ? 4 : 3); c++) {
                                    assertEquals(ga[c][k], gb[c][k], 1e-12 * Math.max(1, Math.abs(ga[c][k])), pot.name() + " pair " + k + " comp " + c);
                                }
                                for (int c = 0; c < 3; c++) sum[c] += ga[c][k];
                            }
                            double[] ref = new double[PairKernel.ACC_LENGTH];
                            ScalarPairKernel.INSTANCE.accumulate(row, x[0], y[0], z[0], xj.clone(), yj.clone(), zj.clone(), sj.clone(), n, box, energy, ref, false);
                            for (int c = 0; c < 3; c++) assertEquals(ref[c], sum[c], 1e-12 * Math.max(1, scale) * Math.max(1, n));
                        }
                    }
                }
            }
        }
    }

    /**
     * The Stillinger–Weber pair term: Panama ({@link PanamaPairKernel#accumulateSw}) equals scalar for r from 0.6σ to 1.1·aσ, with neighbours
     * within 1e-6σ of aσ on both sides, at aσ exactly, and around the underflow edge σ/(r − aσ) = −700;
     * lanes at r ≥ aσ give exactly 0 and every sum is finite (no NaN from exp(σ/(r − aσ)), also where r² &lt; (aσ)²
     * but √r² rounds to aσ, which made the scalar form NaN before). Also exponents other than the
     * preset's p = 4, q = 0 and two species of different parameters (the scalar fallback). Tolerances as in
     * {@link #panamaEqualsScalarOnEveryLength} (the vector exp is within a few ulp).
     */
    @Test
    void stillingerWeberPanamaEqualsScalar() {
        int lanes = PanamaSupport.DOUBLE.length();
        SplittableRandom rnd = new SplittableRandom(7);
        PeriodicLengths box = PeriodicLengths.of(6.1, 5.9, 7.3);
        PairParams preset = Models.sw().params(0, 0);
        double rc = preset.f(), sigma = preset.e();
        PairParams other = new PairParams(PairParams.Form.SW, rc * rc, preset.a(), preset.b(), 6.0, 1.0, sigma, rc);
        double[] edge = {rc - 1e-6, rc - 1e-9, rc, rc + 1e-9, rc + 1e-6, rc - sigma / 700.0 * (1 - 1e-9), rc - sigma / 700.0 * (1 + 1e-9)};
        // the vector loops: one species, and two species with equal parameters (species-1 lanes run the same loop);
        // the scalar fallback: two species of different A, and the exponents p = 6, q = 1
        List<PairRow> rows = new ArrayList<>();
        for (PairParams pp : new PairParams[] {preset, other}) {
            rows.add(new PairRow(new PairParams[] {pp}));
            rows.add(new PairRow(new PairParams[] {pp, pp}));
            rows.add(new PairRow(new PairParams[] {pp, new PairParams(PairParams.Form.SW, pp.rc2(), 1.3 * pp.a(), pp.b(), pp.c(), pp.d(), pp.e(), pp.f())}));
        }
        assertTrue(PanamaPairKernel.swVectorised(rows.get(0)) && PanamaPairKernel.swVectorised(rows.get(1)), "the preset rows run the vector loops");
        assertTrue(!PanamaPairKernel.swVectorised(rows.get(2)) && !PanamaPairKernel.swVectorised(rows.get(3)), "other rows run the scalar kernel");
        for (PairRow row : rows) {
            PairParams pp = row.params(0);
            boolean two = row.bySpecies.length == 2;
            for (int n = 0; n <= 3 * lanes + 1; n++) {
                int cap = PanamaPairKernel.INSTANCE.padded(n);
                double[] xj = new double[cap], yj = new double[cap], zj = new double[cap], sj = new double[cap], rs = new double[cap];
                double xi = 0.3, yi = 5.7, zi = 3.0;
                for (int k = 0; k < n; k++) {
                    double r = k < edge.length && rnd.nextBoolean() ? edge[k] : rc * (0.6 / 1.8 + (1.1 - 0.6 / 1.8) * rnd.nextDouble());
                    if (k % 5 == 4) r = edge[rnd.nextInt(edge.length)];
                    double u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - u * u);
                    rs[k] = r;
                    xj[k] = wrap(xi + r * s * Math.cos(ph), box.lx());
                    yj[k] = wrap(yi + r * s * Math.sin(ph), box.ly());
                    zj[k] = wrap(zi + r * u, box.lz());
                    sj[k] = two ? rnd.nextInt(2) : 0;
                }
                PanamaPairKernel.INSTANCE.padInto(xi, yi, zi, xj, yj, zj, sj, n, box);
                for (boolean energy : new boolean[] {false, true}) {
                    for (boolean pairs : new boolean[] {false, true}) {
                        double[][] ga = {xj.clone(), yj.clone(), zj.clone(), sj.clone()}, gb = {xj.clone(), yj.clone(), zj.clone(), sj.clone()};
                        double[] a = new double[PairKernel.ACC_LENGTH], b = new double[PairKernel.ACC_LENGTH];
                        ScalarPairKernel.INSTANCE.accumulate(row, xi, yi, zi, ga[0], ga[1], ga[2], ga[3], n, box, energy, a, pairs);
                        PanamaPairKernel.accumulateSw(row, xi, yi, zi, gb[0], gb[1], gb[2], gb[3], n, box, energy, b, pairs);
                        double scale = 0;
                        for (int k = 0; k < 5; k++) scale = Math.max(scale, Math.abs(a[k]));
                        for (int k = pairs ? 3 : 0; k < (energy ? 5 : 3); k++) {
                            final int nn = n, kk = k;
                            assertTrue(Double.isFinite(a[k]) && Double.isFinite(b[k]), () -> "p=" + pp.c() + " n=" + nn + " energy=" + energy + " pairs=" + pairs + " acc[" + kk + "] = " + b[kk] + " (scalar " + a[kk] + ")");
                            assertEquals(a[k], b[k], 1e-13 * Math.max(1, scale) * Math.max(1, n), "p=" + pp.c() + " n=" + n + " acc[" + k + "]");
                        }
                        if (!pairs) continue;
                        for (int k = 0; k < n; k++) {
                            for (int c = 0; c < (energy ? 4 : 3); c++) {
                                assertEquals(ga[c][k], gb[c][k], 1e-12 * Math.max(1, Math.abs(ga[c][k])), "r=" + rs[k] + " comp " + c);
                                // computed r may round across aσ when |r − aσ| ~ 1e-9 (as in the scalar kernel): test exact zeros clear of it
                                if (rs[k] >= rc + 1e-7) assertEquals(0.0, gb[c][k], 0.0, "beyond aσ: r=" + rs[k]);
                            }
                        }
                    }
                }
            }
        }
    }

    private static double wrap(double v, double l) { return v - l * Math.floor(v / l); }

    /**
     * The SW vector loops give the same bits interpreted and compiled: one row evaluated cold, then 60 000 times (C2
     * compiles the loops), then again. With {@code VectorOperators.EXP} about 5 % of the per-pair energies changed bits
     * after warm-up (the SVML intrinsic and the Java fallback round differently), so MD depended on JIT timing.
     */
    @Test
    void stillingerWeberVectorBitsDoNotDependOnCompilation() {
        SplittableRandom rnd = new SplittableRandom(3);
        PeriodicLengths box = PeriodicLengths.of(9.1, 9.3, 9.7);
        PairParams sw = Models.sw().params(0, 0);
        PairRow row = new PairRow(new PairParams[] {sw});
        int n = 61, cap = PanamaPairKernel.INSTANCE.padded(n);
        double[] xj = new double[cap], yj = new double[cap], zj = new double[cap], sj = new double[cap];
        double xi = 4.0, yi = 4.5, zi = 5.0;
        for (int k = 0; k < n; k++) {
            double r = sw.f() * (0.7 + 0.35 * rnd.nextDouble()), u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble();
            double s = Math.sqrt(1 - u * u);
            xj[k] = xi + r * s * Math.cos(ph);
            yj[k] = yi + r * s * Math.sin(ph);
            zj[k] = zi + r * u;
        }
        PanamaPairKernel.INSTANCE.padInto(xi, yi, zi, xj, yj, zj, sj, n, box);
        double[][] cold = swPairs(row, xi, yi, zi, xj, yj, zj, sj, n, box);
        for (int it = 0; it < 60_000; it++) swPairs(row, xi, yi, zi, xj, yj, zj, sj, n, box);
        double[][] warm = swPairs(row, xi, yi, zi, xj, yj, zj, sj, n, box);
        for (int c = 0; c < cold.length; c++) assertArrayEquals(cold[c], warm[c], 0.0, "component " + c + " (x, y, z force, energy, sums)");
    }

    /** Per-pair forces and energies, and the row sums, of the SW vector loop with energies (inputs copied). */
    private static double[][] swPairs(PairRow row, double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sj, int n,
                                      PeriodicLengths box) {
        double[] x = xj.clone(), y = yj.clone(), z = zj.clone(), s = sj.clone(), acc = new double[PairKernel.ACC_LENGTH];
        PanamaPairKernel.accumulateSw(row, xi, yi, zi, x, y, z, s, n, box, true, acc, true);
        double[] sums = new double[PairKernel.ACC_LENGTH];
        PanamaPairKernel.accumulateSw(row, xi, yi, zi, xj.clone(), yj.clone(), zj.clone(), sj.clone(), n, box, true, sums, false);
        return new double[][] {x, y, z, s, sums};
    }
}
