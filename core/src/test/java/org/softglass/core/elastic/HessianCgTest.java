package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked multi-RHS product and CG against their single-vector twins. */
class HessianCgTest {

    /**
     * The scalar blocked product equals R scalar products bit for bit (same terms in the same order),
     * and the scalar solveMany equals R single solves with the scalar product bit for bit, including
     * systems that converge at different iterations. The SIMD blocked product (8 vectors: one per
     * lane) agrees with the scalar one to 1e-13 relative (fused multiply-adds, other association);
     * its solves give κ within 1e-9 relative (CG tolerance 1e-11, cond ≲ 1e3).
     */
    @Test
    void blockedEqualsSingle() {
        blockedEqualsSingle("ka", 256, 41);
    }

    /**
     * The same contract for the Stillinger–Weber model, whose three-body blocks ({@link TripletBlocks}) are
     * added by a separate blocked product: it must sum each row in the order of the single one, so that the
     * scalar solveMany (the dipole stiffnesses) still equals single scalar solves bit for bit.
     */
    @Test
    void blockedEqualsSingleWithThreeBodyBlocks() {
        blockedEqualsSingle("sw", 64, 6);
    }

    private static void blockedEqualsSingle(String model, int n, long seed) {
        try (Systems.Config c = Systems.quenched(model, n, seed); Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 1)) {
            int m = h.dimension(), nr = 8;
            SplittableRandom rnd = new SplittableRandom(2);
            double[][] v = new double[nr][m];
            double[] xb = new double[m * nr], yb = new double[m * nr], y = new double[m];
            for (int q = 0; q < nr; q++) for (int k = 0; k < m; k++) { v[q][k] = rnd.nextGaussian(); xb[k * nr + q] = v[q][k]; }
            h.multiplyManyScalar(xb, yb, nr);
            double[] ys = new double[m * nr];
            h.multiplyMany(xb, ys, nr);
            for (int q = 0; q < nr; q++) {
                h.multiplyScalar(v[q], y);
                double norm = Math.sqrt(HessianCg.dot(y, y));
                for (int k = 0; k < m; k++) {
                    assertEquals(y[k], yb[k * nr + q], 0.0);
                    assertEquals(y[k], ys[k * nr + q], 1e-13 * norm);
                }
            }
            int[][] pairs = DipoleStiffness.randomPairs(h, 4, 1);
            double[][] rhs = new double[5][];
            for (int q = 0; q < 4; q++) rhs[q] = DipoleStiffness.dipole(h, pairs[q][0], pairs[q][1]);
            rhs[4] = ShearModulus.mixedDerivative(h);
            HessianCg.Result[] many = HessianCg.solveMany(h, rhs, 1e-11, 10_000, false);
            HessianCg.Result[] fast = HessianCg.solveMany(h, rhs, 1e-11, 10_000);
            for (int q = 0; q < 5; q++) {
                HessianCg.Result one = HessianCg.solve(h::multiplyScalar, rhs[q], 1e-11, 10_000);
                assertTrue(one.converged() && many[q].converged());
                assertEquals(one.iterations(), many[q].iterations());
                assertArrayEquals(one.solution(), many[q].solution());
                assertTrue(many[q].relativeResidual() < 1e-10, "residual " + many[q].relativeResidual());
                assertTrue(fast[q].converged() && fast[q].relativeResidual() < 1e-10);
                if (q < 4) {
                    double k1 = DipoleStiffness.kappa(rhs[q], one.solution()), k2 = DipoleStiffness.kappa(rhs[q], fast[q].solution());
                    assertEquals(k1, k2, 1e-9 * k1);
                }
            }
        }
    }
}
