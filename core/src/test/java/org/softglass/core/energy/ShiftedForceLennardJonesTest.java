package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Paper 004's mBLJ ({@link Models#mblj()}, {@link ShiftedForceLennardJones}) at the pair level. */
class ShiftedForceLennardJonesTest {
    private static final PairPotential MBLJ = Models.mblj();
    private static final double[][] EPS = {{1.0, 1.5}, {1.5, 0.5}}, SIG = {{1.0, 0.8}, {0.8, 0.88}}, RC = {{1.5, 2.0}, {2.0, 1.5}};

    private static double lj(double e, double s, double r) { return 4 * e * (Math.pow(s / r, 12) - Math.pow(s / r, 6)); }

    private static double ljPrime(double e, double s, double r) { return -24 * e / r * (2 * Math.pow(s / r, 12) - Math.pow(s / r, 6)); }

    /**
     * U = U_LJ(r) − U_LJ(r_c) − (r − r_c)U'_LJ(r_c) and F = −U' = −U'_LJ(r) + U'_LJ(r_c), written out with
     * Math.pow, at points from 0.85σ_ab to just inside r_c: agreement to 1e-12 relative (round-off of the
     * two evaluations).
     */
    @Test
    void matchesTheShiftedForceFormula() {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double e = EPS[a][b], s = SIG[a][b], rc = RC[a][b];
                assertEquals(rc, MBLJ.cutoff(a, b), 1e-15);
                for (double r = 0.85 * s; r < rc; r += 0.0231) {
                    double u = lj(e, s, r) - lj(e, s, rc) - (r - rc) * ljPrime(e, s, rc);
                    double f = -ljPrime(e, s, r) + ljPrime(e, s, rc);
                    assertEquals(u, MBLJ.energy(a, b, r * r), 1e-12 * Math.max(1, Math.abs(u)), "U " + a + b + " r=" + r);
                    assertEquals(f, MBLJ.forceOverR(a, b, r * r) * r, 1e-11 * Math.max(1, Math.abs(f)), "F " + a + b + " r=" + r);
                }
            }
        }
        assertEquals(2.0, MBLJ.maxCutoff(), 0);
    }

    /**
     * What the shifted-force model requires at r_c: U and U' vanish (at r_c − δ, δ = 1e-8 σ, |U''| ≤ 4.4:
     * U ≈ U''δ²/2 ≲ 3e-16, U' ≈ U''δ ≲ 5e-8; bounds 1e-12, 1e-6), so no force jumps (ShearModulusStudy's
     * check passes). U'' does not vanish: it jumps by U''_LJ(r_c), which must equal −f − 2r²f' just inside
     * r_c (to 1e-6 relative: |U'''|δ ≲ 1e-7 there).
     */
    @Test
    void energyAndForceVanishAtTheCutoffCurvatureJumps() {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double e = EPS[a][b], s = SIG[a][b], rc = RC[a][b], r = rc - 1e-8, r2 = r * r;
                assertEquals(0.0, MBLJ.energy(a, b, r2), 1e-12);
                assertEquals(0.0, MBLJ.forceOverR(a, b, r2) * r, 1e-6);
                assertEquals(0.0, MBLJ.energy(a, b, rc * rc));
                assertEquals(0.0, MBLJ.forceOverR(a, b, rc * rc));
                double upp = -MBLJ.forceOverR(a, b, r2) - 2 * r2 * MBLJ.forceOverRDerivative(a, b, r2);
                double ljpp = 4 * e * (156 * Math.pow(s, 12) / Math.pow(rc, 14) - 42 * Math.pow(s, 6) / Math.pow(rc, 8));
                assertEquals(ljpp, upp, 1e-6 * Math.abs(ljpp), "U''(rc-) = U''_LJ(rc)");
                assertTrue(Math.abs(ljpp) > 1e-3, "the jump is not vacuous");
            }
        }
        assertEquals("mblj", MBLJ.name());
    }

    /**
     * Force = −dU/dr and f' = df/d(r²) by central differences from 0.8σ_ab to within 1e-4 of r_c, every
     * pair. Steps and tolerances as {@link PairPotentialTest} (h = 1e-5 σ) and
     * {@link PairSecondDerivativeTest} (h = 1e-6 σ², f''' /f' ≲ 300 for powers of s ≥ −8, plus the
     * r⁻¹ shift term whose derivatives are smaller): tolerance 1e-6·max(1, |·|).
     */
    @Test
    void forceAndSecondDerivativeMatchFiniteDifferences() {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double rc = RC[a][b];
                for (double r = 0.8 * SIG[a][b]; r < rc - 2e-5; r += 0.0097) {
                    FiniteDifferences.checkForce(MBLJ, a, b, r, 1e-5);
                    FiniteDifferences.checkForceDerivative(MBLJ, a, b, r, 1e-6);
                }
                for (double d : new double[] {1e-3, 1e-4}) {
                    FiniteDifferences.checkForce(MBLJ, a, b, rc - d, 1e-5);
                    FiniteDifferences.checkForceDerivative(MBLJ, a, b, rc - d, 1e-6);
                }
            }
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ShiftedForceLennardJones.of("x", new double[][] {{1}}, new double[][] {{1}}, new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class,
                () -> ShiftedForceLennardJones.of("x", new double[][] {{-1}}, new double[][] {{1}}, new double[][] {{1.5}}));
        assertTrue(MBLJ.description().startsWith("lj/sf"), MBLJ.description());
    }
}
