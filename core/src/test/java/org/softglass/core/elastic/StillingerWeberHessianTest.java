package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** The Hessian and the shear modulus of the three-body Stillinger–Weber model ({@link TripletBlocks}). */
class StillingerWeberHessianTest {
    private static final PairPotential SW = Models.sw();

    /**
     * At a random SW configuration each of N = 64 and 216 (not minima) the Hessian's energy and forces equal
     * {@link ForceCompute}'s (1e-11 relative), its columns equal central differences of ForceCompute's
     * forces (h = 1e-6; tolerance 1e-6 of the largest entry: truncation h²·U'''' and round-off
     * 1e-16·|F|/h), the dense matrix is symmetric, every product path (parallel, serial, scalar, SIMD,
     * blocked) gives the same vector, a uniform translation is annihilated to round-off, and the exported
     * pair and three-body blocks ({@link Hessian#rowBlocks}, {@link Hessian#tripletRowBlocks}) rebuild the
     * dense matrix.
     */
    @Test
    void hessianMatchesFiniteDifferencesOfForces() {
        for (int n : new int[] {64, 216}) {
            Box box = Box.cubicForDensity(n, 0.52);
            for (long seed = 1; seed <= 1; seed++) {
                try (ParticleStore p = Configs.random(n, box, 1.0, 0.85, seed);
                     Hessian h = Hessian.assemble(p, box, SW, 2);
                     ForceCompute fc = new ForceCompute(SW, 2);
                     NeighborList nl = Configs.bruteForce(p, box, SW.maxCutoff() + 0.3, NeighborList.Kind.FULL)) {
                    assertTrue(h.triplets() != null);
                    double u = fc.compute(p, box, nl, null).energy();
                    assertEquals(u, h.energy(), 1e-11 * Math.abs(u));
                    double[] f = h.forces();
                    for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) {
                        assertEquals(p.force(i, a), f[3 * i + a], 1e-11 * Math.max(1, Math.abs(f[3 * i + a])));
                    }
                    HessianFiniteDifference.Result r = HessianFiniteDifference.compare(h, fc, p, box, SW, nl, new SplittableRandom(seed), 24, 1e-6);
                    assertTrue(r.columns() >= 20 && r.maxEntry() > 10, r.toString());
                    assertTrue(r.maxError() < 1e-6 * r.maxEntry(), r.toString());
                    int m = 3 * n;
                    double[] a = h.dense();
                    double amax = 0;
                    for (double v : a) amax = Math.max(amax, Math.abs(v));
                    for (int i = 0; i < m; i++) for (int j = 0; j < i; j++) assertEquals(a[i + m * j], a[j + m * i], 1e-13 * amax, "symmetric");
                    // the exported blocks rebuild the matrix: pair blocks (difference form) plus three-body blocks
                    double[] re = new double[m * m];
                    for (int i = 0; i < n; i++) {
                        int[] nb = h.neighbors(i);
                        double[] pb = h.rowBlocks(i), tb = h.tripletRowBlocks(i);
                        for (int k = 0; k < nb.length; k++) {
                            double[] b = {pb[6 * k], pb[6 * k + 1], pb[6 * k + 2], pb[6 * k + 1], pb[6 * k + 3], pb[6 * k + 4],
                                    pb[6 * k + 2], pb[6 * k + 4], pb[6 * k + 5]};
                            for (int ra = 0; ra < 3; ra++) for (int cc = 0; cc < 3; cc++) {
                                re[3 * i + ra + m * (3 * i + cc)] += b[3 * ra + cc];
                                re[3 * i + ra + m * (3 * nb[k] + cc)] -= b[3 * ra + cc];
                            }
                        }
                        for (int k = 0; k < tb.length / 10; k++) {
                            int col = (int) tb[10 * k];
                            for (int ra = 0; ra < 3; ra++) for (int cc = 0; cc < 3; cc++) re[3 * i + ra + m * (3 * col + cc)] += tb[10 * k + 1 + 3 * ra + cc];
                        }
                    }
                    for (int k = 0; k < m * m; k++) assertEquals(a[k], re[k], 1e-13 * amax, "exported blocks");
                    assertTrue(h.tripletBlockCount() > n, "three-body blocks stored");
                    SplittableRandom rnd = new SplittableRandom(7);
                    double[] x = new double[m], y1 = new double[m], y2 = new double[m], y3 = new double[m], y4 = new double[m];
                    for (int k = 0; k < m; k++) x[k] = rnd.nextGaussian();
                    h.multiply(x, y1);
                    h.multiplySerial(x, y2);
                    h.multiplyScalar(x, y3);
                    double[] x2 = new double[2 * m], yy = new double[2 * m];
                    for (int k = 0; k < m; k++) { x2[2 * k] = x[k]; x2[2 * k + 1] = -x[k]; }
                    h.multiplyManyScalar(x2, yy, 2);
                    double[] y5 = new double[m];
                    h.multiplySimd(x, y5);
                    int nv = 8;   // a full group of 8 (AVX-512) or two of 4 lanes: the Vector-API blocked path where dispatched
                    double[] x8 = new double[nv * m], y8 = new double[nv * m];
                    for (int k = 0; k < m; k++) for (int s = 0; s < nv; s++) x8[nv * k + s] = (s + 1) * x[k];
                    h.multiplyMany(x8, y8, nv);
                    for (int k = 0; k < m; k++) {
                        double dense = 0;
                        for (int c = 0; c < m; c++) dense += a[k + m * c] * x[c];
                        assertEquals(dense, y1[k], 1e-12 * amax * Math.sqrt(m));
                        assertEquals(y1[k], y2[k], 1e-12 * amax);
                        assertEquals(y1[k], y3[k], 1e-12 * amax);
                        assertEquals(y1[k], yy[2 * k], 1e-12 * amax);
                        assertEquals(-y1[k], yy[2 * k + 1], 1e-12 * amax);
                        assertEquals(y1[k], y5[k], 1e-12 * amax);
                        for (int s = 0; s < nv; s++) assertEquals((s + 1) * y1[k], y8[nv * k + s], (s + 1) * 1e-12 * amax);
                    }
                    double[] t = new double[m];
                    for (int k = 0; k < n; k++) t[3 * k + 1] = 1;
                    h.multiply(t, y4);
                    for (double v : y4) assertEquals(0, v, 1e-11 * amax);
                }
            }
        }
    }

    /**
     * G of eq A1 with the three-body terms, at a quenched SW glass (N = 64, rho = 0.52): the Born term
     * equals the affine second difference of U(gamma) (gamma = +-1e-4, from the sheared assembly, triplets
     * included), and G equals the relaxed second difference ({@link ShearedRelaxation}, Newton to
     * fmax <= 1e-11), both to 2e-5 relative. Budget: round-off 4 eps_mach |U|/(gamma^2 V G) = 4e-16 * 125 /
     * (1e-8 * 123 * 0.7) = 6e-8, truncation gamma^2 U''''/(12 U'') = 1e-8 x O(100); measured 5e-8 (Born) and
     * 3e-6 (G) at N = 125. (gamma = 1e-5 left 2e-5 of round-off on the Born term of the softer SW glass.)
     * The dense Cholesky solve of the non-affine term agrees with CG.
     */
    @Test
    void shearModulusEqualsEnergyCurvature() {
        try (Systems.Config c = Systems.quenched("sw", 64, 6);
             Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 2)) {
            h.requireMinimum(1e-8);
            h.requireNoRattlers();
            ShearModulus g = ShearModulus.compute(h, 1e-12, 100_000);
            assertTrue(g.nonAffine() > 0 && g.modulus() > 0 && g.modulus() < g.born(), g.toString());
            double gamma = 1e-4, v = c.box().volume();
            double up = affine(c, gamma), u0 = affine(c, 0), um = affine(c, -gamma);
            double bornFd = (up - 2 * u0 + um) / (gamma * gamma * v);
            assertEquals(g.born(), bornFd, 2e-5 * g.born(), "Born term");
            ParticleStore p = c.particles();
            double rp = ShearedRelaxation.relax(p, c.box(), c.potential(), gamma, 1e-11, 20, 2).energy();
            double r0 = ShearedRelaxation.relax(p, c.box(), c.potential(), 0, 1e-11, 20, 2).energy();
            double rm = ShearedRelaxation.relax(p, c.box(), c.potential(), -gamma, 1e-11, 20, 2).energy();
            double gFd = (rp - 2 * r0 + rm) / (gamma * gamma * v);
            assertEquals(g.modulus(), gFd, 2e-5 * g.modulus(), "relaxed: G = " + g + ", finite difference " + gFd);
            double[] xi = ShearModulus.mixedDerivative(h);
            try (DenseHessian d = DenseHessian.factor(h)) {
                double[] z = d.solve(new double[][] {xi})[0];
                assertEquals(g.nonAffine(), HessianCg.dot(xi, z) / v, 1e-8 * g.nonAffine(), "dense non-affine term");
            }
        }
    }

    /**
     * κ of 16 dipoles by blocked CG ({@link DipoleStiffness#solveCg}: two batches of 8, so with 8 or 4 lanes the
     * Vector-API three-body kernel of {@link Hessian#multiplyMany} runs on full lane groups) equals κ from the dense
     * Cholesky solve to 1e-8 relative at a quenched SW glass (N = 64; CG tolerance 1e-13, the κ error is of order
     * cond·tol ≲ 1e-9), and is the same to the last bit with 1 and 2 threads (batches are fixed, rows sum in a fixed order).
     */
    @Test
    void dipoleStiffnessMatchesDenseSolve() {
        try (Systems.Config c = Systems.quenched("sw", 64, 6);
             Hessian h1 = Hessian.assemble(c.particles(), c.box(), c.potential(), 1);
             Hessian h2 = Hessian.assemble(c.particles(), c.box(), c.potential(), 2);
             DenseHessian dense = DenseHessian.factor(h1)) {
            int[][] pairs = DipoleStiffness.randomPairs(h1, 16, 5);
            DipoleStiffness.Dipole[] cg = DipoleStiffness.solveCg(h1, pairs, 1e-13, 100_000);
            DipoleStiffness.Dipole[] cg2 = DipoleStiffness.solveCg(h2, pairs, 1e-13, 100_000);
            DipoleStiffness.Dipole[] ch = DipoleStiffness.solveDense(h1, dense, pairs);
            for (int k = 0; k < pairs.length; k++) {
                assertTrue(cg[k].kappa() > 0 && cg[k].iterations() > 10, cg[k].toString());
                assertEquals(ch[k].kappa(), cg[k].kappa(), 1e-8 * ch[k].kappa(), "pair " + cg[k].i() + "," + cg[k].j());
                assertEquals(cg[k].kappa(), cg2[k].kappa(), 0.0, "thread count");
            }
        }
    }

    private static double affine(Systems.Config c, double gamma) {
        try (Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), gamma, 1)) {
            return h.energy();
        }
    }
}
