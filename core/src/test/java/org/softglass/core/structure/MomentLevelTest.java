package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The moment expansion of {@link MomentLevel}: the monomial bookkeeping reproduces (r·s)^p; the order is the
 * smallest that meets the per-pair bound; and the features equal the brute-force {@link DescriptorOracle}
 * within the stated tolerance (1e-10 of the |term| sum plus n(n−1)/2 · τ) with both kernels, on adversarial
 * neighbourhoods (a dense shell just inside rmax, where |c r_j·r_k| and hence the Taylor remainder are
 * largest, antipodal and parallel pairs included), for λ = −1, 0.5, 1, ζ up to 2 and τ from 1e-12 to 1e-3;
 * at τ = 1e-3 the order is low enough that the truncation is visible, so the bound is tested, not just met.
 */
class MomentLevelTest {

    @Test
    void monomialsReproduceTheMultinomialExpansionOfTheDotProduct() {
        Monomials mono = new Monomials(12);
        assertEquals(Monomials.start(13), mono.count);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] r = {rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2)};
        double[] s = {rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2)};
        double[] mr = values(mono, r), ms = values(mono, s);
        double d = r[0] * s[0] + r[1] * s[1] + r[2] * s[2];
        for (int p = 0; p <= 12; p++) {
            double sum = 0, abs = 0;
            for (int i = Monomials.start(p); i < Monomials.start(p + 1); i++) {
                sum += mono.multinomial[i] * mr[i] * ms[i];
                abs += Math.abs(mono.multinomial[i] * mr[i] * ms[i]);
            }
            assertEquals(Math.pow(d, p), sum, 1e-14 * abs + 1e-300, "(r·s)^" + p);
        }
        // the index formula agrees with the order the block recurrence produces, for every monomial
        for (int p = 0; p <= 12; p++) {
            for (int a = 0; a <= p; a++) {
                for (int b = 0; a + b <= p; b++) {
                    int c = p - a - b;
                    double want = Math.pow(r[0], a) * Math.pow(r[1], b) * Math.pow(r[2], c);
                    assertEquals(want, mr[Monomials.index(a, b, c)], 1e-13 * Math.abs(want), "x^" + a + " y^" + b + " z^" + c);
                }
            }
        }
    }

    /** All monomials of v by the block recurrence. */
    private static double[] values(Monomials mono, double[] v) {
        double[] m = new double[mono.count];
        Monomials.fill(v[0], v[1], v[2], mono.maxDegree, m);
        return m;
    }

    @Test
    void orderIsTheSmallestThatMeetsThePerPairBound() {
        for (double x : new double[] {0.05, 0.2334, 1.0, 3.0}) {
            for (double tau : new double[] {1e-3, 1e-12}) {
                double worst = 2 * Math.log(2);
                int m = MomentLevel.order(x, worst, Math.log(tau));
                if (m < 0) continue;
                assertTrue(bound(x, worst, m) <= tau * (1 + 1e-12), "bound met at M = " + m);
                if (m > 0) assertTrue(bound(x, worst, m - 1) > tau, "M = " + m + " is the smallest");
            }
        }
        assertEquals(9, MomentLevel.order(2 / (14.638 * 14.638) * 25, 2 * Math.log(2), Math.log(1e-12)), "ka-266, xi = 14.638");
        assertEquals(865, MomentLevel.components(9, 2), "moments per neighbour for ka-266's largest xi");
        DescriptorSpec ka = DescriptorSpec.preset("ka-266");
        assertNotNull(MomentLevel.plan(ka, 14.638, new int[] {0, 1, 2, 3}, 1), "ka-266 expands xi = 14.638");
        assertNull(MomentLevel.plan(ka, 2.554, new int[] {4, 5, 6, 7}, 1), "but not xi = 2.554 (c rmax² = 7.7)");
        assertNull(MomentLevel.plan(ka.withTolerance(1e-120), 14.638, new int[] {0, 1, 2, 3}, 1), "nor at tau = 1e-120");
    }

    /** (1 + |λ|)^ζ X^{M+1}/(M+1)!. */
    private static double bound(double x, double worst, int m) {
        double f = 1;
        for (int k = 2; k <= m + 1; k++) f *= k;
        return Math.exp(worst) * Math.pow(x, m + 1) / f;
    }

    @Test
    void expansionMatchesOracleWithinStatedBoundOnAShellAtRmax() {
        Box box = Box.cubic(13.0);
        // ξ = 12: c rmax² = 0.35, order 10 at τ = 1e-12 (1100 moments per neighbour, near the limit)
        List<DescriptorSpec.Angular> ang = List.of(new DescriptorSpec.Angular(14.638, -1, 1), new DescriptorSpec.Angular(14.638, 1, 2),
                new DescriptorSpec.Angular(14.638, 0.5, 2), new DescriptorSpec.Angular(12.0, 0.5, 2), new DescriptorSpec.Angular(12.0, -1, 2),
                new DescriptorSpec.Angular(12.0, 1, 1), new DescriptorSpec.Angular(1.2, 1, 2));
        try (ParticleStore p = shell(box, 140, 5.0, 41)) {
            int[] slots = {0};
            for (double tau : new double[] {1e-12, 1e-6, 1e-3}) {
                DescriptorSpec spec = new DescriptorSpec(null, 5.0, new int[] {0, 1}, List.of(new DescriptorSpec.Radial(1.0, 0.05)), ang, tau);
                assertNotNull(MomentLevel.plan(spec, 12.0, new int[] {3, 4, 5}, 1), "xi = 12 is expanded at tau " + tau);
                double worstError = 0;
                DescriptorOracle.Row want = DescriptorOracle.row(spec, box, p, 0);
                for (DescriptorKernel k : new DescriptorKernel[] {DescriptorKernels.scalar(), DescriptorKernels.panama()}) {
                    try (DescriptorCalculator calc = new DescriptorCalculator(spec, 1, k)) {
                        double[] got = new double[spec.columnCount()];
                        calc.compute(box, p, slots, got, 0);
                        DescriptorBruteForceTest.assertRowsMatch(spec, box, p, slots, got, "shell, tau " + tau + " " + k.name());
                        for (int c = spec.radialColumns(); c < got.length; c++) {
                            worstError = Math.max(worstError, Math.abs(got[c] - want.values()[c]) / (1e-10 * want.absSum()[c]));
                        }
                    }
                }
                // at tau = 1e-3 the expansion is short (M ≈ 2–4): its error must show above round-off
                if (tau == 1e-3) assertTrue(worstError > 1, "the truncation is visible at tau = 1e-3 (" + worstError + ")");
            }
        }
    }

    /**
     * A centre (slot 0, A) at the box centre and n neighbours on the shell 0.97 rmax … 0.999 rmax (A and B), with
     * an antipodal and a parallel pair among them; the rest random, ≥ 0.45 apart.
     */
    private static ParticleStore shell(Box box, int n, double rmax, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0, 0, 0});
        double r = 0.999 * rmax;
        pts.add(new double[] {r, 0, 0, 0});
        pts.add(new double[] {-r, 0, 0, 0});                    // antipodal: r_j·r_k = −r²
        pts.add(new double[] {0, 0.97 * rmax, 0, 1});
        pts.add(new double[] {0, 0.999 * rmax, 0.0, 0});       // parallel to the previous one: r_j·r_k ≈ +r²
        pts.set(4, new double[] {0.3, 0.99 * rmax, 0.3, 0});
        while (pts.size() < n + 1) {
            double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]), rr = rmax * rnd.nextDouble(0.97, 0.999);
            double[] q = {rr * u[0] / nu, rr * u[1] / nu, rr * u[2] / nu, rnd.nextDouble() < 0.7 ? 0 : 1};
            boolean far = true;
            for (double[] o : pts) {
                double dx = o[0] - q[0], dy = o[1] - q[1], dz = o[2] - q[2];
                far &= dx * dx + dy * dy + dz * dz > 0.45 * 0.45;
            }
            if (far) pts.add(q);
        }
        return AngularFactorisationTest.store(box, pts);
    }
}
