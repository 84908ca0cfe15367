package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairPotentialTest {
    /**
     * −U'(r)/r equals the central difference of U, for every preset and pair, from deep in the core
     * to just inside the cutoff. Step h = 1e-5 σ: truncation error h²U'''/6 and round-off
     * ε_mach·|U|/h are both below 1e-6 relative here; tolerance 1e-6·max(1, |F|).
     */
    @Test
    void forceIsMinusEnergyDerivative() {
        double h = 1e-5;
        FiniteDifferences.forEachPresetPair((p, a, b, rc) -> {
            for (double r = 0.75 * rc / 2.5 * (p.name().equals("ka") ? 1 : 2); r < rc - 2 * h; r += 0.0137) {
                FiniteDifferences.checkForce(p, a, b, r, h);
            }
            FiniteDifferences.checkForce(p, a, b, rc - 1e-3, h);
        });
    }

    @Test
    void zeroBeyondCutoffAndShiftedToZeroAtIt() {
        FiniteDifferences.forEachPresetPair((p, a, b, rc) -> {
            assertEquals(0.0, p.energy(a, b, rc * rc));
            assertEquals(0.0, p.forceOverR(a, b, rc * rc * 1.01));
            // continuity of U at rc (shift): |U(rc − δ)| ≈ |F| δ
            double d = 1e-7;
            double u = p.energy(a, b, (rc - d) * (rc - d));
            assertTrue(Math.abs(u) < 1e-5, p.name() + " U(rc-) = " + u);
        });
    }

    /** KA against the textbook LJ formula at a few points, including the shift value. */
    @Test
    void kaMatchesLammpsLjCutShift() {
        PairPotential ka = Models.ka();
        double[][] eps = {{1.0, 1.5}, {1.5, 0.5}}, sig = {{1.0, 0.8}, {0.8, 0.88}};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double e = eps[a][b], s = sig[a][b], rc = 2.5 * s;
                assertEquals(2.5 * s, ka.cutoff(a, b), 1e-15);
                for (double r : new double[] {0.9 * s, s, 1.1225 * s, 1.7 * s, 2.4 * s}) {
                    double lj = 4 * e * (Math.pow(s / r, 12) - Math.pow(s / r, 6));
                    double shift = 4 * e * (Math.pow(1 / 2.5, 12) - Math.pow(1 / 2.5, 6));
                    assertEquals(lj - shift, ka.energy(a, b, r * r), 1e-12 * Math.max(1, Math.abs(lj)));
                    double f = 24 * e / r * (2 * Math.pow(s / r, 12) - Math.pow(s / r, 6));
                    assertEquals(f, ka.forceOverR(a, b, r * r) * r, 1e-11 * Math.max(1, Math.abs(f)));
                }
            }
        }
        assertEquals(2.5, ka.maxCutoff(), 0);
    }

    /** The IPL smoothing makes U, U', U'', U''' vanish at x_c (checked by finite differences of U). */
    @Test
    void iplIsSmoothAtCutoff() {
        double[] c = InversePowerLaw.smoothingCoefficients(1.48);
        double xc = 1.48;
        java.util.function.DoubleUnaryOperator u = x -> Math.pow(x, -10) + c[0] + c[1] * x * x + c[2] * Math.pow(x, 4) + c[3] * Math.pow(x, 6);
        double h = 1e-3;
        assertEquals(0, u.applyAsDouble(xc), 1e-12);
        assertEquals(0, (u.applyAsDouble(xc + h) - u.applyAsDouble(xc - h)) / (2 * h), 1e-6);
        assertEquals(0, (u.applyAsDouble(xc + h) - 2 * u.applyAsDouble(xc) + u.applyAsDouble(xc - h)) / (h * h), 1e-4);
        double d3 = (u.applyAsDouble(xc + 2 * h) - 2 * u.applyAsDouble(xc + h) + 2 * u.applyAsDouble(xc - h) - u.applyAsDouble(xc - 2 * h)) / (2 * h * h * h);
        assertEquals(0, d3, 1e-2);
        // and the potential is not trivially zero inside
        assertTrue(u.applyAsDouble(1.0) > 0.5);
    }

    /**
     * The IPL solve equals the closed form of the 004 group's HOOMD {@code ipl_edan} pair
     * (c0 = −56 x_c⁻¹⁰, c2 = 140 x_c⁻¹², c4 = −120 x_c⁻¹⁴, c6 = 35 x_c⁻¹⁶), to round-off of the 4×4 solve.
     */
    @Test
    void iplCoefficientsEqualTheGroupsClosedForm() {
        for (double xc : new double[] {1.3, 1.48, 2.0}) {
            double[] c = InversePowerLaw.smoothingCoefficients(xc);
            double[] closed = {-56 * Math.pow(xc, -10), 140 * Math.pow(xc, -12), -120 * Math.pow(xc, -14), 35 * Math.pow(xc, -16)};
            for (int k = 0; k < 4; k++) assertEquals(closed[k], c[k], 1e-12 * Math.abs(closed[k]), "x_c=" + xc + " c" + 2 * k);
        }
    }

    /**
     * A three-body term must reach no farther than any pair cutoff: the Hessian forms its triplets from the
     * pair rows (neighbours within each species pair's cutoff), so a triplet neighbour beyond a shorter pair
     * cutoff would be in the forces ({@code TripletForces}, from the list) but missing from the Hessian.
     * AA reaches 2.0, AB and BB 1.0; a term of cutoff 1.5 is refused, one of cutoff 1.0 accepted.
     */
    @Test
    void threeBodyCutoffWithinEveryPairCutoff() {
        org.softglass.core.simd.PairParams far = new org.softglass.core.simd.PairParams(org.softglass.core.simd.PairParams.Form.HARMONIC, 4.0, 1, 0.5, 0, 0, 0, 0);
        org.softglass.core.simd.PairParams near = new org.softglass.core.simd.PairParams(org.softglass.core.simd.PairParams.Form.HARMONIC, 1.0, 1, 1.0, 0, 0, 0, 0);
        org.softglass.core.simd.PairParams[] t = {far, near, near, near};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PairPotential("x", "x", 2, t, new TripletTerm(1, 1, 1.5, -1.0 / 3)));
        assertTrue(e.getMessage().contains("three-body cutoff 1.5") && e.getMessage().contains("1.0"), e.getMessage());
        assertTrue(new PairPotential("x", "x", 2, t, new TripletTerm(1, 1, 1.0, -1.0 / 3)).hasTripletTerm());
    }

    @Test
    void badParametersAndNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.byName("lj"));
        assertTrue(e.getMessage().contains("unknown model 'lj'"));
        assertThrows(IllegalArgumentException.class, () -> Harmonic.of("x", -1, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> LennardJones.of("x", new double[][] {{1}}, new double[][] {{0}}, new double[][] {{2.5}}, true));
    }
}
