package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Paper 004's Sticky Spheres ({@link StickySpheres}, {@link Models#stickySpheres()}) at the pair level. */
class StickySpheresTest {
    private static final PairPotential SS = Models.stickySpheres();
    private static final double XC = 1.2 * StickySpheres.X_MIN;
    /** λ_ab of {@link Models#stickySpheres()} (σ_AA units). */
    private static final double[][] LAMBDA = {{1.0, 1.18}, {1.18, 1.4}};

    /** A check of one species pair (p, q) with its λ_pq. */
    @FunctionalInterface
    private interface PairCheck {
        void check(int p, int q, double lambda);
    }

    /** Runs {@code c} for the four ordered pairs (p, q) of the two species. */
    private static void forEachPair(PairCheck c) {
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) c.check(p, q, LAMBDA[p][q]);
        }
    }

    /**
     * The 6×6 solve reproduces the coefficients tabulated (15 significant digits) in the 004 group's
     * HOOMD-blue {@code sticky_spheres} pair for x_c = 1.2·2^{1/6}: an independent statement of the same
     * continuity conditions. Tolerance 1e-12 relative: the table carries 15 digits (1e-15) and the
     * double-precision solve agrees with a 40-digit one to ~1e-15 (checked when the coefficients were
     * found); 1e-12 leaves room for other JIT/FMA round-off.
     */
    @Test
    void coefficientsEqualTheGroupsHoomdTable() {
        double[] k = StickySpheres.smoothingCoefficients(XC);
        double[] hoomd = {-106.991613526652, -304.918469059567, -939.388037994211, 1190.70962256002, -541.300131587551, 85.8684936914713};
        for (int i = 0; i < 6; i++) assertEquals(hoomd[i], k[i], 1e-12 * Math.abs(hoomd[i]), "coefficient " + i);
    }

    /**
     * Against the group's HOOMD evaluator written out independently here (its {@code evalForceAndEnergy}
     * with the tabulated coefficients, in r/λ with Math.pow): U and −U'/r agree to 1e-10 relative (the
     * coefficients agree to 1e-14; the tail is a difference of terms of size ~1e3, hence the margin).
     */
    @Test
    void energyAndForceEqualTheHoomdEvaluator() {
        double a = -106.991613526652, b = -304.918469059567, c0 = -939.388037994211, c2 = 1190.70962256002,
                c4 = -541.300131587551, c6 = 85.8684936914713;
        forEachPair((p, q, l) -> {
            assertEquals(XC * l, SS.cutoff(p, q), 1e-14);
            for (double r = 0.85 * l; r < XC * l; r += 0.0173) {
                double s2 = (r / l) * (r / l), s6 = 1 / (s2 * s2 * s2), u, fdr;
                if (r * r < Math.pow(2, 1.0 / 3) * l * l) {
                    u = 4 * s6 * (s6 - 1);
                    fdr = 24 / (r * r) * s6 * (2 * s6 - 1);
                } else {
                    u = s6 * (a * s6 - b) + c0 + s2 * (c2 + s2 * (c4 + c6 * s2));
                    fdr = 2 / (r * r) * (-s2 * (c2 + s2 * (2 * c4 + 3 * c6 * s2)) + s6 * (6 * a * s6 - 3 * b));
                }
                assertEquals(u, SS.energy(p, q, r * r), 1e-10 * Math.max(1, Math.abs(u)), "U at r=" + r);
                assertEquals(fdr, SS.forceOverR(p, q, r * r), 1e-10 * Math.max(1, Math.abs(fdr)), "F/r at r=" + r);
            }
        });
    }

    /**
     * U, U' = −f r and U'' = −f − 2r²f' (f = −U'/r, f' = df/d(r²)) are continuous where the LJ core
     * meets the tail (x = 2^{1/6}) and vanish at the cutoff: at r_c − δ they are O(δ³), O(δ²), O(δ)
     * (δ = 1e-6 λ and |U'''(r_c)| ≈ 3.3e3 ε/λ³: about 6e-16, 2e-9 and 3e-3; the tail's terms are ~3e3 ε,
     * so U carries ~1e-12 round-off: bounds 1e-11, 1e-8, 1e-2). Across x_min (±1e-10 λ) they match to
     * 1e-6 relative (|U'''| ≲ 5e3 there changes U'' by 1e-6 over 2e-10). The attraction is real:
     * U(x_min) = −ε, U'(x_min) = 0.
     */
    @Test
    void energyForceAndCurvatureAreContinuousAndVanishAtTheCutoff() {
        forEachPair((p, q, l) -> {
            double rm = StickySpheres.X_MIN * l, rc = SS.cutoff(p, q);
            double[] lo = derivs(p, q, rm - 1e-10 * l), hi = derivs(p, q, rm + 1e-10 * l);
            for (int k = 0; k < 3; k++) assertEquals(lo[k], hi[k], 1e-6 * Math.max(1, Math.abs(lo[k])), "derivative " + k + " across x_min");
            assertEquals(-1.0, lo[0], 1e-9);
            assertEquals(0.0, lo[1], 1e-6);
            double[] end = derivs(p, q, rc - 1e-6 * l);
            assertEquals(0.0, end[0], 1e-11, "U(rc-)");
            assertEquals(0.0, end[1], 1e-8, "U'(rc-)");
            assertEquals(0.0, end[2], 1e-2, "U''(rc-)");
            assertEquals(0.0, SS.energy(p, q, rc * rc));
            assertEquals(0.0, SS.forceOverR(p, q, rc * rc));
            assertEquals(0.0, SS.forceOverRDerivative(p, q, rc * rc));
            // and U'' is far from 0 inside the well: the check above is not vacuous
            assertTrue(derivs(p, q, rm)[2] > 10 / (l * l));
        });
    }

    /** {U, U', U''} at r from the analytic f and f'. */
    private static double[] derivs(int p, int q, double r) {
        double s = r * r, f = SS.forceOverR(p, q, s), fp = SS.forceOverRDerivative(p, q, s);
        return new double[] {SS.energy(p, q, s), -f * r, -f - 2 * s * fp};
    }

    /**
     * Force = −dU/dr and f' = df/d(r²) by central differences over the whole range (0.85λ to r_c,
     * including within 1e-3 λ of x_min and of r_c), for every pair. Steps and tolerances as
     * {@link PairPotentialTest}: h = 1e-5 σ for U (truncation h²|U'''|/6 ≲ 2e-6 against |F| ~ 3e2 in the
     * core, round-off ε_mach·3e3/h ≈ 3e-8; tolerance 1e-6·max(1,|F|)), h = 1e-5 σ² for f (the tail's terms
     * are ~2e3 ε/σ², so round-off ~1e-12/h = 1e-7; truncation h²|f'''|/6 ≲ 2e-6 against |f'| ~ 1e3 in the
     * core; tolerance 1e-6·max(1,|f'|)). Points within 3e-5 σ of x_min, where U''' and f'' jump and a
     * stencil would straddle the kink, are skipped: continuity there is checked above.
     */
    @Test
    void forceAndSecondDerivativeMatchFiniteDifferences() {
        forEachPair((p, q, l) -> {
            double rm = StickySpheres.X_MIN * l, rc = SS.cutoff(p, q);
            java.util.List<Double> rs = new java.util.ArrayList<>();
            for (double r = 0.85 * l; r < rc - 1e-4; r += 0.0071) rs.add(r);
            for (double d : new double[] {1e-3, 1e-4, 3e-5}) { rs.add(rm - d * l); rs.add(rm + d * l); rs.add(rc - d * l); }
            for (double r : rs) {
                if (Math.abs(r - rm) < 3e-5 || r > rc - 2e-5) continue;
                FiniteDifferences.checkForce(SS, p, q, r, 1e-5);
                FiniteDifferences.checkForceDerivative(SS, p, q, r, 1e-5);
            }
        });
    }

    @Test
    void badCutoffAndLambdaAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StickySpheres.smoothingCoefficients(1.0));
        assertThrows(IllegalArgumentException.class, () -> StickySpheres.of("x", 1, new double[][] {{0}}, XC));
        assertThrows(IllegalArgumentException.class, () -> StickySpheres.of("x", -1, new double[][] {{1}}, XC));
        assertTrue(SS.description().contains("sticky spheres"), SS.description());
    }
}
