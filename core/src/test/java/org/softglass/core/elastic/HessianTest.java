package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;
import org.softglass.core.testutil.Neighbors;

/** The sparse Hessian against finite differences of the analytic forces, and its algebraic properties. */
class HessianTest {

    /**
     * Column c of M equals {@code −[F(x + h e_c) − F(x − h e_c)]/(2h)} with F from {@link ForceCompute}
     * (independent code: the SIMD force kernel over its own neighbour list), on 40 random coordinates.
     * h = 1e-6 σ: truncation h²·∂³F/6 with |∂³F| ≲ 1e5 ε/σ⁴ (LJ core at r ≈ 0.75σ_AB) gives ≲ 2e-8;
     * round-off ε_mach·Σ|f_pair|/h ≲ 2e-16·1e3/1e-6 = 2e-7. Tolerance 2e-6 ε/σ² absolute per element,
     * against entries up to ~1e3 (so ≤ 1e-8 relative to the largest). A pair within h of its cutoff
     * would make F jump; such columns are skipped (none occurs in practice: probability ~1e-3 per column).
     */
    static void checkAgainstForces(Systems.Config c, long seed) {
        double h = 1e-6;
        try (Hessian hs = Hessian.assemble(c.particles(), c.box(), c.potential(), 2);
             ForceCompute fc = new ForceCompute(c.potential(), 1);
             ParticleStore q = c.particles().copy();
             NeighborList list = Neighbors.full(q, c.box(), c.potential().maxCutoff() + 0.3)) {
            HessianFiniteDifference.Result r = HessianFiniteDifference.compare(hs, fc, q, c.box(), c.potential(), list,
                    new SplittableRandom(seed), 40, h);
            double maxErr = r.maxError(), maxEntry = r.maxEntry();
            assertTrue(maxErr < 2e-6, "max |M − FD| = " + maxErr + " (largest entry " + maxEntry + ")");
            assertTrue(maxEntry > 10, "columns were checked: largest entry " + maxEntry);
        }
    }

    @Test
    void lammpsKaInherentStructureMatchesForceDifferences() throws IOException {
        try (Systems.Config c = Systems.lammpsKa()) {
            checkAgainstForces(c, 1);
        }
    }

    @Test
    void ownKaAndIplQuenchesMatchForceDifferences() {
        try (Systems.Config c = Systems.quenched("ka", 400, 3)) {
            checkAgainstForces(c, 2);
        }
        try (Systems.Config c = Systems.quenched("ipl", 400, 4)) {
            checkAgainstForces(c, 3);
        }
    }

    /**
     * Forces and energy from the assembly equal ForceCompute's (same formulas, other code); the
     * fixture IS passes the minimum check at 1e-9 and reports fmax ≈ 1.3e-11 (README of the fixtures).
     */
    @Test
    void forcesEnergyAndMinimumCheckOnFixture() throws IOException {
        try (Systems.Config c = Systems.lammpsKa();
             Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 1);
             ForceCompute fc = new ForceCompute(c.potential(), 1);
             NeighborList list = Neighbors.full(c.particles(), c.box(), c.potential().maxCutoff())) {
            double u = fc.compute(c.particles(), c.box(), list, null).energy();
            // both sum the same 4e4 pair energies in different orders: round-off ~1e-13 relative
            assertEquals(u, h.energy(), 1e-10 * Math.abs(u));
            assertEquals(-7555.42414064805, h.energy(), 1e-8);
            double[] f = h.forces();
            for (int i = 0; i < c.particles().size(); i++) {
                for (int a = 0; a < 3; a++) assertEquals(c.particles().force(i, a), f[3 * i + a], 1e-11);
            }
            assertTrue(h.maxForce() < 1e-10, "fmax " + h.maxForce());
            h.requireMinimum(1e-9);
            assertEquals(0, h.rattlers().length);
        }
    }

    /** A uniform translation is annihilated exactly (difference form), on both kernels. */
    @Test
    void annihilatesTranslationsExactly() throws IOException {
        try (Systems.Config c = Systems.lammpsKa(); Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 2)) {
            double[] t = new double[h.dimension()], y = new double[h.dimension()];
            for (int i = 0; i < h.size(); i++) {
                t[3 * i] = 0.3;
                t[3 * i + 1] = -1.7;
                t[3 * i + 2] = 2.1;
            }
            h.multiplySimd(t, y);
            for (double v : y) assertEquals(0.0, v);
            h.multiplyScalar(t, y);
            for (double v : y) assertEquals(0.0, v);
        }
    }

    /**
     * Symmetry: the dense matrix of a small IS equals its transpose exactly (K_ij and K_ji come from
     * d and −d with an odd minimum image), and u·Mv = v·Mu for random vectors on the fixture to 1e-12
     * relative (two sums of 2e5 terms in different orders).
     */
    @Test
    void symmetric() throws IOException {
        try (Systems.Config c = Systems.quenched("ka", 256, 5); Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 1)) {
            int m = h.dimension();
            double[] a = h.dense();
            for (int r = 0; r < m; r++) for (int s = 0; s < r; s++) assertEquals(a[r + m * s], a[s + m * r], 0.0);
        }
        try (Systems.Config c = Systems.lammpsKa(); Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 2)) {
            SplittableRandom rnd = new SplittableRandom(9);
            double[] u = new double[h.dimension()], v = new double[h.dimension()], mu = new double[u.length], mv = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                u[k] = rnd.nextGaussian();
                v[k] = rnd.nextGaussian();
            }
            h.multiply(u, mu);
            h.multiply(v, mv);
            double a = HessianCg.dot(v, mu), b = HessianCg.dot(u, mv);
            assertEquals(a, b, 1e-12 * Math.sqrt(HessianCg.dot(mu, mu) * HessianCg.dot(v, v)));
        }
    }

    /**
     * SIMD and scalar products agree to 1e-13 relative (same terms, lane-wise summation order), the
     * threaded product equals the serial one bit for bit, and the dense matrix times x equals the product.
     */
    @Test
    void kernelsAgreeAndThreadCountDoesNotMatter() {
        try (Systems.Config c = Systems.quenched("ipl", 300, 6);
             Hessian h1 = Hessian.assemble(c.particles(), c.box(), c.potential(), 1);
             Hessian h3 = Hessian.assemble(c.particles(), c.box(), c.potential(), 3)) {
            int m = h1.dimension();
            SplittableRandom rnd = new SplittableRandom(11);
            double[] x = new double[m];
            for (int k = 0; k < m; k++) x[k] = rnd.nextGaussian();
            double[] ys = new double[m], yv = new double[m], y1 = new double[m], y3 = new double[m];
            h1.multiplyScalar(x, ys);
            h1.multiplySimd(x, yv);
            h1.multiply(x, y1);
            h3.multiply(x, y3);
            assertArrayEquals(y1, y3);
            double norm = Math.sqrt(HessianCg.dot(ys, ys));
            for (int k = 0; k < m; k++) assertEquals(ys[k], yv[k], 1e-13 * norm);
            double[] a = h1.dense();
            for (int r = 0; r < m; r += 7) {
                double s = 0;
                for (int q = 0; q < m; q++) s += a[r + m * q] * x[q];
                assertEquals(s, ys[r], 1e-12 * norm);
            }
        }
    }

    /** A random (unquenched) configuration is refused with the largest force named. */
    @Test
    void refusesConfigurationNotAtMinimum() {
        Box box = Box.cubicForDensity(300, 1.2);
        try (ParticleStore p = Configs.random(300, box, 0.8, 0.8, 1); Hessian h = Hessian.assemble(p, box, Models.ka(), 1)) {
            ElasticException e = assertThrows(ElasticException.class, () -> h.requireMinimum(1e-6));
            assertTrue(e.getMessage().contains("not at an energy minimum"), e.getMessage());
        }
    }

    /**
     * The rattler refusal of a pair model keeps its wording ("fewer than 4 interacting neighbours"); a three-body
     * model counts a particle with no interacting neighbour ("fewer than 1 interacting neighbour"). Dilute random
     * configurations (N = 20 in a box of 6 σ, ρ ≈ 0.09) hold both kinds.
     */
    @Test
    void rattlerMessageNamesTheThreshold() {
        Box box = Box.cubic(6.0);
        try (ParticleStore p = Configs.random(20, box, 0.8, 0.9, 3); Hessian h = Hessian.assemble(p, box, Models.ka(), 1)) {
            ElasticException e = assertThrows(ElasticException.class, h::requireNoRattlers);
            assertTrue(e.getMessage().matches("Hessian is singular beyond the 3 translations: \\d+ rattler\\(s\\) with fewer than 4 interacting"
                    + " neighbours \\(first: particle slot \\d+ with [0-3]\\); remove them before computing elastic moduli"), e.getMessage());
        }
        try (ParticleStore p = Configs.random(20, box, 1.0, 0.9, 3); Hessian h = Hessian.assemble(p, box, Models.sw(), 1)) {
            ElasticException e = assertThrows(ElasticException.class, h::requireNoRattlers);
            assertTrue(e.getMessage().contains("rattler(s) with fewer than 1 interacting neighbour (first: particle slot ")
                    && e.getMessage().endsWith(" with 0); remove them before computing elastic moduli"), e.getMessage());
        }
    }
}
